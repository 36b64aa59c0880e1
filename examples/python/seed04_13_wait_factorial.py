# Seed 004: 等待任务和过期 (asyncio.wait with a timeout returns done and pending).
# Adapted: the 1 s sleeps are 0.1 s and the 3 s timeout is 0.25 s (the
# seed's timeout falls on task C's end, so which comes first would be down to
# timer jitter); the coroutines are wrapped in tasks (asyncio.wait() refuses
# coroutines since 3.11); the notebook displayed (done, pending) as Task reprs
# with file names and line numbers, so their sizes are printed instead; main()
# then waits for the pending task (the notebook's loop kept running it).
import asyncio

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print("Task %s: Compute factorial(%s)..." % (name, i))
        await asyncio.sleep(0.1)
        f *= i
    print("Task %s: factorial(%s) = %s" % (name, number, f))

async def main():
    done, pending = await asyncio.wait([
        asyncio.create_task(factorial("A", 2)),
        asyncio.create_task(factorial("B", 3)),
        asyncio.create_task(factorial("C", 4))],
        timeout=0.25
    )
    print('done:', len(done), 'pending:', len(pending))
    await asyncio.wait(pending)

asyncio.run(main())
