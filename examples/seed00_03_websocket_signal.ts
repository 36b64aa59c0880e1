// The server runs until a future set by a SIGTERM handler completes:
// loop.addSignalHandler("SIGTERM", stop.setResult, null).
// Seed 000 (also 001): 终止loop循环示例 2 - 信号. A line echo server from
// startServer() stands in for the `websockets` package; a client in the same
// program talks to it and then sends SIGTERM to this process; port 0 picks
// a free port.
// Python original: examples/python/seed00_03_websocket_signal.py
import process from "node:process";
import * as asyncio from "../mod.ts";

async function echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<void> {
  for await (const message of reader) {
    writer.write(message);
    await writer.drain();
  }
  writer.close();
  await writer.waitClosed();
}

async function client(port: number): Promise<void> {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", port);
  for (const text of ["hello", "world"]) {
    writer.write(`${text}\n`);
    await writer.drain();
    console.log("echo:", new TextDecoder().decode(await reader.readLine()).trim());
  }
  writer.close();
  await writer.waitClosed();
  process.kill(process.pid, "SIGTERM");
}

async function echoServer(stop: asyncio.Future<null>): Promise<void> {
  {
    await using server = await asyncio.startServer(echo, "127.0.0.1", 0);
    const [, port] = server.sockets[0]!.getsockname() as [string, number];
    asyncio.ensureFuture(() => client(port));
    // 等待退出条件，可以自定义
    await stop;
  }
  console.log("server stopped");
}

const loop = asyncio.newEventLoop();
asyncio.setEventLoop(loop);

// The stop condition is set when receiving SIGTERM.
const stop = loop.createFuture<null>();
// 设置收到SIGTERM信号的回调函数，此处是设置 stop 协程执行结果为None，使其终止调度
loop.addSignalHandler("SIGTERM", (v: null) => stop.setResult(v), null);

// Run the server until the stop condition is met.
await loop.runUntilComplete(() => echoServer(stop));
loop.close();
