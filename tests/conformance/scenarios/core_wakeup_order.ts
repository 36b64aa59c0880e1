// A task whose awaited future completes resumes inside its wake-up callback:
// X (scheduled before set_result), the task, the later done callback, then Y.
import { createTask, getRunningLoop, sleep, ValueError } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<number>();

  const task = createTask(async () => {
    print("waiter awaits");
    const value = await fut;
    print(`waiter resumed with ${value}`);
    return value;
  });
  await sleep(0);
  fut.addDoneCallback((f) => print(`cb sees ${f.result()}`));
  loop.callSoon(print, "X");
  fut.setResult(7);
  loop.callSoon(print, "Y");
  print("main awaits task");
  print(`task result ${await task}`);

  const fut2 = loop.createFuture<number>();
  const task2 = createTask(async () => {
    try {
      await fut2;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`waiter2 caught ${py.repr(e)}`);
    }
  });
  await sleep(0);
  loop.callSoon(print, "X2");
  fut2.setException(new ValueError("boom"));
  loop.callSoon(print, "Y2");
  await task2;
  print("end");
}
