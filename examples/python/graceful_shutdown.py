# Graceful shutdown on SIGTERM: a pool of workers takes jobs from a queue;
# SIGTERM stops the producer, the queue is shut down, and the workers finish
# every job already accepted before the program ends. Here the program sends
# itself SIGTERM once the fifth job is done. (Not from a seed: the
# TypeScript twin is examples/graceful_shutdown.ts.)
import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=4)
    stopping = asyncio.Event()
    accepted = finished = 0

    def on_sigterm():
        print('SIGTERM received: no new jobs, draining')
        stopping.set()

    loop.add_signal_handler(signal.SIGTERM, on_sigterm)

    async def producer():
        nonlocal accepted
        job = 0
        while not stopping.is_set():
            job += 1
            await queue.put(job)
            accepted += 1
            await asyncio.sleep(0.01)
        queue.shutdown()  # workers take what is queued, then stop

    async def worker():
        nonlocal finished
        while True:
            try:
                job = await queue.get()
            except asyncio.QueueShutDown:
                return
            await asyncio.sleep(0.03)  # the work
            finished += 1
            if finished == 5:
                os.kill(os.getpid(), signal.SIGTERM)

    print('worker pool running')
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer())
        for _ in range(3):
            tg.create_task(worker())
    loop.remove_signal_handler(signal.SIGTERM)
    lost = accepted - finished
    print(f'drained: every accepted job finished (lost {lost})')


asyncio.run(main())
