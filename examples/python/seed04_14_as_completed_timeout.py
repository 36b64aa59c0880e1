# Seed 004: asyncio.as_completed with a timeout: the third result is not ready
# in time, so TimeoutError ends the program (exit status 1, traceback on stderr).
# Adapted: the 1 s sleeps are 0.1 s and the 3 s timeout is 0.25 s (the
# seed's timeout falls on task C's end, so which comes first would be down to
# timer jitter); asyncio.run(main()) replaces the notebook's top-level await
# (the notebook's loop kept running task C afterwards; asyncio.run() cancels
# it); the coroutines are wrapped in tasks so they start in a fixed order
# (as_completed() puts its arguments in a set, and a set of coroutines is
# ordered by address).
import asyncio
import datetime

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        await asyncio.sleep(0.1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))
    return f
async def main():
    for f in asyncio.as_completed([asyncio.create_task(factorial("A", 2)),asyncio.create_task(factorial("B", 3)),asyncio.create_task(factorial("C", 4))],timeout=0.25):
        result = await f


asyncio.run(main())
