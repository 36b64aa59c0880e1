# Seed 004: contextlib快速创建异步上下文管理器 (@contextlib.asynccontextmanager).
# Adapted: every 1 s sleep is 0.1 s; asyncio.run(main()) replaces the
# notebook's top-level await; Ticker is repeated from the earlier cell.
import asyncio
import contextlib
class Ticker:
    """Yield numbers from 0 to `to` every `delay` seconds."""

    def __init__(self, delay, to):
        self.delay = delay
        self.i = 0
        self.to = to

    def __aiter__(self):
        return self

    async def __anext__(self):
        i = self.i
        if i >= self.to:
            raise StopAsyncIteration
        self.i += 1
        if i:
            await asyncio.sleep(self.delay)
        return i

@contextlib.asynccontextmanager
async def AsyncContextTicker2(delay, to):
    data = Ticker(delay, to)
    print('entering context')
    await asyncio.sleep(0.1)
    try:
        yield data
    finally:
        await asyncio.sleep(0.1)
        print('exit context')


async def main():
    async with AsyncContextTicker2(0.1,5) as ticker:
        async for i in ticker:
            print(i)

asyncio.run(main())
