# Seed 001: 终止loop循环示例1 - 信号 (a SIGINT handler installed with
# signal.signal() stops loop.run_forever(); the server task runs until then).
# Adapted: the 1 s sleep is 0.1 s; instead of waiting for Ctrl+C, the server
# sends SIGINT to its own process after its third round; the callback prints
# the signal's name instead of its arguments (a frame object's repr holds an
# address).
import os
from signal import signal, SIGINT, Signals
import asyncio

async def server():
    rounds = 0
    while True:
        print('run')
        rounds += 1
        if rounds == 3:
            os.kill(os.getpid(), SIGINT)  # added: Ctrl+C
        await asyncio.sleep(0.1)


def callback(*args, **kwargs):
    print('收到信号', Signals(args[0]).name, kwargs)
    loop.stop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
asyncio.ensure_future(server(), loop=loop)
# 注册信号
signal(SIGINT, callback)
try:
    loop.run_forever()
except:
    loop.stop()
    print('未收到信号,异常退出')
