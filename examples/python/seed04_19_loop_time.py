# Seed 004: 异步时间管理 (asyncio.sleep and loop.time()).
# Adapted: datetime.now() prints are seconds since start and loop.time() is
# printed relative to its value when now() starts (cut to 1 decimal: timers never fire early); the 1 s sleeps
# are 0.1 s; asyncio.run(now()) replaces the notebook's top-level await.
import asyncio
import time
from asyncio import sleep

START = time.monotonic()


def clock():
    """Stands in for datetime.now()."""
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def now():
    t0 = asyncio.get_event_loop().time()
    print(clock())
    await sleep(0.1)
    print(clock())
    await sleep(0.1)
    print(f'{int((asyncio.get_event_loop().time() - t0) * 10 + 1e-6) / 10:.1f}')

asyncio.run(now())
