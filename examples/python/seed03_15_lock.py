# Seed 003, example 15: 协程锁 (asyncio.Lock released by delayed callbacks).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 2 s and
# 1 s delays are 0.2 s and 0.1 s.
import sys
import asyncio
import time
from functools import partial

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


def callback(lock: asyncio.Lock):
    print(f'释放锁  时间{now()}')
    lock.release()


async def corn1(x, loop, lock):
    async with lock:
        pass
    # 加锁,利用延迟回调1秒后解锁
    await lock.acquire()
    loop.call_later(0.1, callback, lock)
    return f'{x} done! 时间{now()}'


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    await lock.acquire()
    print(f'加锁 时间{now()}')
    loop.call_later(0.2, callback, lock)
    corn = partial(corn1, loop=loop, lock=lock)
    results = await asyncio.gather(corn(1), corn(2), corn(3))
    for result in results:
        print(result)


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
