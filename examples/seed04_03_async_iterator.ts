// An async iterator class (Python's __aiter__/__anext__ are
// [Symbol.asyncIterator]() and next()) consumed with for await.
// Seed 004: 异步迭代器和async for. Ticker(1, 5) ticks every 0.1 s.
// Python original: examples/python/seed04_03_async_iterator.py
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
  for await (const i of new Ticker(0.1, 5)) {
    console.log(i);
  }
});

await asyncio.run(main());
