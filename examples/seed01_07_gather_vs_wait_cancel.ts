// Cancelling wait() only stops the waiting: its tasks keep running.
// Cancelling gather() cancels the tasks it gathers.
// Seed 001: gather() 和 wait() 区别. Sleeps are a tenth of the seed's.
// Python original: examples/python/seed01_07_gather_vs_wait_cancel.py
import * as asyncio from "../mod.ts";

const task = asyncio.coroutine(async function task(arg: string) {
  await asyncio.sleep(0.5);
  return arg;
});

async function cancelWaitingTask(
  workTask: asyncio.Future<string>,
  waitingTask: asyncio.Future<unknown>,
) {
  await asyncio.sleep(0.2);
  waitingTask.cancel();
  try {
    await waitingTask;
    console.log("Waiting done");
  } catch (e) {
    if (!asyncio.isCancelledError(e)) throw e;
    console.log("Waiting task cancelled");
  }

  try {
    const res = await workTask;
    console.log(`Work result: ${res}`);
  } catch (e) {
    if (!asyncio.isCancelledError(e)) throw e;
    console.log("Work task cancelled");
  }
}

const main = asyncio.coroutine(async function main() {
  let workTask = asyncio.createTask(task("done"));
  // asyncio.create_task(asyncio.wait([work_task])): the task runs wait() itself
  let waiting: asyncio.Future<unknown> = asyncio.createTask(() => asyncio.wait([workTask]));
  await cancelWaitingTask(workTask, waiting);
  console.log("-------------------");
  workTask = asyncio.createTask(task("done"));
  waiting = asyncio.gather(workTask);
  await cancelWaitingTask(workTask, waiting);
});

await asyncio.run(main());
