// An async context manager class: async with calls __aenter__ before the
// body and __aexit__ after it, even when the body fails (here aenter() and
// aexit() around a try/finally).
// Seed 004: 异步上下文管理器和async with. Every 1 s sleep is 0.1 s.
// Python original: examples/python/seed04_05_async_context_manager.py
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

class AsyncContextTicker {
  data: Ticker;

  constructor(delay: number, to: number) {
    this.data = new Ticker(delay, to);
  }

  // __aenter__
  async aenter(): Promise<Ticker> {
    console.log("entering context");
    await asyncio.sleep(0.1);
    return this.data;
  }

  // __aexit__
  async aexit(): Promise<void> {
    await asyncio.sleep(0.1);
    console.log("exit context");
  }
}

const main = asyncio.coroutine(async function main() {
  // async with AsyncContextTicker(1, 5) as ticker:
  const manager = new AsyncContextTicker(0.1, 5);
  const ticker = await manager.aenter();
  try {
    for await (const i of ticker) {
      console.log(i);
    }
  } finally {
    await manager.aexit();
  }
});

await asyncio.run(main());
