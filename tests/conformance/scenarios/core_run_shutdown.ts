// run() finishing: a leftover task is cancelled and awaited while the loop
// keeps running; due callbacks still run; errors of leftovers go to the
// exception handler. The harness's own run() is the one finishing here.
import { CancelledError, createTask, getRunningLoop, sleep, ValueError } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const leftover = async (name: string, delay: number) => {
    try {
      await sleep(delay);
      print(`${name} finished`);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`${name} cancelled`);
      await sleep(0);
      print(`${name} cleaned up`);
      throw e;
    } finally {
      print(`${name} finally`);
    }
  };
  const failing = async () => {
    try {
      await sleep(100);
    } catch {
      throw new ValueError("failed while cancelled");
    }
  };
  const loop = getRunningLoop();
  loop.setExceptionHandler((_l, ctx) =>
    print(`handler: ${ctx.message}: ${py.repr(ctx.exception)}`)
  );
  createTask(() => leftover("a", 100));
  createTask(failing);
  createTask(() => leftover("quick", 0));
  await sleep(0);
  loop.callSoon(print, "callback after main");
  print("main returns");
}
