# asyncio.run() finishing: a leftover task is cancelled and awaited while the
# loop keeps running; due callbacks still run; errors of leftovers go to the
# exception handler. (One cancellable leftover: asyncio cancels leftovers in
# the arbitrary order of a WeakSet.)
import asyncio


async def leftover(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        await asyncio.sleep(0)
        print(f"{name} cleaned up")
        raise
    finally:
        print(f"{name} finally")


async def failing():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        raise ValueError("failed while cancelled")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(
        lambda loop, ctx: print(f"handler: {ctx['message']}: {ctx['exception']!r}"))
    asyncio.create_task(leftover("a", 100))
    asyncio.create_task(failing())
    quick = asyncio.create_task(leftover("quick", 0))
    await asyncio.sleep(0)
    loop.call_soon(print, "callback after main")
    print("main returns")


asyncio.run(main())
