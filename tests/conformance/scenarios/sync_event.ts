// Seed #16 (Event 事件对象): a coroutine waits for an Event that a
// callLater callback sets two seconds later; plus set/clear with several
// waiters. Wall-clock times became loop-time deltas.
import { CancelledError, createTask, Event, getRunningLoop, sleep } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const taskDone = (event: Event) => event.set();
  const corn = async (event: Event, name = "corn") => {
    await event.wait();
    print(`${name} done at ${py.round1(loop.time() - t0)}`);
  };

  print(`start at ${py.round1(loop.time() - t0)}`);
  const event = new Event();
  loop.callLater(2, taskDone, event);
  await corn(event);
  print(String(event));

  // set() wakes every waiter; clear() right after does not stop them
  event.clear();
  const waiters = [0, 1, 2].map((i) => createTask(() => corn(event, `w${i}`)));
  await sleep(0);
  print(String(event));
  loop.callLater(0.5, taskDone, event);
  loop.callLater(0.5, () => event.clear());
  for (const w of waiters) await w;
  print(`${event} ${py.repr(event.isSet())}`);

  // a cancelled waiter leaves
  const w = createTask(() => corn(event, "never"));
  await sleep(0);
  w.cancel();
  try {
    await w;
  } catch (err) {
    if (!(err instanceof CancelledError)) throw err;
    print(`waiter cancelled ${event}`);
  }
}
