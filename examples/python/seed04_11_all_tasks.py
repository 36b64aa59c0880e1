# Seed 004: 管理任务 (ensure_future three times, then asyncio.all_tasks()).
# Adapted: the notebook cells are one program run with asyncio.run(); the 1 s
# sleeps are 0.1 s and main() looks at the tasks after 0.15 s (the notebook's
# next cell ran while they slept); the notebook showed the set of Task reprs,
# which hold file names and line numbers, so each task's name and done() is
# printed instead; main() then waits for the other tasks (the notebook's loop
# kept running them).
import asyncio
async def sleep_task():
    for i in range(5):
        print(i)
        await asyncio.sleep(0.1)
    print("done")
    return True


async def main():
    for i in range(3):
        asyncio.ensure_future(sleep_task())
    await asyncio.sleep(0.15)
    tasks = asyncio.all_tasks()
    for task in sorted(tasks, key=lambda t: t.get_name()):
        print(task.get_name(), task.done())
    curtask = asyncio.current_task()
    print('current:', curtask.get_name())
    await asyncio.gather(*(tasks - {curtask}))

asyncio.run(main())
