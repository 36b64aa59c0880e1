# Seed "取消任务和防止任务被取消": cancel() reaches the task's await; a
# shield's cancel() does not reach the task it wraps.
import asyncio


def t():
    return round(asyncio.get_running_loop().time() - T0, 1)


async def cancel_me():
    print("cancel_me(): before sleep")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancel_me(): cancel sleep")
        raise
    finally:
        print(f"cancel_me(): after sleep at t={t()}")
    return "slept"


async def plain():
    task = asyncio.create_task(cancel_me())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main(): cancel_me is cancelled now")


async def shielded():
    task = asyncio.create_task(cancel_me())
    task_shield = asyncio.shield(task)
    await asyncio.sleep(1)
    print(f"shield cancel() -> {task_shield.cancel()}")
    try:
        await task_shield
    except asyncio.CancelledError:
        print("main(): cancel_me_shield is cancelled now")
    try:
        print(f"main(): cancel_me returned {await task!r}")
    except asyncio.CancelledError:
        print("main(): cancel_me is cancelled now")


async def awaiter_cancelled():
    task = asyncio.create_task(cancel_me())

    async def waiter():
        return await asyncio.shield(task)

    w = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print(f"waiter cancelled={w.cancelled()} task done={task.done()}")
    print(f"task result {await task!r} at t={t()}")


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    await plain()
    T0 = asyncio.get_running_loop().time()
    await shielded()
    T0 = asyncio.get_running_loop().time()
    await awaiter_cancelled()


asyncio.run(main())
