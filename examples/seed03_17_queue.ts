// A bounded Queue between one producer and three consumers, with
// taskDone()/join() and null as the end marker.
// Seed 003, example 17: Queue 协程队列. The 2 s sleep is 0.2 s; the consumer
// coroutines are wrapped in tasks (wait() takes futures, like asyncio.wait()
// since Python 3.11).
// Python original: examples/python/seed03_17_queue.py
import * as asyncio from "../mod.ts";

const producer = asyncio.coroutine(async function producer(queue: asyncio.Queue<string | null>) {
  console.log("生产者 上班");
  for (let i = 1; i < 6; i++) {
    await queue.put(`产品(${i})`);
    await asyncio.sleep(0.2);
  }
  await queue.put(null);
  await queue.join();
  console.log("生产者 打烊");
});

const consumer = asyncio.coroutine(
  async function consumer(x: number, queue: asyncio.Queue<string | null>) {
    console.log(`消费者${x}号进场`);
    while (true) {
      const pt = await queue.get();
      queue.taskDone();
      if (pt === null) {
        await queue.put(null);
        break;
      } else {
        console.log(`${x}号 消费了 ${pt}`);
      }
    }
  },
);

const main = asyncio.coroutine(async function main() {
  const loop = asyncio.getRunningLoop();
  const queue = new asyncio.Queue<string | null>({ maxsize: 3 });
  loop.createTask(producer(queue));
  await asyncio.wait([0, 1, 2].map((i) => asyncio.createTask(consumer(i, queue))));
});

await asyncio.run(main());
