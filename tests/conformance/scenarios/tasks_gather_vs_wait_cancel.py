# Seed "gather() 和 wait() 区别": cancelling a wait() leaves the work running;
# cancelling a gather() cancels the work it was given.
import asyncio


async def task(arg):
    await asyncio.sleep(5)
    return arg


async def cancel_waiting_task(work_task, waiting_task):
    await asyncio.sleep(2)
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
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    work_task = asyncio.create_task(task("done"))
    waiting = asyncio.create_task(asyncio.wait([work_task]))
    await cancel_waiting_task(work_task, waiting)
    print(f"t={round(loop.time() - t0, 1)}")
    print("-------------------")
    work_task = asyncio.create_task(task("done"))
    waiting = asyncio.gather(work_task)
    await cancel_waiting_task(work_task, waiting)
    print(f"t={round(loop.time() - t0, 1)}")
    print(f"gather cancelled()={waiting.cancelled()} work cancelled()={work_task.cancelled()}")


asyncio.run(main())
