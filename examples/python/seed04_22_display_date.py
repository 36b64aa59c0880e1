# Seed 004: loop.run_until_complete() (display_date prints once a second for 5 s).
# Adapted: datetime.now() prints are seconds since start (cut to 1 decimal: timers never fire early); the
# 5 s span and 1 s steps are 0.5 s and 0.1 s; the notebook's top-level await
# becomes loop.run_until_complete().
import asyncio
import time

START = time.monotonic()


def now():
    """Stands in for datetime.datetime.now()."""
    return f'{int((time.monotonic() - START) * 10 + 1e-6) / 10:.1f}'


async def display_date(loop):
    end_time = loop.time() + 0.5
    while True:
        print(now())
        if (loop.time() + 0.1) >= end_time:
            break
        await asyncio.sleep(0.1)


loop = asyncio.get_event_loop()
# Blocking call which returns when the display_date() coroutine is done
loop.run_until_complete(display_date(loop))
loop.close()
