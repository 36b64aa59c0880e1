# Seed 003, example 11: 使用asyncio.ensure_future创建任务.
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 2 s sleep is 0.2 s.
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def task_func(n):
    print(f'运行 task_func  时间{now()}')
    await asyncio.sleep(n)
    return 'task done!'


async def main():
    print(f'协程开始  时间{now()}')
    task = asyncio.ensure_future(task_func(0.2))
    result = await task
    print(f'task结果 {result} 时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
