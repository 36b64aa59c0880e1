// Tasks interleave at every sleep(0); timers order tasks by deadline.
import { createTask, getRunningLoop, sleep } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const worker = async (name: string, n: number) => {
    for (let i = 0; i < n; i++) {
      print(`${name} step ${i}`);
      await sleep(0);
    }
    print(`${name} done`);
    return name;
  };
  const sleeper = async (name: string, delay: number) => {
    const loop = getRunningLoop();
    const t0 = loop.time();
    await sleep(delay);
    print(`${name} woke after ${py.round1(loop.time() - t0)}`);
  };

  const a = createTask(() => worker("a", 3));
  const b = createTask(() => worker("b", 2));
  const c = createTask(() => worker("c", 1));
  print("main before await");
  print(`${await a} ${await b} ${await c}`);
  const s = [3, 1, 2, 0].map((d) => createTask(() => sleeper(`s${d}`, d / 10)));
  for (const t of s) await t;
  print(`sleep result ${await sleep(0.1, "r")}`);
  print("end");
}
