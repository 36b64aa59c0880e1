# Seed 003, example 1: 启动一个无返回值协程.
import sys
import asyncio

async def coroutine():
    print('运行协程')

if sys.version_info >= (3, 7, 0):
    asyncio.run(coroutine())
else:
    loop = asyncio.get_event_loop()
    loop.run_until_complete(coroutine())
    loop.close()
