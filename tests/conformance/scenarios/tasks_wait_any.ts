// Seed "任一任务完成后取消其他任务": wait(FIRST_COMPLETED) then cancel the rest,
// with an Event standing for "connection lost"; cancelling the waiter
// cancels everything.
import {
  CancelledError,
  createTask,
  Event,
  FIRST_COMPLETED,
  type Future,
  getRunningLoop,
  isCancelledError,
  sleep,
  wait,
} from "../../../mod.ts";
import { py } from "../_harness.ts";

async function waitAny(
  tasks: Set<Future<unknown>>,
  options: { timeout?: number | null } = {},
): Promise<[Set<Future<unknown>>, Set<Future<unknown>>]> {
  let tasksToCancel: Set<Future<unknown>> = new Set();
  try {
    const [done, pending] = await wait(tasks, {
      timeout: options.timeout ?? null,
      returnWhen: FIRST_COMPLETED,
    });
    tasksToCancel = pending;
    return [done, pending];
  } catch (e) {
    if (isCancelledError(e)) tasksToCancel = tasks;
    throw e;
  } finally {
    for (const task of tasksToCancel) task.cancel();
  }
}

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const task = async () => {
    await sleep(5);
  };
  const attempt = async (aw: PromiseLike<unknown>, ok: string, cancelled: string) => {
    try {
      await aw;
      print(ok);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(cancelled);
    }
  };
  const checkTasks = async (
    waitingTask: Future<unknown>,
    workingTask: Future<unknown>,
    waitingConnLostTask: Future<unknown>,
  ) => {
    await attempt(waitingTask, "waiting is done", "waiting is cancelled");
    await attempt(
      waitingConnLostTask,
      "connection is lost",
      "waiting connection lost is cancelled",
    );
    await attempt(workingTask, "work is done", "work is cancelled");
    print(`at t=${py.round1(loop.time() - t0)}`);
  };
  const start = () => {
    const workingTask = createTask(task);
    const connectionLostEvent = new Event();
    const waitingConnLostTask = createTask(() => connectionLostEvent.wait());
    const waitingTask = createTask(() => waitAny(new Set([workingTask, waitingConnLostTask])));
    return { workingTask, connectionLostEvent, waitingConnLostTask, waitingTask };
  };

  print("Case1: Work done");
  print("-------------------");
  let c = start();
  await checkTasks(c.waitingTask, c.workingTask, c.waitingConnLostTask);

  print("\nCase2: Connection lost");
  print("-------------------");
  c = start();
  await sleep(2);
  c.connectionLostEvent.set();
  await checkTasks(c.waitingTask, c.workingTask, c.waitingConnLostTask);

  print("\nCase3: Cancel waiting");
  print("-------------------");
  c = start();
  await sleep(2);
  c.waitingTask.cancel();
  await checkTasks(c.waitingTask, c.workingTask, c.waitingConnLostTask);
}
