// Seed "asyncio.wait_for(asyncio.gather(...), timeout=3)": the deadline
// cancels the gather, which cancels the unfinished children; waitFor throws
// TimeoutError once they are done.
import {
  CancelledError,
  createTask,
  gather,
  getRunningLoop,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const t = () => py.round1(loop.time() - t0);
  const factorial = async (name: string, number: number) => {
    let f = 1;
    try {
      for (let i = 2; i <= number; i++) {
        print(`Task ${name}: Compute factorial(${i})...`);
        await sleep(1);
        f *= i;
      }
    } catch (e) {
      if (e instanceof CancelledError) print(`Task ${name}: cancelled at t=${t()}`);
      throw e;
    }
    print(`Task ${name}: factorial(${number}) = ${f}`);
    return f;
  };

  const fs = [["A", 2], ["B", 3], ["C", 4]] as const;
  const tasks = fs.map(([n, k]) => createTask(() => factorial(n, k)));
  try {
    await waitFor(gather(...tasks), 3);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`${e.name} at t=${t()} cause=${(e.cause as Error).name}`);
  }
  print(`cancelled: ${py.repr(tasks.map((task) => task.cancelled()))}`);

  print(py.repr(await waitFor(gather(...tasks.slice(0, 2)), 1)));
  try {
    await waitFor(() => factorial("D", 3), 1.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`D timed out at t=${t()}`);
  }
  print(py.repr(await waitFor(() => factorial("E", 2), null)));
}
