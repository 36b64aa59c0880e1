# Seed 004: 异步生成器 (an async def with yield).
# Adapted: ticker(1, 5) ticks every 0.1 s; asyncio.run(main()) replaces the
# notebook's top-level await.
import asyncio
async def ticker(delay, to):
    """Yield numbers from 0 to *to* every *delay* seconds."""
    for i in range(0,to):
        yield i
        await asyncio.sleep(delay)

async def main():
    async for i in ticker(0.1,5):
        print(i)

asyncio.run(main())
