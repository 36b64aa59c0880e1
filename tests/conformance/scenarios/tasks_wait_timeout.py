# Seeds "asyncio.wait执行多个协程" and "asyncio.wait(..., timeout=3)": wait()
# with a timeout neither raises nor cancels; the pending tasks keep running
# (asyncio.run cancels what is left when main returns).
import asyncio


def t():
    return round(asyncio.get_running_loop().time() - T0, 1)


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        await asyncio.sleep(1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))
    return f


async def corn_sleep(n):
    try:
        await asyncio.sleep(n)
    except asyncio.CancelledError:
        print(f"corn({n}) cancelled at t={t()}")
    print(f"corn({n}) done at t={t()}")
    return f"corn({n}) done"


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    coro = corn_sleep(0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print(f"{type(e).__name__}: {e}")
    finally:
        coro.close()

    tasks = [asyncio.create_task(factorial(n, k)) for n, k in (("A", 2), ("B", 3), ("C", 4))]
    done, pending = await asyncio.wait(tasks, timeout=3)
    print(f"t={t()} done={len(done)} pending={len(pending)}")
    print([task in done for task in tasks])
    await asyncio.wait(pending)
    print(f"t={t()} results={[task.result() for task in tasks]}")

    T0 = asyncio.get_running_loop().time()
    print("start")
    tasks = [asyncio.create_task(corn_sleep(i)) for i in range(1, 6)]
    done, pending = await asyncio.wait(tasks, timeout=3)
    print(f"t={t()} done={len(done)} pending={len(pending)}")
    for task in tasks:
        if task in pending:
            print(task.done())
    await asyncio.sleep(1)
    print(f"end at t={t()}")


asyncio.run(main())
