# Seed 004: 监控常驻协程 (a done callback reports how a long-running task ended).
# Adapted: random.random() is replaced by fixed draws (the third one ends
# never_end()); the 1 s sleeps are 0.1 s; main() stops once the task is done
# (the seed loops forever).
import asyncio
loop = asyncio.get_event_loop()

# Stands in for random.random().
RANDOM_DRAWS = iter([0.5, 0.3, 0.9])


async def never_end():
    while True:
        await asyncio.sleep(0.1)
        if next(RANDOM_DRAWS) >0.8:
            raise AssertionError("意外退出")
async def main():
    task = asyncio.create_task(never_end())
    task.add_done_callback(lambda x: print(f"task done with exception {x.exception()}"))
    while not task.done():
        await asyncio.sleep(0.1)

loop.run_until_complete(main())
