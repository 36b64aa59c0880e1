// A SIGINT handler stops loop.runForever(); the server task runs until then.
// Python installs it with signal.signal(); here loop.addSignalHandler() is
// the way to catch a signal (its handler runs as a loop callback).
// Seed 001: 终止loop循环示例1 - 信号. The 1 s sleep is 0.1 s; instead of
// waiting for Ctrl+C, the server sends SIGINT to its own process after its
// third round; the callback prints the signal's name.
// Python original: examples/python/seed01_02_signal_run_forever.py
import process from "node:process";
import * as asyncio from "../mod.ts";

const server = asyncio.coroutine(async function server() {
  let rounds = 0;
  while (true) {
    console.log("run");
    rounds += 1;
    if (rounds === 3) process.kill(process.pid, "SIGINT"); // added: Ctrl+C
    await asyncio.sleep(0.1);
  }
});

function callback(name: string): void {
  console.log("收到信号", name, "{}");
  loop.stop();
}

const loop = asyncio.newEventLoop();
asyncio.setEventLoop(loop);
asyncio.ensureFuture(server(), { loop });
// 注册信号
loop.addSignalHandler("SIGINT", callback, "SIGINT");
try {
  await loop.runForever();
} catch {
  loop.stop();
  console.log("未收到信号,异常退出");
}
loop.close(); // added: the handler goes, nothing keeps the program alive
