# A task whose awaited future completes resumes inside its wake-up callback:
# X (scheduled before set_result), the task, the later done callback, then Y.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def waiter():
        print("waiter awaits")
        value = await fut
        print(f"waiter resumed with {value}")
        return value

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print(f"cb sees {f.result()}"))
    loop.call_soon(print, "X")
    fut.set_result(7)
    loop.call_soon(print, "Y")
    print("main awaits task")
    print(f"task result {await task}")

    # The same with a future that fails.
    fut2 = loop.create_future()

    async def waiter2():
        try:
            await fut2
        except ValueError as e:
            print(f"waiter2 caught {e!r}")

    task2 = asyncio.create_task(waiter2())
    await asyncio.sleep(0)
    loop.call_soon(print, "X2")
    fut2.set_exception(ValueError("boom"))
    loop.call_soon(print, "Y2")
    await task2
    print("end")


asyncio.run(main())
