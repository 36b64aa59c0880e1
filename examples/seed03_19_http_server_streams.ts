// An HTTP server made with startServer(): each connection's handler reads
// the request with a StreamReader and answers through the StreamWriter. A
// client in the same program stands in for the browser.
// Seed 003, example 19: 网络通信-高级API. The server listens on a free port
// (0) instead of 8000 and prints only its host; serveForever() runs in a task
// that is cancelled once the client is done.
// Python original: examples/python/seed03_19_http_server_streams.py
import * as asyncio from "../mod.ts";

/**
 * 在asyncio.startServer传入该协程: 当一个tcp连接建立时就会调用该回调,
 * 并传入两个参数 render (StreamReader) 和 writer (StreamWriter).
 */
async function httpHandle(render: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const message = await render.read(1024);
  console.log(new TextDecoder().decode(message));
  writer.write("HTTP/1.1 200 OK\r\n\r\nHello Client!");
  writer.close();
}

async function browser(host: string, port: number) {
  const [reader, writer] = await asyncio.openConnection(host, port);
  writer.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
  const response = new TextDecoder().decode(await reader.read());
  const [head, body] = response.split(/\r\n\r\n(.*)/s);
  console.log(`浏览器收到 ${head}`);
  console.log(`浏览器显示结果 ${body}`);
  writer.close();
  await writer.waitClosed();
}

async function main() {
  const server = await asyncio.startServer(httpHandle, "127.0.0.1", 0);
  const [host, port] = server.sockets[0]!.getsockname() as [string, number];
  console.log(`服务器启动 ${host}`);
  // async with server:
  await using _ = server;
  const serving = asyncio.createTask(() => server.serveForever());
  await browser(host, port);
  serving.cancel();
  try {
    await serving;
  } catch (e) {
    if (!asyncio.isCancelledError(e)) throw e;
    console.log("服务器关闭");
  }
}

await asyncio.run(main);
