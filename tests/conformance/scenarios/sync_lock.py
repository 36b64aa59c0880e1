# Seed #15 (协程锁): a lock taken by main and released by a call_later
# callback; three coroutines queue for it, each re-taking it and scheduling
# its release one second later. Wall-clock times became loop-time deltas.
import asyncio
from functools import partial


def r(obj):
    # asyncio's repr without the module path and address: <Lock [locked]>
    return repr(obj).replace(f" object at {hex(id(obj))}", "").replace("asyncio.locks.", "")


def callback(lock, loop, t0):
    print(f"release lock at {round(loop.time() - t0, 1)}")
    lock.release()


async def corn1(x, loop, lock, t0):
    async with lock:
        pass
    # take the lock again; a callback releases it a second later
    await lock.acquire()
    loop.call_later(1, callback, lock, loop, t0)
    return f"{x} done at {round(loop.time() - t0, 1)}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    lock = asyncio.Lock()
    await lock.acquire()
    print(f"locked at {round(loop.time() - t0, 1)} {r(lock)}")
    loop.call_later(2, callback, lock, loop, t0)
    corn = partial(corn1, loop=loop, lock=lock, t0=t0)
    results = await asyncio.gather(corn(1), corn(2), corn(3))
    for result in results:
        print(result)
    print(r(lock))
    await asyncio.sleep(1.5)
    print(r(lock))


asyncio.run(main())
