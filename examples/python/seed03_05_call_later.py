# Seed 003, example 5: 回调函数: 延时回调 (loop.call_later after a blocking call_soon).
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the
# callback's blocking time.sleep(c) sleeps c / 10 s and the 1 s delay is 0.1 s.
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


def callback(a, c=3):
    time.sleep(c / 10)
    print(f"传入参数a={a}, c={c}, 时间{now()}")

async def main():
    print(f'添加回调, 时间{now()}')
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, callback, 2, 0)
    loop.call_soon(callback, 1)

    print(f'协程结束, 时间{now()}')

if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
