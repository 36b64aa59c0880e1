// Cancelling shield()'s outer future leaves the shielded task running to the end.
// Seed 004: 防止任务被取消. The 10 s and 1 s sleeps are 1 s and 0.1 s.
// Python original: examples/python/seed04_17_shield.py
import * as asyncio from "../mod.ts";

const cancelMe = asyncio.coroutine(async function cancelMe() {
  console.log("cancel_me(): before sleep");

  try {
    // Wait for 1 hour
    await asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) console.log("cancel_me(): cancel sleep");
    throw e;
  } finally {
    console.log("cancel_me(): after sleep");
  }
});

const main = asyncio.coroutine(async function main() {
  // Create a "cancel_me" Task
  const task = asyncio.createTask(cancelMe());
  const taskShield = asyncio.shield(task);
  // task = asyncio.create_task(task1)

  // Wait for 1 second
  await asyncio.sleep(0.1);

  taskShield.cancel();
  try {
    await taskShield;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("main(): cancel_me_shield is cancelled now");
  }
  try {
    await task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("main(): cancel_me is cancelled now");
  }
});

await asyncio.run(main());
