# Seed 002 (async库的使用): the three ways to create a Task, ensure_future()
# returning a future as is, and a Future from loop.create_future() with
# set_result() and add_done_callback(), assembled into one program (the seed
# lists them as separate snippets).
import asyncio


async def func(n):
    await asyncio.sleep(0)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    # 显示创建Task的3种方式
    task1 = asyncio.Task(func(1))
    task2 = asyncio.ensure_future(func(2))
    task3 = loop.create_task(func(3))
    print(await task1, await task2, await task3)
    # ensure_future: 接受到future直接return
    print('ensure_future(task) is task:', asyncio.ensure_future(task1) is task1)

    # 显示创建Future
    future = loop.create_future()
    future.add_done_callback(lambda f: print('callback:', f.result()))
    loop.call_soon(future.set_result, 'ok')
    print('await:', await future)

    # func() --> 返回一个协程
    c = func(4)
    print('iscoroutine:', asyncio.iscoroutine(c))
    print(await c)


asyncio.run(main())
