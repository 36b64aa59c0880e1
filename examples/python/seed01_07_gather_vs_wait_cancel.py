# Seed 001: gather() 和 wait() 区别 — cancelling wait() leaves its tasks
# running, cancelling gather() cancels them.
# Adapted: sleeps are a tenth of the seed's (5 s -> 0.5 s, 2 s -> 0.2 s).
import asyncio


async def task(arg):
    await asyncio.sleep(0.5)
    return arg


async def cancel_waiting_task(work_task, waiting_task):
    await asyncio.sleep(0.2)
    waiting_task.cancel()
    try:
        await waiting_task
        print("Waiting done")
    except asyncio.CancelledError:
        print("Waiting task cancelled")

    try:
        res = await work_task
        print(f"Work result: {res}")
    except asyncio.CancelledError:
        print("Work task cancelled")


async def main():
    work_task = asyncio.create_task(task("done"))
    waiting = asyncio.create_task(asyncio.wait([work_task]))
    await cancel_waiting_task(work_task, waiting)
    print("-------------------")
    work_task = asyncio.create_task(task("done"))
    waiting = asyncio.gather(work_task)
    await cancel_waiting_task(work_task, waiting)


asyncio.run(main())
