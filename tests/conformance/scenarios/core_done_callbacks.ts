// Done callbacks run through callSoon, in registration order, never at once;
// removeDoneCallback removes every registration and returns the count.
import { CancelledError, createTask, type Future, getRunningLoop, sleep } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<number>();
  const cb = (name: unknown) => (f: Future<unknown>) =>
    print(`cb ${name} done=${py.repr(f.done())}`);

  const [c1, c2, c3] = [cb(1), cb(2), cb(3)];
  fut.addDoneCallback(c1);
  fut.addDoneCallback(c2);
  fut.addDoneCallback(c3);
  fut.addDoneCallback(c2);
  print(`removed ${fut.removeDoneCallback(c2)}`);
  loop.callSoon(print, "soon before");
  fut.setResult(1);
  print("set_result returned");
  loop.callSoon(print, "soon after");
  await sleep(0);
  print("late registration");
  fut.addDoneCallback(cb("late"));
  print("registered");
  await sleep(0);

  const task = createTask(() => sleep(0, "t"));
  task.addDoneCallback((t) => print(`task cb ${t.result()}`));
  await task;
  print("after await task");
  await sleep(0);

  const cf = loop.createFuture<void>();
  cf.addDoneCallback((f) => print(`cancelled cb ${py.repr(f.cancelled())}`));
  print(`cancel ${py.repr(cf.cancel("why"))} ${py.repr(cf.cancel())}`);
  await sleep(0);
  try {
    cf.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`result raised CancelledError ('${e.message}',)`);
  }
  print("end");
}
