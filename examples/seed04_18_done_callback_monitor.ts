// A done callback on a long-running task reports how it ended.
// Seed 004: 监控常驻协程. random.random() is replaced by fixed draws (the third
// one ends neverEnd()); the 1 s sleeps are 0.1 s; main() stops once the task is
// done (the seed loops forever).
// Python original: examples/python/seed04_18_done_callback_monitor.py
import * as asyncio from "../mod.ts";

class AssertionError extends Error {
  override name = "AssertionError";
}

const loop = asyncio.getEventLoop();

// Stands in for random.random().
const RANDOM_DRAWS = [0.5, 0.3, 0.9].values();

const neverEnd = asyncio.coroutine(async function neverEnd() {
  while (true) {
    await asyncio.sleep(0.1);
    if (RANDOM_DRAWS.next().value! > 0.8) {
      throw new AssertionError("意外退出");
    }
  }
});

const main = asyncio.coroutine(async function main() {
  const task = asyncio.createTask(neverEnd());
  // print(f"... {x.exception()}") shows str(exception): the message.
  task.addDoneCallback((x) =>
    console.log(`task done with exception ${(x.exception() as Error).message}`)
  );
  while (!task.done()) {
    await asyncio.sleep(0.1);
  }
});

await loop.runUntilComplete(main());
