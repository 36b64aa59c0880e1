# Seed 004: 异步时间管理 (asyncio.sleep and loop.time()).
# Adapted: datetime.now() prints are seconds since start and loop.time() is
# printed relative to its value when now() starts (1 decimal); the 1 s sleeps
# are 0.1 s; asyncio.run(now()) replaces the notebook's top-level await.
import asyncio
import time
from asyncio import sleep

START = time.monotonic()


def clock():
    """Stands in for datetime.now()."""
    return f'{time.monotonic() - START:.1f}'


async def now():
    t0 = asyncio.get_event_loop().time()
    print(clock())
    await sleep(0.1)
    print(clock())
    await sleep(0.1)
    print(f'{asyncio.get_event_loop().time() - t0:.1f}')

asyncio.run(now())
