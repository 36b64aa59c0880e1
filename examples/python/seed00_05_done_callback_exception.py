# Seed 000 (also 001): 不要简单的用done()判断是否执行完毕, first program.
# Adapted: the 1 s sleep is 0.1 s; the callback stops the loop (the seed runs forever).
import asyncio


def my_callback(future):
    print('callback')
    print(future.done())
    print(future.exception())
    loop.stop()  # added: end the program


async def coroutine_example():
    await asyncio.sleep(0.1)
    raise TypeError('F**k')
    return 'OK'


coro = coroutine_example()

loop = asyncio.get_event_loop()

task = loop.create_task(coro)
task.add_done_callback(my_callback)

loop.run_forever()
