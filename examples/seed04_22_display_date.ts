// loop.runUntilComplete() runs a coroutine that prints the time once a
// tick until loop.time() reaches its end.
// Seed 004: 管理协程的执行 (display_date). datetime.now() prints are seconds
// since start (one decimal); the 5 s span and 1 s steps are 0.5 s and 0.1 s;
// the notebook's top-level await becomes loop.runUntilComplete().
// Python original: examples/python/seed04_22_display_date.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Stands in for datetime.datetime.now(): seconds since start, cut to one decimal. */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

const displayDate = asyncio.coroutine(async function displayDate(loop: asyncio.AbstractEventLoop) {
  const endTime = loop.time() + 0.5;
  while (true) {
    console.log(now());
    if ((loop.time() + 0.1) >= endTime) {
      break;
    }
    await asyncio.sleep(0.1);
  }
});

const loop = asyncio.getEventLoop();
// Blocking call which returns when the display_date() coroutine is done
await loop.runUntilComplete(displayDate(loop));
loop.close();
