# Seed "asyncio.wait_for(asyncio.gather(...), timeout=3)": the deadline
# cancels the gather, which cancels the unfinished children; wait_for raises
# TimeoutError once they are done.
import asyncio


def t():
    return round(asyncio.get_running_loop().time() - T0, 1)


async def factorial(name, number):
    f = 1
    try:
        for i in range(2, number + 1):
            print("Task %s: Compute factorial(%s)..." % (name, i))
            await asyncio.sleep(1)
            f *= i
    except asyncio.CancelledError:
        print(f"Task {name}: cancelled at t={t()}")
        raise
    print("Task %s: factorial(%s) = %s" % (name, number, f))
    return f


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    tasks = [asyncio.create_task(factorial(n, k)) for n, k in (("A", 2), ("B", 3), ("C", 4))]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=3)
    except TimeoutError as e:
        print(f"{type(e).__name__} at t={t()} cause={type(e.__cause__).__name__}")
    print(f"cancelled: {[task.cancelled() for task in tasks]}")

    print(await asyncio.wait_for(asyncio.gather(*tasks[:2]), timeout=1))
    try:
        await asyncio.wait_for(factorial("D", 3), timeout=1.5)
    except TimeoutError:
        print(f"D timed out at t={t()}")
    print(await asyncio.wait_for(factorial("E", 2), timeout=None))


asyncio.run(main())
