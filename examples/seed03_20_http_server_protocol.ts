// The HTTP server of example 19 one level down: a Protocol whose callbacks
// handle each connection, served by loop.createServer(). A client task in
// the same loop stands in for the browser.
// Seed 003, example 20: 网络通信-低级API. The server listens on a free port
// (0) instead of 8000; the client stops the loop when it is done, so
// runForever() returns; the loop comes from newEventLoop().
// Python original: examples/python/seed03_20_http_server_protocol.py
import * as asyncio from "../mod.ts";

class HttpProtocol implements asyncio.Protocol {
  /** 每个tcp连接建立时都会实例化这个类 */
  transport: asyncio.Transport | null = null;

  /** 连接建立时被调用 */
  connectionMade(transport: asyncio.Transport) {
    this.transport = transport;
  }

  /** 接收数据时被调用 */
  dataReceived(data: Uint8Array) {
    console.log(new TextDecoder().decode(data));
    this.transport!.write("HTTP/1.1 200 OK\r\n\r\nHello Client!");
    this.transport!.close();
  }
}

async function browser(loop: asyncio.AbstractEventLoop, host: string, port: number) {
  const [reader, writer] = await asyncio.openConnection(host, port);
  writer.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
  const response = new TextDecoder().decode(await reader.read());
  console.log(`浏览器显示结果 ${response.split(/\r\n\r\n(.*)/s).at(-2)}`);
  writer.close();
  await writer.waitClosed();
  loop.stop();
}

const loop = asyncio.newEventLoop();
asyncio.setEventLoop(loop);
const server = await loop.runUntilComplete(() =>
  loop.createServer(() => new HttpProtocol(), "127.0.0.1", 0)
);
const [host, port] = server.sockets[0]!.getsockname() as [string, number];
loop.createTask(() => browser(loop, host, port));
await loop.runForever();
server.close();
await loop.runUntilComplete(() => server.waitClosed());
loop.close();
