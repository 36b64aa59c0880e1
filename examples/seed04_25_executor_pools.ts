// Blocking and CPU-bound work off the loop: the default executor, a pool of
// one's own, and a pool for CPU-bound work (Workers run in parallel, so one
// kind of pool serves for asyncio's thread and process pools).
// Seed 004: 将耗时函数调用委托给一个线程池. blocking_io() reads the first line
// of the repository's LICENSE file instead of fetching a web page (the seed
// uses the third-party requests package).
// Python original: examples/python/seed04_25_executor_pools.py
import * as asyncio from "../mod.ts";

// A function sent to a Worker must be self-contained (it travels as source
// text): it reaches node:fs itself (Deno, Bun and Node all provide it).
function blockingIo() {
  // File operations (such as logging) can block the
  // event loop: run them in a Worker.
  const proc = (globalThis as unknown as {
    process: { getBuiltinModule(id: string): { readFileSync(p: string, e: string): string } };
  }).process;
  return proc.getBuiltinModule("node:fs").readFileSync("LICENSE", "utf8").split("\n")[0]!.trim();
}

function cpuBound() {
  // CPU-bound operations will block the event loop:
  // run them in a Worker. The sum exceeds 2**53, so it is a
  // bigint, added to in blocks that numbers still count exactly.
  let total = 0n;
  for (let start = 0; start < 10 ** 7; start += 50) {
    let block = 0;
    for (let i = start; i < start + 50; i++) block += i * i;
    total += BigInt(block);
  }
  return total;
}

const main = asyncio.coroutine(async function main() {
  const loop = asyncio.getRunningLoop();

  // Options:

  // 1. Run in the default loop's executor:
  let result: unknown = await loop.runInExecutor(null, blockingIo);
  console.log("default thread pool", result);

  // 2. Run in a custom pool:
  {
    await using pool = new asyncio.WorkerExecutor();
    result = await loop.runInExecutor(pool, blockingIo);
    console.log("custom thread pool", result);
  }

  // 3. Run in a custom pool, for CPU-bound work:
  {
    await using pool = new asyncio.WorkerExecutor();
    result = await loop.runInExecutor(pool, cpuBound);
    console.log("custom process pool", String(result));
  }
});

await asyncio.run(main());
