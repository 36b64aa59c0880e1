# Seed 003, example 16: Event 事件对象 (a delayed callback sets the event).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 2 s delay is 0.2 s.
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


def task_done(event: asyncio.Event):
    event.set()


async def corn(event: asyncio.Event):
    await event.wait()
    print(f'corn done!  时间{now()}')


async def main():
    print(f'协程开始  时间{now()}')
    event = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, task_done, event)
    await corn(event)


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
