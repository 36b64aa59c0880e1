// Seed "取消任务和防止任务被取消": cancel() reaches the task's await; a
// shield's cancel() does not reach the task it wraps.
import { CancelledError, createTask, getRunningLoop, shield, sleep } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  let t0 = loop.time();
  const t = () => py.round1(loop.time() - t0);
  const cancelMe = async () => {
    print("cancel_me(): before sleep");
    try {
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) print("cancel_me(): cancel sleep");
      throw e;
    } finally {
      print(`cancel_me(): after sleep at t=${t()}`);
    }
    return "slept";
  };
  const attempt = async (
    aw: PromiseLike<unknown>,
    onValue: (v: unknown) => string,
    cancelled: () => string,
  ) => {
    try {
      const v = await aw;
      print(onValue(v));
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(cancelled());
    }
  };

  // plain
  let task = createTask(cancelMe);
  await sleep(1);
  task.cancel();
  await attempt(task, () => "", () => "main(): cancel_me is cancelled now");

  // shielded
  t0 = loop.time();
  task = createTask(cancelMe);
  const taskShield = shield(task);
  await sleep(1);
  print(`shield cancel() -> ${py.repr(taskShield.cancel())}`);
  await attempt(taskShield, () => "", () => "main(): cancel_me_shield is cancelled now");
  await attempt(
    task,
    (v) => `main(): cancel_me returned ${py.repr(v)}`,
    () => "main(): cancel_me is cancelled now",
  );

  // awaiter cancelled
  t0 = loop.time();
  task = createTask(cancelMe);
  const w = createTask(() => shield(task));
  await sleep(1);
  w.cancel();
  await attempt(
    w,
    () => "",
    () => `waiter cancelled=${py.repr(w.cancelled())} task done=${py.repr(task.done())}`,
  );
  print(`task result ${py.repr(await task)} at t=${t()}`);
}
