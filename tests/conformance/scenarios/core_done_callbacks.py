# Done callbacks run through call_soon, in registration order, never at once;
# remove_done_callback removes every registration and returns the count.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def cb(name):
        return lambda f: print(f"cb {name} done={f.done()}")

    c1, c2, c3 = cb(1), cb(2), cb(3)
    fut.add_done_callback(c1)
    fut.add_done_callback(c2)
    fut.add_done_callback(c3)
    fut.add_done_callback(c2)
    print("removed", fut.remove_done_callback(c2))
    loop.call_soon(print, "soon before")
    fut.set_result(1)
    print("set_result returned")
    loop.call_soon(print, "soon after")
    await asyncio.sleep(0)
    print("late registration")
    fut.add_done_callback(cb("late"))
    print("registered")
    await asyncio.sleep(0)

    task = asyncio.create_task(asyncio.sleep(0, "t"))
    task.add_done_callback(lambda t: print(f"task cb {t.result()}"))
    await task
    print("after await task")
    await asyncio.sleep(0)

    cf = loop.create_future()
    cf.add_done_callback(lambda f: print(f"cancelled cb {f.cancelled()}"))
    print("cancel", cf.cancel("why"), cf.cancel())
    await asyncio.sleep(0)
    try:
        cf.result()
    except asyncio.CancelledError as e:
        print(f"result raised CancelledError {e.args}")
    print("end")


asyncio.run(main())
