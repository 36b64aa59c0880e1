# Seeds "asyncio.as_completed执行多个协程" and "as_completed(..., timeout=3)":
# results in completion order; one deadline for the whole iteration, after
# which each step raises TimeoutError and the inputs keep running.
import asyncio


def t():
    return round(asyncio.get_running_loop().time() - T0, 1)


async def corn_sleep(n):
    await asyncio.sleep(n)
    return f"corn({n}) done at t={t()}"


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        await asyncio.sleep(1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))
    return f


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    print("start")
    tasks = [asyncio.create_task(corn_sleep(i)) for i in (5, 1, 4, 2, 3)]
    for task in asyncio.as_completed(tasks, timeout=3.5):
        try:
            result = await task
            print(result)
        except asyncio.TimeoutError:
            print(f"timed out at t={t()}")
            break
    print(f"pending: {[task.done() for task in tasks]}")
    await asyncio.sleep(1.5)
    print(f"after 1.5: {[task.done() for task in tasks]}")

    T0 = asyncio.get_running_loop().time()
    try:
        # Tasks, not coroutines: as_completed() wraps coroutines in the
        # (address-dependent) order of a set.
        fs = [asyncio.create_task(factorial(n, k)) for n, k in (("A", 2), ("B", 3), ("C", 4))]
        async for f in asyncio.as_completed(fs, timeout=3):
            print(f"got {await f} at t={t()}")
    except TimeoutError as e:
        print(f"{type(e).__name__} at t={t()}")
    await asyncio.sleep(1)


asyncio.run(main())
