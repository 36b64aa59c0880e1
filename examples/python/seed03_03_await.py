# Seed 003, example 3: 使用await关键字.
# Adapted: time.time() prints are seconds since start (cut to 1 decimal: timers never fire early); the 2 s
# sleep is 0.2 s; `import time` added (the seed forgot it).
import sys
import asyncio
import time

START = time.monotonic()


def now():
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def coroutine():
    print('运行协程 调度asyncio.sleep协程任务')
    await asyncio.sleep(0.2)
    return 'done!'

print('启动时间:', now())
if sys.version_info >= (3, 7, 0):
    result = asyncio.run(coroutine())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(coroutine())
    loop.close()
print(result)
print('结束时间:', now())
