// Seed #15 (协程锁): a lock taken by main and released by a callLater
// callback; three coroutines queue for it, each re-taking it and scheduling
// its release one second later. Wall-clock times became loop-time deltas.
import { type AbstractEventLoop, gather, getRunningLoop, Lock, sleep } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const callback = (lock: Lock, loop: AbstractEventLoop) => {
    print(`release lock at ${py.round1(loop.time() - t0)}`);
    lock.release();
  };
  const corn1 = async (x: number, lock: Lock) => {
    {
      using _ = await lock.acquire();
    }
    // take the lock again; a callback releases it a second later
    await lock.acquire();
    loop.callLater(1, callback, lock, loop);
    return `${x} done at ${py.round1(loop.time() - t0)}`;
  };

  const lock = new Lock();
  await lock.acquire();
  print(`locked at ${py.round1(loop.time() - t0)} ${lock}`);
  loop.callLater(2, callback, lock, loop);
  const results = await gather(() => corn1(1, lock), () => corn1(2, lock), () => corn1(3, lock));
  for (const result of results) print(result);
  print(String(lock));
  await sleep(1.5);
  print(String(lock));
}
