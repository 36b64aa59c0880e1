# Seed 004: 将耗时函数调用委托给一个线程池 (loop.run_in_executor(None, time.sleep, 1)
# inside the gather()ed factorial coroutines).
# Adapted: the 1 s sleeps are 0.1 s; asyncio.run(main()) replaces the
# notebook's new_event_loop()/set_event_loop() and top-level await (which also
# displayed the result, [None, None, None]). The default executor has one
# thread: with several, the three sleeps end at the same instant and their
# order is a race (CPython prints it differently from run to run); one thread
# runs them in FIFO order and prints the seed's output every time.
import asyncio
import concurrent.futures
import time

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        loop = asyncio.get_event_loop()
        await loop.run_in_executor(None, time.sleep, 0.1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))

async def main():
    asyncio.get_running_loop().set_default_executor(
        concurrent.futures.ThreadPoolExecutor(max_workers=1))
    await asyncio.gather(*[
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4)]
    )

asyncio.run(main())
