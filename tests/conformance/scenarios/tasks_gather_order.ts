// Seed "asyncio.gather执行多个协程": results come back in argument order
// whatever the completion order; errors with and without returnExceptions.
import { coroutine, createTask, gather, getRunningLoop, sleep, ValueError } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  let t0 = loop.time();
  const t = () => py.round1(loop.time() - t0);
  const cornSleep = coroutine(async (n: number) => {
    await sleep(n);
    print(`corn(${n}) finished at t=${t()}`);
    return `corn(${n}) done`;
  });
  const failAfter = coroutine(async (n: number, msg: string): Promise<never> => {
    await sleep(n);
    throw new ValueError(msg);
  });

  print("start");
  const done = await gather(...[3, 1, 2].map((i) => cornSleep(i)));
  for (const result of done) print(result);
  print(`end at t=${t()}`);

  t0 = loop.time();
  const slow = createTask(cornSleep(2));
  try {
    await gather(slow, failAfter(1, "boom"));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(`gather raised ${py.repr(e)} at t=${t()}; slow done=${py.repr(slow.done())}`);
  }
  print(`slow result ${py.repr(await slow)} at t=${t()}`);

  const res = await gather(cornSleep(1), failAfter(0.5, "kept"), { returnExceptions: true });
  const typeName = (r: unknown) => r instanceof Error ? r.name : "str";
  print(`${py.repr(res.map(typeName))} ${py.repr(res[1])}`);
}
