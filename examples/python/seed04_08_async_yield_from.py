# Seed 004: 关于yield from (async for ... yield in place of yield from).
# Adapted: asyncio.run(main()) replaces the notebook's top-level await.
import asyncio
async def g1(x):
    for i in range(x):
        yield i

async def g2():
    async for v in g1(5):
        yield v

async def main():
    async for i in g2():
        print(i)


asyncio.run(main())
