# Seed 003, example 9: aysncio.Task对象 (loop.create_task, then await the task).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 3 s sleep is 0.3 s.
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
    loop = asyncio.get_running_loop()
    task = loop.create_task(task_func(0.3))
    result = await task
    print(f'task结果 {result} 时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
