# The producer/consumer example of seed 004: a producer puts ten items into
# an unbounded Queue, sleeping before each, then None; a consumer takes them
# until None, sleeping after each. The seed slept random.random() seconds:
# a fixed table of such values stands in (the same on both sides). No times
# are printed: CPython's run sleeps for real, and its jitter would show.
import asyncio

PRODUCE = [0.2, 0.34, 0.32, 0.51, 0.73, 0.85, 0.46, 0.84, 0.12, 0.88]
CONSUME = [0.39, 0.98, 0.67, 0.01, 0.08, 0.27, 0.8, 0.14, 0.19, 0.28]


async def produce(queue, n):
    for x in range(1, n + 1):
        # produce an item
        print("producing {}/{}".format(x, n))
        # simulate i/o operation using sleep
        await asyncio.sleep(PRODUCE[x - 1])
        item = str(x)
        # put the item in the queue
        await queue.put(item)
        print(f"  queue after put: {queue!s}")
    # indicate the producer is done
    await queue.put(None)


async def consume(queue):
    k = 0
    while True:
        # wait for an item from the producer
        item = await queue.get()
        if item is None:
            # the producer emits None to indicate that it is done
            break
        # process the item
        print("consuming item {}...".format(item))
        # simulate i/o operation using sleep
        await asyncio.sleep(CONSUME[k])
        k += 1


async def main():
    queue = asyncio.Queue()
    results = await asyncio.gather(produce(queue, 10), consume(queue))
    print(results, str(queue).replace("'", ""))


asyncio.run(main())
