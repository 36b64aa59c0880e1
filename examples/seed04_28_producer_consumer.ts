// A producer and a consumer joined by a Queue, with null as the end marker,
// run together by gather().
// Seed 004: 例子: 生产者消费者模型. random.random() is replaced by a fixed
// table of draws (a quarter of the seed's 0..1 s range), as in the Python
// original, so both interleave the same way.
// Python original: examples/python/seed04_28_producer_consumer.py
import * as asyncio from "../mod.ts";

// Stands in for random.random(): fixed draws, used in turn.
const RANDOM_TABLE = [
  0.16,
  0.19,
  0.2,
  0.24,
  0.18,
  0.23,
  0.01,
  0.12,
  0.24,
  0.16,
  0.23,
  0.03,
  0.12,
  0.06,
  0.14,
  0.14,
  0.0,
  0.05,
  0.07,
  0.23,
].values();

function randomRandom(): number {
  return RANDOM_TABLE.next().value!;
}

const produce = asyncio.coroutine(
  async function produce(queue: asyncio.Queue<string | null>, n: number) {
    for (let x = 1; x < n + 1; x++) {
      // produce an item
      console.log(`producing ${x}/${n}`);
      // simulate i/o operation using sleep
      await asyncio.sleep(randomRandom());
      const item = String(x);
      // put the item in the queue
      await queue.put(item);
    }

    // indicate the producer is done
    await queue.put(null);
  },
);

const consume = asyncio.coroutine(async function consume(queue: asyncio.Queue<string | null>) {
  while (true) {
    // wait for an item from the producer
    const item = await queue.get();
    if (item === null) {
      // the producer emits None to indicate that it is done
      break;
    }

    // process the item
    console.log(`consuming item ${item}...`);
    // simulate i/o operation using sleep
    await asyncio.sleep(randomRandom());
  }
});

const main = asyncio.coroutine(async function main() {
  const queue = new asyncio.Queue<string | null>();
  const producerCoro = produce(queue, 10);
  const consumerCoro = consume(queue);
  await asyncio.gather(producerCoro, consumerCoro);
});

await asyncio.run(main());
