# Seed 003, example 8: Future回调 (a done callback runs before the awaiting coroutine resumes).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 1 s
# delay and the callback's blocking 1 s sleep are 0.1 s.
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


def callback(future: asyncio.Future):
    # 基于Future的回调函数一定要接受一个Future对象
    print(f'Future回调被调用 时间{now()}')
    time.sleep(0.1)


async def main():
    print(f'协程开始  时间{now()}')
    loop = asyncio.get_running_loop()
    future = asyncio.Future()
    future.add_done_callback(callback)
    loop.call_later(0.1, lambda future: future.set_result('done'), future)
    result = await future
    print(f'future结果 {result} 时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
