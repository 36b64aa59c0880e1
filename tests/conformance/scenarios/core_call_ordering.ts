// callSoon FIFO, callbacks scheduled during a batch run in the next batch,
// timers by deadline (negative delays included), cancelled handles skipped.
import { getRunningLoop } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const done = loop.createFuture<void>();

  const cb = (name: string) => print(`cb ${name}`);
  const spawner = () => {
    print("spawner");
    loop.callSoon(cb, "spawned");
  };

  loop.callLater(-1, cb, "later -1");
  loop.callLater(-2, cb, "later -2");
  loop.callLater(0, cb, "later 0");
  loop.callLater(0.2, cb, "later 0.2");
  loop.callLater(0.1, cb, "later 0.1");
  loop.callAt(loop.time() + 0.15, cb, "at +0.15");
  loop.callSoon(cb, "soon 1");
  loop.callSoon(spawner);
  const h = loop.callSoon(cb, "cancelled");
  loop.callSoon(cb, "soon 2");
  h.cancel();
  const t = loop.callLater(0.05, cb, "cancelled timer");
  t.cancel();
  print(`cancelled ${py.repr(h.cancelled())} ${py.repr(t.cancelled())}`);
  loop.callLater(0.3, () => done.setResult());
  await done;
  print("end");
}
