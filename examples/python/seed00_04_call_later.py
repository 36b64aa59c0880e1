# Seed 000 (also 001): 添加定时任务 (loop.call_later + run_coroutine_threadsafe).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 5 s
# delay is 0.5 s; task() stops the loop at the end (the seed runs forever).
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def task():
    print(3, now())
    await asyncio.sleep(0)
    print('task')
    print(4, now())
    loop.stop()  # added: end the program


async def main():
    print(1, now())
    loop.call_later(0.5, asyncio.run_coroutine_threadsafe, task(), loop)
    print(2, now())

loop = asyncio.get_event_loop()
loop.create_task(main())
loop.run_forever()
