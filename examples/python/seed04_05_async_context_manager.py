# Seed 004: 异步上下文管理器和async with (a class with __aenter__/__aexit__).
# Adapted: every 1 s sleep is 0.1 s; asyncio.run(main()) replaces the
# notebook's top-level await.
import asyncio
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
class AsyncContextTicker:
    def __init__(self,delay, to):
        self.data = Ticker(delay, to)

    async def __aenter__(self):
        print('entering context')
        await asyncio.sleep(0.1)
        return self.data

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print('exit context')


async def main():
    async with AsyncContextTicker(0.1,5) as ticker:
        async for i in ticker:
            print(i)

asyncio.run(main())
