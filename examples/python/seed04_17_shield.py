# Seed 004: 防止任务被取消 (cancelling asyncio.shield()'s wrapper leaves the task running).
# Adapted: the 10 s and 1 s sleeps are 1 s and 0.1 s; asyncio.run(main())
# replaces the notebook's top-level await; cancel_me is repeated from the
# earlier cell.
import asyncio
async def cancel_me():
    print('cancel_me(): before sleep')

    try:
        # Wait for 1 hour
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('cancel_me(): cancel sleep')
        raise
    finally:
        print('cancel_me(): after sleep')

async def main():
    # Create a "cancel_me" Task
    task = asyncio.create_task(cancel_me())
    task_shield = asyncio.shield(task)
    #task = asyncio.create_task(task1)

    # Wait for 1 second
    await asyncio.sleep(0.1)

    task_shield.cancel()
    try:
        await task_shield
    except asyncio.CancelledError:
        print("main(): cancel_me_shield is cancelled now")
    try:
        await task
    except asyncio.CancelledError:
        print("main(): cancel_me is cancelled now")

asyncio.run(main())
