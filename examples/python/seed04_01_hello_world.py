# Seed 004: 协程及其语法, first program (asyncio.run).
# Adapted: the 1 s sleep is 0.1 s.
import asyncio

async def main():
    print('Hello ...')
    await asyncio.sleep(0.1)
    print('... World!')

asyncio.run(main())
