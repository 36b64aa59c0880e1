# Seed #17 (Queue 协程队列): a producer puts five products into a
# Queue(maxsize=3) two seconds apart, then None, and joins the queue; three
# consumers take items, call task_done(), and pass the None on. The seed
# passed coroutines to asyncio.wait(), which 3.13 refuses: they are tasks
# here. Times are loop-time deltas.
import asyncio


async def producer(queue, loop, t0):
    print("生产者 上班")
    for i in range(1, 6):
        await queue.put(f"产品({i})")
        await asyncio.sleep(2)
    await queue.put(None)
    await queue.join()
    print(f"生产者 打烊 at {round(loop.time() - t0, 1)}")


async def consumer(x, queue, loop, t0):
    print(f"消费者{x}号进场")
    while True:
        pt = await queue.get()
        queue.task_done()
        if pt is None:
            await queue.put(None)
            break
        else:
            print(f"{x}号 消费了 {pt} at {round(loop.time() - t0, 1)}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    queue = asyncio.Queue(maxsize=3)
    prod = loop.create_task(producer(queue, loop, t0))
    consumers = [asyncio.create_task(consumer(i, queue, loop, t0)) for i in range(3)]
    done, pending = await asyncio.wait(consumers)
    print(f"consumers done: {len(done)}, pending: {len(pending)}")
    print(str(queue))
    await prod
    print(f"producer done: {prod.done()}")


asyncio.run(main())
