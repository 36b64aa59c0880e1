// asyncio.sleep() suspends for real time; loop.time() is the loop's own clock.
// Seed 004: 异步时间管理. datetime.now() prints are seconds since start and
// loop.time() is printed relative to its value when now() starts (one
// decimal); the 1 s sleeps are 0.1 s.
// Python original: examples/python/seed04_19_loop_time.py
import * as asyncio from "../mod.ts";
import { sleep } from "../mod.ts";

const START = performance.now();
/** Stands in for datetime.now(): seconds since start, cut to one decimal. */
const clock = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

const now = asyncio.coroutine(async function now() {
  const t0 = asyncio.getEventLoop().time();
  console.log(clock());
  await sleep(0.1);
  console.log(clock());
  await sleep(0.1);
  console.log((Math.floor((asyncio.getEventLoop().time() - t0) * 10 + 1e-6) / 10).toFixed(1));
});

await asyncio.run(now());
