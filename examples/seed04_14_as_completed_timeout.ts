// asCompleted() with a timeout: the third result is not ready in time, so
// TimeoutError ends the program (exit status 1, the error on standard error).
// Seed 004: asyncio.as_completed. The 1 s sleeps are 0.1 s and the 3 s timeout
// is 0.25 s (the seed's timeout falls on task C's end, so which comes first
// would be down to timer jitter); the coroutines are wrapped in tasks so they
// start in a fixed order (Python's as_completed() puts its arguments in a set).
// Python original: examples/python/seed04_14_as_completed_timeout.py
import * as asyncio from "../mod.ts";

const factorial = asyncio.coroutine(async function factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(`Task ${name}: Compute factorial(${i})...`);
    await asyncio.sleep(0.1);
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) = ${f}`);
  return f;
});

const main = asyncio.coroutine(async function main() {
  for (
    const f of asyncio.asCompleted([
      asyncio.createTask(factorial("A", 2)),
      asyncio.createTask(factorial("B", 3)),
      asyncio.createTask(factorial("C", 4)),
    ], { timeout: 0.25 })
  ) {
    const _result = await f;
  }
});

await asyncio.run(main());
