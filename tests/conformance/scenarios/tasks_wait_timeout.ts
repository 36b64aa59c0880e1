// Seeds "asyncio.wait执行多个协程" and "asyncio.wait(..., timeout=3)": wait()
// with a timeout neither raises nor cancels; the pending tasks keep running
// (run() cancels what is left when main returns).
import {
  CancelledError,
  coroutine,
  createTask,
  type Future,
  getRunningLoop,
  sleep,
  wait,
} from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  let t0 = loop.time();
  const t = () => py.round1(loop.time() - t0);

  const factorial = async (name: string, number: number) => {
    let f = 1;
    for (let i = 2; i <= number; i++) {
      print(`Task ${name}: Compute factorial(${i})...`);
      await sleep(1);
      f *= i;
    }
    print(`Task ${name}: factorial(${number}) = ${f}`);
    return f;
  };
  const cornSleep = coroutine(async (n: number) => {
    try {
      await sleep(n);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`corn(${n}) cancelled at t=${t()}`);
    }
    print(`corn(${n}) done at t=${t()}`);
    return `corn(${n}) done`;
  });

  try {
    await wait([cornSleep(0)] as unknown as Future<string>[]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(`${e.name}: ${e.message}`);
  }

  const fs = [["A", 2], ["B", 3], ["C", 4]] as const;
  const tasks = fs.map(([n, k]) => createTask(() => factorial(n, k)));
  const [done, pending] = await wait(tasks, { timeout: 3 });
  print(`t=${t()} done=${done.size} pending=${pending.size}`);
  print(py.repr(tasks.map((task) => done.has(task))));
  await wait(pending);
  print(`t=${t()} results=${py.repr(tasks.map((task) => task.result()))}`);

  t0 = loop.time();
  print("start");
  const corns = [1, 2, 3, 4, 5].map((i) => createTask(cornSleep(i)));
  const [done2, pending2] = await wait(corns, { timeout: 3 });
  print(`t=${t()} done=${done2.size} pending=${pending2.size}`);
  for (const task of corns) {
    if (pending2.has(task)) print(py.repr(task.done()));
  }
  await sleep(1);
  print(`end at t=${t()}`);
}
