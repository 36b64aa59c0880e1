# Seed 003, example 10: Task取消任务 (a delayed callback cancels the task).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 5 s
# sleep and the 3 s delay are 0.5 s and 0.3 s.
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
    task = asyncio.create_task(task_func(0.5))
    loop.call_later(0.3, lambda task: task.cancel(), task)
    # Task被取消 会抛出CancelledError异常
    try:
        result = await task
        print(f'task结果 {result} 时间{now()}')
    except asyncio.exceptions.CancelledError:
        print(f'task被取消了 时间{now()}')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
