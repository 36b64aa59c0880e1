# Seed 004: 例子: 生产者消费者模型 (a Queue between a producer and a consumer, None ends it).
# Adapted: random.random() is replaced by a fixed table of draws, a quarter of
# the seed's 0..1 s range, so every run (and the TypeScript port) interleaves the
# same way; asyncio.run(main()) replaces the notebook's top-level await.
import asyncio
import random

# Stands in for random.random(): fixed draws, used in turn.
RANDOM_TABLE = iter([
    0.16, 0.19, 0.2, 0.24, 0.18, 0.23, 0.01, 0.12, 0.24, 0.16,
    0.23, 0.03, 0.12, 0.06, 0.14, 0.14, 0.0, 0.05, 0.07, 0.23,
])


def random_random():
    return next(RANDOM_TABLE)


async def produce(queue, n):
    for x in range(1, n + 1):
        # produce an item
        print('producing {}/{}'.format(x, n))
        # simulate i/o operation using sleep
        await asyncio.sleep(random_random())
        item = str(x)
        # put the item in the queue
        await queue.put(item)

    # indicate the producer is done
    await queue.put(None)


async def consume(queue):
    while True:
        # wait for an item from the producer
        item = await queue.get()
        if item is None:
            # the producer emits None to indicate that it is done
            break

        # process the item
        print('consuming item {}...'.format(item))
        # simulate i/o operation using sleep
        await asyncio.sleep(random_random())


async def main():
    queue = asyncio.Queue()
    producer_coro = produce(queue, 10)
    consumer_coro = consume(queue)
    await asyncio.gather(producer_coro, consumer_coro)

asyncio.run(main())
