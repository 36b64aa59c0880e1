// loop.callSoon() runs callbacks in order, after the coroutine; a callback
// that blocks (time.sleep) delays the next one.
// Seed 003, example 4: 回调函数: 迅速回调. Times are seconds since start (the
// seed prints time.time()); the callback's blocking sleep of c seconds is c / 10 s.
// Python original: examples/python/seed03_04_call_soon.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

/** Blocks the whole thread, like Python's time.sleep(). */
function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

function callback(a: number, c = 2) {
  timeSleep(c / 10);
  console.log(`传入参数a=${a}, c=${c}, 时间${now()}`);
}

// An async def without await, as in the seed.
// deno-lint-ignore require-await
const main = asyncio.coroutine(async function main() {
  console.log(`添加回调, 时间${now()}`);
  const loop = asyncio.getRunningLoop();
  loop.callSoon(callback, 1);
  loop.callSoon(callback, 2, 0);
  console.log(`协程结束, 时间${now()}`);
});

await asyncio.run(main());
