# Seed #16 (Event 事件对象): a coroutine waits for an Event that a
# call_later callback sets two seconds later; plus set/clear with several
# waiters. Wall-clock times became loop-time deltas.
import asyncio


def r(obj):
    return repr(obj).replace(f" object at {hex(id(obj))}", "").replace("asyncio.locks.", "")


def task_done(event):
    event.set()


async def corn(event, loop, t0, name="corn"):
    await event.wait()
    print(f"{name} done at {round(loop.time() - t0, 1)}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(f"start at {round(loop.time() - t0, 1)}")
    event = asyncio.Event()
    loop.call_later(2, task_done, event)
    await corn(event, loop, t0)
    print(r(event))

    # set() wakes every waiter; clear() right after does not stop them
    event.clear()
    waiters = [asyncio.create_task(corn(event, loop, t0, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print(r(event))
    loop.call_later(0.5, task_done, event)
    loop.call_later(0.5, event.clear)
    for w in waiters:
        await w
    print(r(event), event.is_set())

    # a cancelled waiter leaves
    w = asyncio.create_task(corn(event, loop, t0, "never"))
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled", r(event))


asyncio.run(main())
