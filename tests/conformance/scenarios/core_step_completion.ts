// A task step runs until the task suspends at a pending future or returns:
// awaiting done futures does not yield, and a deep chain of plain async
// functions resumes in one step, before callbacks already in the ready queue.
import { createTask, getRunningLoop, sleep } from "../../../mod.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("d");
  const fut = loop.createFuture<number>();

  const first = createTask(async () => {
    print("first starts");
    print(`first got ${await done}`);
    print(`first got again ${await done}`);
  });
  loop.callSoon(print, "cb after create_task");
  await first;

  const c = async () => {
    const v = await fut;
    print("c resumed");
    return v;
  };
  const b = async () => {
    const v = await c();
    print("b resumed");
    return v;
  };
  const a = async () => {
    const v = await b();
    print("a resumed");
    await done;
    print("a after done await");
    return v;
  };
  const ta = createTask(a);
  ta.addDoneCallback(() => print("task done cb"));
  await sleep(0);
  loop.callSoon(print, "X");
  fut.setResult(1);
  loop.callSoon(print, "Y");
  loop.callSoon(print, "Z");
  print(`result ${await ta}`);

  const finished = createTask(() => sleep(0, "fin"));
  await sleep(0);
  await sleep(0);
  loop.callSoon(print, "cb before awaiting a finished task");
  print(`finished task gave ${await finished}`);
  await sleep(0);
  print("end");
}
