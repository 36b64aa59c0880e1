# Seed 004: 协程及其语法, second program (get_event_loop + run_until_complete).
# Adapted: the 1 s sleep is 0.1 s; the seed's typo run_until_compelte is fixed.
import asyncio

async def main():
    print('Hello ...')
    await asyncio.sleep(0.1)
    print('... World!')

loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
