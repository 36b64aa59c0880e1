// Seed "gather() 和 wait() 区别": cancelling a wait() leaves the work running;
// cancelling a gather() cancels the work it was given.
import {
  CancelledError,
  createTask,
  type Future,
  gather,
  getRunningLoop,
  sleep,
  wait,
} from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const task = async (arg: string) => {
    await sleep(5);
    return arg;
  };
  const cancelWaitingTask = async (workTask: Future<string>, waitingTask: Future<unknown>) => {
    await sleep(2);
    waitingTask.cancel();
    try {
      await waitingTask;
      print("Waiting done");
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("Waiting task cancelled");
    }
    try {
      const res = await workTask;
      print(`Work result: ${res}`);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("Work task cancelled");
    }
  };

  const loop = getRunningLoop();
  const t0 = loop.time();
  let workTask = createTask(() => task("done"));
  const waitingTask = createTask(() => wait([workTask]));
  await cancelWaitingTask(workTask, waitingTask);
  print(`t=${py.round1(loop.time() - t0)}`);
  print("-------------------");
  workTask = createTask(() => task("done"));
  const waiting = gather(workTask);
  await cancelWaitingTask(workTask, waiting);
  print(`t=${py.round1(loop.time() - t0)}`);
  print(
    `gather cancelled()=${py.repr(waiting.cancelled())} work cancelled()=${
      py.repr(workTask.cancelled())
    }`,
  );
}
