// A running average kept by an async generator that is fed values: Python's
// asend(value) is next(value), and the first __anext__() is a bare next().
// Seed 004: 推送式.
// Python original: examples/python/seed04_09_averager.py
import * as asyncio from "../mod.ts";

/** Python prints a float with at least one decimal: 1.0, 0.5. */
const pyFloat = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

async function* averager(): AsyncGenerator<number | null, never, number> {
  let total = 0.0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const term = yield average;
    total += term;
    count += 1;
    average = total / count;
  }
}

const grouper = asyncio.coroutine(async function grouper() {
  const aver = averager();
  await aver.next(); // aver.__anext__()
  for (let i = 0; i < 11; i++) {
    const j = (await aver.next(i)).value as number; // aver.asend(i)
    console.log(pyFloat(j));
  }
});

await asyncio.run(grouper());
