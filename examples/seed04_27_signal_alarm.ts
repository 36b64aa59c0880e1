// loop.addSignalHandler() for SIGALRM: the handler runs as a loop callback
// when the alarm signal arrives.
// Seed 004: 使用Unix信号管理事件循环. JavaScript has no alarm(): a host timer
// sends SIGALRM to this process after 0.4 s (the seed's alarm rings after
// 4 s); main() ends once the alarm rang instead of looping forever, and
// sleeps 0.1 s instead of 1 s.
// Python original: examples/python/seed04_27_signal_alarm.py
import process from "node:process";
import * as asyncio from "../mod.ts";

setTimeout(() => process.kill(process.pid, "SIGALRM"), 400); // signal.alarm()
const loop = asyncio.newEventLoop();
asyncio.setEventLoop(loop);
const rang = new asyncio.Event();

function ring(): void {
  console.log("闹铃响了");
  rang.set();
}

loop.addSignalHandler("SIGALRM", ring);
async function main(): Promise<void> {
  while (!rang.isSet()) {
    await asyncio.sleep(0.1);
  }
  console.log("main 结束");
}

await loop.runUntilComplete(main);
loop.close();
