// wait() with a timeout returns what is done and what is pending; the
// pending task keeps running.
// Seed 004: 等待任务和过期. The 1 s sleeps are 0.1 s and the 3 s timeout is
// 0.25 s (the seed's timeout falls on task C's end, so which comes first would
// be down to timer jitter); the coroutines are wrapped in tasks (wait() takes
// futures, like asyncio.wait() since Python 3.11); the notebook displayed
// (done, pending) as Task reprs with file names and line numbers, so their
// sizes are printed instead; main() then waits for the pending task (the
// notebook's loop kept running it).
// Python original: examples/python/seed04_13_wait_factorial.py
import * as asyncio from "../mod.ts";

const factorial = asyncio.coroutine(async function factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(`Task ${name}: Compute factorial(${i})...`);
    await asyncio.sleep(0.1);
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) = ${f}`);
});

const main = asyncio.coroutine(async function main() {
  const [done, pending] = await asyncio.wait([
    asyncio.createTask(factorial("A", 2)),
    asyncio.createTask(factorial("B", 3)),
    asyncio.createTask(factorial("C", 4)),
  ], { timeout: 0.25 });
  console.log("done:", done.size, "pending:", pending.size);
  await asyncio.wait(pending);
});

await asyncio.run(main());
