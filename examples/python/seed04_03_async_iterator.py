# Seed 004: 异步迭代器和async for (a class with __aiter__/__anext__).
# Adapted: Ticker(1, 5) ticks every 0.1 s; asyncio.run(main()) replaces the
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

async def main():
    async for i in Ticker(0.1, 5):
        print(i)

asyncio.run(main())
