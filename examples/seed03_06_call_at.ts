// loop.callAt() schedules a callback at a time on the loop's own clock
// (loop.time()).
// Seed 003, example 6: 回调函数: 定时回调. loop.time() is printed relative to
// its value when main() starts (one decimal); the callback's blocking sleep of
// c seconds is c / 10 s; the 4 s and 5 s waits are 0.4 s and 0.5 s.
// Python original: examples/python/seed03_06_call_at.py
import * as asyncio from "../mod.ts";

/** Blocks the whole thread, like Python's time.sleep(). */
function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

let T0 = 0; // loop time when main() starts

function callback(a: number, loop: asyncio.AbstractEventLoop, c = 3) {
  timeSleep(c / 10);
  console.log(
    `传入参数a=${a}, c=${c}, 时间${(Math.floor((loop.time() - T0) * 10 + 1e-6) / 10).toFixed(1)}`,
  );
}

const main = asyncio.coroutine(async function main() {
  const loop = asyncio.getRunningLoop();
  const now = loop.time();
  T0 = now;
  console.log(`事件循环时间戳${(Math.floor((now - T0) * 10 + 1e-6) / 10).toFixed(1)}`);
  loop.callAt(now + 0.4, callback, 2, loop, 1);
  loop.callSoon(callback, 1, loop);
  await asyncio.sleep(0.5);
  console.log(`协程结束, 时间戳${(Math.floor((loop.time() - T0) * 10 + 1e-6) / 10).toFixed(1)}`);
});

await asyncio.run(main());
