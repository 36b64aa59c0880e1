# A task step runs until the task suspends at a pending future or returns:
# awaiting done futures does not yield, and a deep chain of plain coroutines
# resumes in one step, before callbacks already in the ready queue.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("d")
    fut = loop.create_future()

    async def first():
        print("first starts")
        print("first got", await done)
        print("first got again", await done)

    t = asyncio.create_task(first())
    loop.call_soon(print, "cb after create_task")
    await t

    async def c():
        v = await fut
        print("c resumed")
        return v

    async def b():
        v = await c()
        print("b resumed")
        return v

    async def a():
        v = await b()
        print("a resumed")
        await done
        print("a after done await")
        return v

    t = asyncio.create_task(a())
    t.add_done_callback(lambda _: print("task done cb"))
    await asyncio.sleep(0)
    loop.call_soon(print, "X")
    fut.set_result(1)
    loop.call_soon(print, "Y")
    loop.call_soon(print, "Z")
    print("result", await t)

    # Awaiting a finished task does not yield either.
    finished = asyncio.create_task(asyncio.sleep(0, "fin"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    loop.call_soon(print, "cb before awaiting a finished task")
    print("finished task gave", await finished)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
