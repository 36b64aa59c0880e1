# Seed 004: 多任务并行 (asyncio.gather of three factorial coroutines).
# Adapted: the 1 s sleeps are 0.1 s; asyncio.run(main()) replaces the
# notebook's top-level await (which also displayed the result, [None, None, None]).
import asyncio

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        await asyncio.sleep(0.1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))

async def main():
    await asyncio.gather(
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4)
    )

asyncio.run(main())
