// Seed #17 (Queue 协程队列): a producer puts five products into a
// Queue(maxsize=3) two seconds apart, then null, and joins the queue; three
// consumers take items, call taskDone(), and pass the null on. The seed
// passed coroutines to asyncio.wait(), which 3.13 refuses: they are tasks
// here. Times are loop-time deltas.
import { createTask, getRunningLoop, Queue, sleep, wait } from "../../../mod.ts";
import { py } from "../_harness.ts";

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const producer = async (queue: Queue<string | null>) => {
    print("生产者 上班");
    for (let i = 1; i < 6; i++) {
      await queue.put(`产品(${i})`);
      await sleep(2);
    }
    await queue.put(null);
    await queue.join();
    print(`生产者 打烊 at ${py.round1(loop.time() - t0)}`);
  };
  const consumer = async (x: number, queue: Queue<string | null>) => {
    print(`消费者${x}号进场`);
    for (;;) {
      const pt = await queue.get();
      queue.taskDone();
      if (pt === null) {
        await queue.put(null);
        break;
      } else {
        print(`${x}号 消费了 ${pt} at ${py.round1(loop.time() - t0)}`);
      }
    }
  };

  const queue = new Queue<string | null>({ maxsize: 3 });
  const prod = loop.createTask(() => producer(queue));
  const consumers = [0, 1, 2].map((i) => createTask(() => consumer(i, queue)));
  const [done, pending] = await wait(consumers);
  print(`consumers done: ${done.size}, pending: ${pending.size}`);
  print(String(queue).replace("null", "None"));
  await prod;
  print(`producer done: ${py.repr(prod.done())}`);
}
