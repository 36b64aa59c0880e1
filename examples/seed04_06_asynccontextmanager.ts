// @contextlib.asynccontextmanager has no JavaScript twin; the usual form is a
// function that takes the body as a callback and wraps it in try/finally (the
// library's own timeout() and taskGroup() scopes look like this).
// Seed 004: contextlib快速创建异步上下文管理器. Every 1 s sleep is 0.1 s.
// Python original: examples/python/seed04_06_asynccontextmanager.py
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

async function asyncContextTicker2<T>(
  delay: number,
  to: number,
  body: (ticker: Ticker) => Promise<T>,
): Promise<T> {
  const data = new Ticker(delay, to);
  console.log("entering context");
  await asyncio.sleep(0.1);
  try {
    return await body(data); // yield data
  } finally {
    await asyncio.sleep(0.1);
    console.log("exit context");
  }
}

const main = asyncio.coroutine(async function main() {
  // async with AsyncContextTicker2(1, 5) as ticker:
  await asyncContextTicker2(0.1, 5, async (ticker) => {
    for await (const i of ticker) {
      console.log(i);
    }
  });
});

await asyncio.run(main());
