// Ordering of the primitives' wake-ups: Semaphore(2) workers, Condition
// notify/notifyAll, a Barrier over two cycles, Lock fairness on re-acquire,
// and cancellations racing wake-ups (Lock, Semaphore, Condition, Queue).
import {
  type AbstractEventLoop,
  Barrier,
  Condition,
  createTask,
  gather,
  getRunningLoop,
  Lock,
  Queue,
  Semaphore,
  sleep,
} from "../../../mod.ts";
import { py } from "../_harness.ts";

type Print = (line: string) => void;

async function semaphorePart(print: Print, loop: AbstractEventLoop, t0: number): Promise<void> {
  const sem = new Semaphore(2);
  const worker = async (i: number) => {
    {
      using _ = await sem.acquire();
      print(`sem ${i} in at ${py.round1(loop.time() - t0)} ${sem}`);
      await sleep(0.1 * ((i % 3) + 1));
    }
    print(`sem ${i} out`);
  };
  await gather(...[0, 1, 2, 3, 4].map((i) => () => worker(i)));
  print(String(sem));
}

async function conditionPart(print: Print): Promise<void> {
  const cond = new Condition();
  const items: string[] = [];
  const consumer = async (i: number) => {
    using _ = await cond.acquire();
    await cond.waitFor(() => items.length > 0);
    print(`cond ${i} got ${items.shift()} ${cond}`);
  };
  const tasks = [0, 1, 2, 3].map((i) => createTask(() => consumer(i)));
  await sleep(0);
  print(String(cond));
  {
    using _ = await cond.acquire();
    items.push("a");
    cond.notify();
  }
  await sleep(0);
  {
    using _ = await cond.acquire();
    items.push("b", "c", "d");
    cond.notifyAll();
  }
  await gather(...tasks);
  print(String(cond));
}

async function barrierPart(print: Print): Promise<void> {
  const barrier = new Barrier(3);
  const party = async (i: number) => {
    for (let cycle = 0; cycle < 2; cycle++) {
      const index = await barrier.wait();
      print(`barrier party ${i} cycle ${cycle} index ${index} ${barrier}`);
    }
  };
  await gather(...[0, 1, 2].map((i) => () => party(i)));
  print(String(barrier));
}

async function lockPart(print: Print): Promise<void> {
  const lock = new Lock();
  const order: string[] = [];
  const greedy = async () => {
    for (let k = 0; k < 3; k++) {
      using _ = await lock.acquire();
      order.push(`greedy${k}`);
      await sleep(0);
    }
  };
  const polite = async (i: number) => {
    using _ = await lock.acquire();
    order.push(`polite${i}`);
  };
  const g = createTask(greedy);
  await sleep(0);
  const ps = [0, 1].map((i) => createTask(() => polite(i)));
  await gather(g, ...ps);
  print(`lock order ${py.repr(order)}`);
}

async function cancelPart(print: Print): Promise<void> {
  // Lock: the first waiter is cancelled right after release() woke it.
  const lock = new Lock();
  await lock.acquire();
  const t1 = createTask(() => lock.acquire());
  const t2 = createTask(() => lock.acquire());
  await sleep(0);
  lock.release();
  t1.cancel();
  await sleep(0);
  await sleep(0);
  print(`lock ${py.repr(t1.cancelled())} ${py.repr(t2.done())} ${lock}`);
  lock.release();

  // Semaphore: a waiter granted a unit, then cancelled, gives it back.
  const sem = new Semaphore(0);
  const s1 = createTask(() => sem.acquire());
  const s2 = createTask(() => sem.acquire());
  await sleep(0);
  sem.release();
  s1.cancel();
  await sleep(0);
  await sleep(0);
  print(`sem ${py.repr(s1.cancelled())} ${py.repr(s2.done())} ${sem}`);

  // Condition: the notified waiter is cancelled; the other one gets it.
  const cond = new Condition();
  const got: string[] = [];
  const waiter = async (name: string) => {
    using _ = await cond.acquire();
    await cond.wait();
    got.push(name);
  };
  const c1 = createTask(() => waiter("c1"));
  const c2 = createTask(() => waiter("c2"));
  await sleep(0);
  {
    using _ = await cond.acquire();
    cond.notify(1);
  }
  c1.cancel();
  await sleep(0);
  await sleep(0);
  await sleep(0);
  print(`cond ${py.repr(c1.cancelled())} ${py.repr(got)} ${cond}`);
  c2.cancel();
  await gather(c2, { returnExceptions: true });

  // Queue: the woken getter is cancelled; the item goes to the next one.
  const q = new Queue<string>();
  const g1 = createTask(() => q.get());
  const g2 = createTask(() => q.get());
  await sleep(0);
  q.putNowait("item");
  g1.cancel();
  await sleep(0);
  await sleep(0);
  print(`queue ${py.repr(g1.cancelled())} ${py.str(g2.done() && g2.result())} ${q}`);
}

export default async function main(print: Print): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  await semaphorePart(print, loop, t0);
  await conditionPart(print);
  await barrierPart(print);
  await lockPart(print);
  await cancelPart(print);
}
