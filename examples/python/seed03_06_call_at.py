# Seed 003, example 6: 回调函数: 定时回调 (loop.call_at on the loop's clock).
# Adapted: loop.time() prints are loop seconds since main() started (1
# decimal); the callback's blocking time.sleep(c) sleeps c / 10 s; the 4 s and
# 5 s waits are 0.4 s and 0.5 s; `import time` added (the seed forgot it).
import sys
import asyncio
import time

T0 = 0.0  # loop time when main() starts


def callback(a, loop, c=3):
    time.sleep(c / 10)
    print(f"传入参数a={a}, c={c}, 时间{int((loop.time() - T0) * 10 + 1e-6) / 10:.1f}")


async def main():
    global T0
    loop = asyncio.get_running_loop()
    now = loop.time()
    T0 = now
    print(f'事件循环时间戳{int((now - T0) * 10 + 1e-6) / 10:.1f}')
    loop.call_at(now + 0.4, callback, 2, loop, 1)
    loop.call_soon(callback, 1, loop)
    await asyncio.sleep(0.5)
    print(f'协程结束, 时间戳{int((loop.time() - T0) * 10 + 1e-6) / 10:.1f}')

if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
