// An async comprehension, [i async for i in Ticker(1, 5) if i % 2], as a
// for await loop that fills a list.
// Seed 004: 异步列表解析. Ticker(1, 5) ticks every 0.1 s.
// Python original: examples/python/seed04_04_async_comprehension.py
import * as asyncio from "../mod.ts";

/** Yield numbers from 0 to `to` every `delay` seconds. */
class Ticker implements AsyncIterableIterator<number> {
  delay: number;
  i: number;
  to: number;

  constructor(delay: number, to: number) {
    this.delay = delay;
    this.i = 0;
    this.to = to;
  }

  // __aiter__
  [Symbol.asyncIterator](): this {
    return this;
  }

  // __anext__
  async next(): Promise<IteratorResult<number, undefined>> {
    const i = this.i;
    if (i >= this.to) {
      return { done: true, value: undefined }; // raise StopAsyncIteration
    }
    this.i += 1;
    if (i) {
      await asyncio.sleep(this.delay);
    }
    return { done: false, value: i };
  }
}

const main = asyncio.coroutine(async function main() {
  const result: number[] = [];
  for await (const i of new Ticker(0.1, 5)) {
    if (i % 2) result.push(i);
  }
  console.log(`[${result.join(", ")}]`); // print(result)
});

await asyncio.run(main());
