# Seed 003, example 13: asyncio.gather执行多个协程 (results in argument order).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); corn_sleep(n) sleeps n / 10 s.
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def corn_sleep(n):
    await asyncio.sleep(n / 10)
    return f'corn({n}) done!  时间{now()}'


async def main():
    print(f'协程开始  时间{now()}')
    tasks = [corn_sleep(i) for i in range(1, 6)]
    done = await asyncio.gather(*tasks)
    for result in done:
        print(result)
    print(f'协程结束  时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
