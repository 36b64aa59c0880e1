# Seed "asyncio.gather执行多个协程": results come back in argument order
# whatever the completion order; errors with and without return_exceptions.
import asyncio


def t():
    return round(asyncio.get_running_loop().time() - T0, 1)


async def corn_sleep(n):
    await asyncio.sleep(n)
    print(f"corn({n}) finished at t={t()}")
    return f"corn({n}) done"


async def fail_after(n, msg):
    await asyncio.sleep(n)
    raise ValueError(msg)


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    print("start")
    done = await asyncio.gather(*[corn_sleep(i) for i in (3, 1, 2)])
    for result in done:
        print(result)
    print(f"end at t={t()}")

    T0 = asyncio.get_running_loop().time()
    slow = asyncio.create_task(corn_sleep(2))
    try:
        await asyncio.gather(slow, fail_after(1, "boom"))
    except ValueError as e:
        print(f"gather raised {e!r} at t={t()}; slow done={slow.done()}")
    print(f"slow result {await slow!r} at t={t()}")

    res = await asyncio.gather(corn_sleep(1), fail_after(0.5, "kept"), return_exceptions=True)
    print(f"{[type(r).__name__ for r in res]} {res[1]!r}")


asyncio.run(main())
