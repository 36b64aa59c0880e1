# Seed "任一任务完成后取消其他任务": wait(FIRST_COMPLETED) then cancel the rest,
# with an Event standing for "connection lost"; cancelling the waiter
# cancels everything.
import asyncio


async def wait_any(tasks, *, timeout=None):
    tasks_to_cancel = set()
    try:
        done, tasks_to_cancel = await asyncio.wait(
            tasks, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
        )
        return done, tasks_to_cancel
    except asyncio.CancelledError:
        tasks_to_cancel = tasks
        raise
    finally:
        for task in tasks_to_cancel:
            task.cancel()


async def task():
    await asyncio.sleep(5)


async def check_tasks(waiting_task, working_task, waiting_conn_lost_task):
    loop = asyncio.get_running_loop()
    try:
        await waiting_task
        print("waiting is done")
    except asyncio.CancelledError:
        print("waiting is cancelled")

    try:
        await waiting_conn_lost_task
        print("connection is lost")
    except asyncio.CancelledError:
        print("waiting connection lost is cancelled")

    try:
        await working_task
        print("work is done")
    except asyncio.CancelledError:
        print("work is cancelled")
    print(f"at t={round(loop.time() - T0, 1)}")


async def work_done_case():
    working_task = asyncio.create_task(task())
    connection_lost_event = asyncio.Event()
    waiting_conn_lost_task = asyncio.create_task(connection_lost_event.wait())
    waiting_task = asyncio.create_task(wait_any({working_task, waiting_conn_lost_task}))
    await check_tasks(waiting_task, working_task, waiting_conn_lost_task)


async def conn_lost_case():
    working_task = asyncio.create_task(task())
    connection_lost_event = asyncio.Event()
    waiting_conn_lost_task = asyncio.create_task(connection_lost_event.wait())
    waiting_task = asyncio.create_task(wait_any({working_task, waiting_conn_lost_task}))
    await asyncio.sleep(2)
    connection_lost_event.set()
    await check_tasks(waiting_task, working_task, waiting_conn_lost_task)


async def cancel_waiting_case():
    working_task = asyncio.create_task(task())
    connection_lost_event = asyncio.Event()
    waiting_conn_lost_task = asyncio.create_task(connection_lost_event.wait())
    waiting_task = asyncio.create_task(wait_any({working_task, waiting_conn_lost_task}))
    await asyncio.sleep(2)
    waiting_task.cancel()
    await check_tasks(waiting_task, working_task, waiting_conn_lost_task)


async def main():
    global T0
    T0 = asyncio.get_running_loop().time()
    print("Case1: Work done")
    print("-------------------")
    await work_done_case()
    print("\nCase2: Connection lost")
    print("-------------------")
    await conn_lost_case()
    print("\nCase3: Cancel waiting")
    print("-------------------")
    await cancel_waiting_case()


asyncio.run(main())
