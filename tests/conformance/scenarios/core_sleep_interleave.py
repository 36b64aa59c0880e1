# Tasks interleave at every sleep(0); timers order tasks by deadline.
import asyncio


async def worker(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")
    return name


async def sleeper(name, delay):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(delay)
    print(f"{name} woke after {round(loop.time() - t0, 1)}")


async def main():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    c = asyncio.create_task(worker("c", 1))
    print("main before await")
    print(await a, await b, await c)
    s = [asyncio.create_task(sleeper(f"s{d}", d / 10)) for d in (3, 1, 2, 0)]
    for t in s:
        await t
    print(f"sleep result {await asyncio.sleep(0.1, 'r')}")
    print("end")


asyncio.run(main())
