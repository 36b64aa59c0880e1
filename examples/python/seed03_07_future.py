# Seed 003, example 7: asyncio.Future对象 (a delayed callback completes a future).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 3 s delay is 0.3 s.
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


def mark_done(future: asyncio.Future, result):
    print(f'标记future结束  时间{now()}')
    future.set_result(result)


async def main():
    print(f'协程开始  时间{now()}')
    loop = asyncio.get_running_loop()
    future = asyncio.Future()
    loop.call_later(0.3, mark_done, future, 'done!')
    result = await future
    print(f'future结果 {result}  时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
