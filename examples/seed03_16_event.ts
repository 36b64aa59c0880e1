// An Event set by a delayed callback wakes the coroutine waiting on it.
// Seed 003, example 16: Event 事件对象. Times are seconds since start (the
// seed prints time.time()); the 2 s delay is 0.2 s.
// Python original: examples/python/seed03_16_event.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

function taskDone(event: asyncio.Event) {
  event.set();
}

async function corn(event: asyncio.Event) {
  await event.wait();
  console.log(`corn done!  时间${now()}`);
}

const main = asyncio.coroutine(async function main() {
  console.log(`协程开始  时间${now()}`);
  const event = new asyncio.Event();
  const loop = asyncio.getRunningLoop();
  loop.callLater(0.2, taskDone, event);
  await corn(event);
});

await asyncio.run(main());
