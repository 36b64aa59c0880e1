# Seed 003, example 17: Queue 协程队列 (bounded queue, task_done/join, None as
# the end marker). The producer never prints 打烊: the last None put back is
# never taken, so join() waits until asyncio.run() cancels the producer.
# Adapted: the 2 s sleep is 0.2 s; the consumer coroutines are wrapped in
# tasks (asyncio.wait() refuses coroutines since 3.11).
import sys
import asyncio

async def producer(queue: asyncio.Queue):
    print('生产者 上班')
    for i in range(1, 6):
        await queue.put(f'产品({i})')
        await asyncio.sleep(0.2)
    await queue.put(None)
    await queue.join()
    print('生产者 打烊')


async def consumer(x, queue: asyncio.Queue):
    print(f'消费者{x}号进场')
    while True:
        pt = await queue.get()
        queue.task_done()
        if pt is None:
            await queue.put(None)
            break
        else:
            print(f'{x}号 消费了 {pt}')


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=3)
    loop.create_task(producer(queue))
    await asyncio.wait([asyncio.create_task(consumer(i, queue)) for i in range(3)])

if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
