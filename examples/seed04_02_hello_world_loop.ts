// The same program on an explicit loop: getEventLoop(), runUntilComplete(),
// then shutdownAsyncgens() and close().
// Seed 004: 协程及其语法, second program. The 1 s sleep is 0.1 s; the seed's
// typo run_until_compelte is fixed.
// Python original: examples/python/seed04_02_hello_world_loop.py
import * as asyncio from "../mod.ts";

const main = asyncio.coroutine(async function main() {
  console.log("Hello ...");
  await asyncio.sleep(0.1);
  console.log("... World!");
});

const loop = asyncio.getEventLoop();
try {
  await loop.runUntilComplete(main());
} finally {
  await loop.runUntilComplete(loop.shutdownAsyncgens());
  loop.close();
}
