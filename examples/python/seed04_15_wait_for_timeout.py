# Seed 004: asyncio.wait_for(asyncio.gather(...), timeout): on timeout the
# gather and its tasks are cancelled and TimeoutError ends the program (exit
# status 1, traceback on stderr).
# Adapted: the 1 s sleeps are 0.1 s and the 3 s timeout is 0.25 s (the
# seed's timeout falls on task C's end, so which comes first would be down to
# timer jitter); asyncio.run(main()) replaces the notebook's top-level await.
import asyncio

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        await asyncio.sleep(0.1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))

async def main():
    await asyncio.wait_for(asyncio.gather(*[
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4)]),timeout=0.25
    )

asyncio.run(main())
