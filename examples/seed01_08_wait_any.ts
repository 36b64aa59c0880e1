// Wait for the first of several tasks with wait(FIRST_COMPLETED), then
// cancel the others, also when the waiting itself is cancelled.
// Seed 001: 任一任务完成后取消其他任务. Sleeps are a tenth of the seed's. (The
// seed also defines cancel_waiting_task(), which this program never calls.)
// Python original: examples/python/seed01_08_wait_any.py
import * as asyncio from "../mod.ts";

type Futures = Set<asyncio.Future<unknown>>;

/** 任一任务完成后,返回并取消其他未完成的任务 */
const waitAny = asyncio.coroutine(
  async function waitAny(
    tasks: Futures,
    { timeout = null }: { timeout?: number | null } = {},
  ): Promise<[Futures, Futures]> {
    let tasksToCancel: Futures = new Set();
    try {
      const [done, pending] = await asyncio.wait(tasks, {
        timeout,
        returnWhen: asyncio.FIRST_COMPLETED,
      });
      tasksToCancel = pending;
      return [done, tasksToCancel];
    } catch (e) {
      if (asyncio.isCancelledError(e)) tasksToCancel = tasks;
      throw e;
    } finally {
      for (const task of tasksToCancel) {
        task.cancel();
      }
    }
  },
);

const task = asyncio.coroutine(async function task() {
  await asyncio.sleep(0.5);
});

async function checkTasks(
  waitingTask: asyncio.Task<unknown>,
  workingTask: asyncio.Task<unknown>,
  waitingConnLostTask: asyncio.Task<unknown>,
) {
  try {
    await waitingTask;
    console.log("waiting is done");
  } catch (e) {
    if (!asyncio.isCancelledError(e)) throw e;
    console.log("waiting is cancelled");
  }

  try {
    await waitingConnLostTask;
    console.log("connection is lost");
  } catch (e) {
    if (!asyncio.isCancelledError(e)) throw e;
    console.log("waiting connection lost is cancelled");
  }

  try {
    await workingTask;
    console.log("work is done");
  } catch (e) {
    if (!asyncio.isCancelledError(e)) throw e;
    console.log("work is cancelled");
  }
}

/** Case1: 任务正常执行,没有收到断开连接的信号 */
async function workDoneCase() {
  const workingTask = asyncio.createTask(task());
  const connectionLostEvent = new asyncio.Event();
  const waitingConnLostTask = asyncio.createTask(() => connectionLostEvent.wait());
  const waitingTask = asyncio.createTask(waitAny(new Set([workingTask, waitingConnLostTask])));
  await checkTasks(waitingTask, workingTask, waitingConnLostTask);
}

/** Case2: 任务在执行过程中,收到断开连接的信号后被取消 */
async function connLostCase() {
  const workingTask = asyncio.createTask(task());
  const connectionLostEvent = new asyncio.Event();
  const waitingConnLostTask = asyncio.createTask(() => connectionLostEvent.wait());
  const waitingTask = asyncio.createTask(waitAny(new Set([workingTask, waitingConnLostTask])));
  await asyncio.sleep(0.2);
  connectionLostEvent.set(); // <---
  await checkTasks(waitingTask, workingTask, waitingConnLostTask);
}

/** Case3: wait() 本身被取消,所有任务都被取消 */
async function cancelWaitingCase() {
  const workingTask = asyncio.createTask(task());
  const connectionLostEvent = new asyncio.Event();
  const waitingConnLostTask = asyncio.createTask(() => connectionLostEvent.wait());
  const waitingTask = asyncio.createTask(waitAny(new Set([workingTask, waitingConnLostTask])));
  await asyncio.sleep(0.2);
  waitingTask.cancel(); // <---
  await checkTasks(waitingTask, workingTask, waitingConnLostTask);
}

const main = asyncio.coroutine(async function main() {
  console.log("Case1: Work done");
  console.log("-------------------");
  await workDoneCase();
  console.log("\nCase2: Connection lost");
  console.log("-------------------");
  await connLostCase();
  console.log("\nCase3: Cancel waiting");
  console.log("-------------------");
  await cancelWaitingCase();
});

await asyncio.run(main());
