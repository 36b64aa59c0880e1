// gather() runs three coroutines side by side; their steps interleave.
// Seed 004: 多任务并行. The 1 s sleeps are 0.1 s.
// Python original: examples/python/seed04_12_gather_factorial.py
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
  await asyncio.gather(
    factorial("A", 2),
    factorial("B", 3),
    factorial("C", 4),
  );
});

await asyncio.run(main());
