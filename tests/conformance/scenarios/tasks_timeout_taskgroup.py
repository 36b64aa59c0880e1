# timeout() and TaskGroup together: expiry, nested deadlines, a failing
# child cancelling its siblings and the body, outside cancellation.
import asyncio


def t():
    return round(asyncio.get_running_loop().time() - T0, 1)


def names(eg):
    return [type(e).__name__ if not isinstance(e, BaseExceptionGroup) else names(e)
            for e in eg.exceptions]


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled at t={t()}")
        raise
    if fail:
        print(f"{name} fails at t={t()}")
        raise ValueError(name)
    print(f"{name} done at t={t()}")
    return name


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    task = asyncio.current_task()

    try:
        async with asyncio.timeout(1) as cm:
            await child("body", 5)
    except TimeoutError as e:
        print(f"TimeoutError at t={t()} expired={cm.expired()} cause={type(e.__cause__).__name__}")
    print(f"cancelling()={task.cancelling()}")

    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"inner let CancelledError through at t={t()}")
                raise
    except TimeoutError:
        print(f"outer TimeoutError at t={t()}")

    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print(f"no expiry: expired={cm.expired()} at t={t()}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1))
            tg.create_task(child("b", 2, fail=True))
            tg.create_task(child("c", 3))
            await child("tg-body", 10)
    except ExceptionGroup as eg:
        print(f"ExceptionGroup {names(eg)} at t={t()}")
    print(f"cancelling()={task.cancelling()}")

    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child("outer-child", 1, fail=True))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(child("inner-child", 0.5, fail=True))
                await asyncio.sleep(5)
    except ExceptionGroup as eg:
        print(f"nested {names(eg)} at t={t()}")

    async def cancelled_from_outside():
        async with asyncio.TaskGroup() as tg:
            # One child: the group cancels its children in set order.
            tg.create_task(child("x", 5))
        print("not reached")

    runner = asyncio.create_task(cancelled_from_outside())
    await asyncio.sleep(1)
    runner.cancel()
    try:
        await runner
    except asyncio.CancelledError:
        print(f"runner cancelled={runner.cancelled()} at t={t()}")

    try:
        async with asyncio.timeout(1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("slow", 5))
                await asyncio.sleep(5)
    except TimeoutError:
        print(f"timeout around a group: TimeoutError at t={t()}")


asyncio.run(main())
