// loop.callLater() schedules a plain callback; here the callback is
// runCoroutineThreadsafe(), which starts a coroutine on the loop.
// Seed 000 (also 001): 添加定时任务. Times are seconds since start (the seed
// prints time.time()); the 5 s delay is 0.5 s; task() stops the loop at the
// end (the seed runs forever).
// Python original: examples/python/seed00_04_call_later.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

const task = asyncio.coroutine(async function task() {
  console.log(3, now());
  await asyncio.sleep(0);
  console.log("task");
  console.log(4, now());
  loop.stop(); // added: end the program
});

// An async def without await, as in the seed.
// deno-lint-ignore require-await
const main = asyncio.coroutine(async function main() {
  console.log(1, now());
  loop.callLater(0.5, asyncio.runCoroutineThreadsafe, task(), loop);
  console.log(2, now());
});

const loop = asyncio.getEventLoop();
loop.createTask(main());
await loop.runForever();
