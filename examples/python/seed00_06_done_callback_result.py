# Seed 000 (also 001): 不要简单的用done()判断是否执行完毕, second program:
# future.result() in the callback re-raises the task's error, which the loop
# reports (with its traceback) on standard error.
# Adapted: the 1 s sleep is 0.1 s; the callback first stops the loop (the seed
# runs forever; its last line raises, so the stop comes first).
import asyncio


def my_callback(future):
    loop.stop()  # added: end the program
    print('callback')
    print(future.done())
    print(future.exception())
    print('返回值：', future.result())  # 增加此行


async def coroutine_example():
    await asyncio.sleep(0.1)
    raise TypeError
    return 'OK'


coro = coroutine_example()

loop = asyncio.get_event_loop()

task = loop.create_task(coro)
task.add_done_callback(my_callback)

loop.run_forever()
