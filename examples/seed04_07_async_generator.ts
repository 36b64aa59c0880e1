// An async generator (async function*) that sleeps between the values it yields.
// Seed 004: 异步生成器. ticker(1, 5) ticks every 0.1 s.
// Python original: examples/python/seed04_07_async_generator.py
import * as asyncio from "../mod.ts";

/** Yield numbers from 0 to *to* every *delay* seconds. */
async function* ticker(delay: number, to: number) {
  for (let i = 0; i < to; i++) {
    yield i;
    await asyncio.sleep(delay);
  }
}

const main = asyncio.coroutine(async function main() {
  for await (const i of ticker(0.1, 5)) {
    console.log(i);
  }
});

await asyncio.run(main());
