# Seed 003, example 2: 启动一个有返回值协程.
import sys
import asyncio

async def coroutine():
    print('运行协程')
    return 'done!'

if sys.version_info >= (3, 7, 0):
    result = asyncio.run(coroutine())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(coroutine())
    loop.close()
print(result)
