// loop.addSignalHandler() for SIGINT and SIGTERM; the handler stops the
// loop, so run() throws RuntimeError ("Event loop stopped before Future
// completed").
// Seed 003, example 21: 信号处理. Instead of waiting for Ctrl+C, the program
// sends itself SIGINT 0.1 s after start.
// Python original: examples/python/seed03_21_signal_handlers.py
import process from "node:process";
import * as asyncio from "../mod.ts";

function askExit(sigName: string, loop: asyncio.AbstractEventLoop): void {
  console.log(`捕获信号 ${sigName}: exit`);
  loop.stop();
}

async function main(): Promise<void> {
  const loop = asyncio.getRunningLoop();
  for (const signame of ["SIGINT", "SIGTERM"]) {
    loop.addSignalHandler(signame, askExit, signame, loop);
  }
  loop.callLater(0.1, () => process.kill(process.pid, "SIGINT")); // added: Ctrl+C

  await asyncio.sleep(3600);
}

console.log("事件循环将在1小时后或者按下Ctrl+C停止");
try {
  await asyncio.run(main);
} catch (e) {
  if (
    !(e instanceof asyncio.RuntimeError)
    || !/^Event loop stopped before Future completed/.test(e.message)
  ) {
    throw e;
  }
}
