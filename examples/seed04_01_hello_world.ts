// The smallest asyncio program: run() a coroutine that sleeps.
// Seed 004: 协程及其语法, first program. The 1 s sleep is 0.1 s.
// Python original: examples/python/seed04_01_hello_world.py
import * as asyncio from "../mod.ts";

const main = asyncio.coroutine(async function main() {
  console.log("Hello ...");
  await asyncio.sleep(0.1);
  console.log("... World!");
});

await asyncio.run(main());
