// run() returns the coroutine's result.
// Seed 003, example 2: 启动一个有返回值协程.
// Python original: examples/python/seed03_02_coroutine_result.py
import * as asyncio from "../mod.ts";

// An async def without await, as in the seed.
// deno-lint-ignore require-await
const coroutine = asyncio.coroutine(async function coroutine() {
  console.log("运行协程");
  return "done!";
});

const result = await asyncio.run(coroutine());
console.log(result);
