// A Lock held by main() and released by delayed callbacks: the gathered
// coroutines get it one after the other, in the order they asked.
// Seed 003, example 15: 协程锁. Times are seconds since start (the seed prints
// time.time()); the 2 s and 1 s delays are 0.2 s and 0.1 s.
// Python original: examples/python/seed03_15_lock.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

function callback(lock: asyncio.Lock) {
  console.log(`释放锁  时间${now()}`);
  lock.release();
}

const corn1 = asyncio.coroutine(
  async function corn1(x: number, loop: asyncio.AbstractEventLoop, lock: asyncio.Lock) {
    {
      // async with lock: pass
      using _ = await lock.acquire();
    }
    // 加锁,利用延迟回调1秒后解锁
    await lock.acquire();
    loop.callLater(0.1, callback, lock);
    return `${x} done! 时间${now()}`;
  },
);

const main = asyncio.coroutine(async function main() {
  const loop = asyncio.getRunningLoop();
  const lock = new asyncio.Lock();
  await lock.acquire();
  console.log(`加锁 时间${now()}`);
  loop.callLater(0.2, callback, lock);
  // functools.partial(corn1, loop=loop, lock=lock)
  const corn = (x: number) => corn1(x, loop, lock);
  const results = await asyncio.gather(corn(1), corn(2), corn(3));
  for (const result of results) {
    console.log(result);
  }
});

await asyncio.run(main());
