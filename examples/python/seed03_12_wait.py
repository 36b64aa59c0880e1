# Seed 003, example 12: asyncio.wait执行多个协程 (with a timeout; pending tasks
# are cancelled when asyncio.run() ends).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); corn_sleep(n)
# sleeps n / 10 s; the 3 s timeout and the 1 s sleep are 0.25 s and 0.2 s
# (the seed's timeout falls on corn(3)'s end and main's end on corn(4)'s, so
# which comes first would be down to timer jitter); the coroutines are wrapped
# in tasks (asyncio.wait() refuses coroutines since 3.11).
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def corn_sleep(n):
    try:
        await asyncio.sleep(n / 10)
    except asyncio.exceptions.CancelledError:
        print(f'corn({n})超时取消!  时间{now()}')
    print(f'corn({n}) done!  时间{now()}')
    return f'corn({n}) done!  时间{now()}'


async def main():
    print(f'协程开始  时间{now()}')
    tasks = [asyncio.create_task(corn_sleep(i)) for i in range(1, 6)]
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    for task in done:
        pass
        # print(task.result())
    for task in pending:
        print(task.done())
    await asyncio.sleep(0.2)
    print(f'协程结束  时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
