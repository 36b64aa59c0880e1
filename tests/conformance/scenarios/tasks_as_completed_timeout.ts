// Seeds "asyncio.as_completed执行多个协程" and "as_completed(..., timeout=3)":
// results in completion order; one deadline for the whole iteration, after
// which each step raises TimeoutError and the inputs keep running.
import { asCompleted, createTask, getRunningLoop, sleep, TimeoutError } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  let t0 = loop.time();
  const t = () => py.round1(loop.time() - t0);
  const cornSleep = async (n: number) => {
    await sleep(n);
    return `corn(${n}) done at t=${t()}`;
  };
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

  print("start");
  const tasks = [5, 1, 4, 2, 3].map((i) => createTask(() => cornSleep(i)));
  for (const task of asCompleted(tasks, { timeout: 3.5 })) {
    try {
      print(await task);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(`timed out at t=${t()}`);
      break;
    }
  }
  print(`pending: ${py.repr(tasks.map((task) => task.done()))}`);
  await sleep(1.5);
  print(`after 1.5: ${py.repr(tasks.map((task) => task.done()))}`);

  t0 = loop.time();
  try {
    const fs = ([["A", 2], ["B", 3], ["C", 4]] as const).map(([n, k]) =>
      createTask(() => factorial(n, k))
    );
    for await (const f of asCompleted(fs, { timeout: 3 })) {
      print(`got ${await f} at t=${t()}`);
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`${e.name} at t=${t()}`);
  }
  await sleep(1);
}
