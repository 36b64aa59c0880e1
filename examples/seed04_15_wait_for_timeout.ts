// waitFor(gather(...), timeout): on timeout the gather and its tasks are
// cancelled and TimeoutError ends the program (exit status 1, the error on
// standard error).
// Seed 004: asyncio.wait_for. The 1 s sleeps are 0.1 s and the 3 s timeout is
// 0.25 s (the seed's timeout falls on task C's end, so which comes first would
// be down to timer jitter).
// Python original: examples/python/seed04_15_wait_for_timeout.py
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
  await asyncio.waitFor(
    asyncio.gather(...[
      factorial("A", 2),
      factorial("B", 3),
      factorial("C", 4),
    ]),
    0.25,
  );
});

await asyncio.run(main());
