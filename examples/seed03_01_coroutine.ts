// Start a coroutine that returns nothing with run().
// Seed 003, example 1: 启动一个无返回值协程.
// Python original: examples/python/seed03_01_coroutine.py
import * as asyncio from "../mod.ts";

// An async def without await, as in the seed.
// deno-lint-ignore require-await
const coroutine = asyncio.coroutine(async function coroutine() {
  console.log("运行协程");
});

await asyncio.run(coroutine());
