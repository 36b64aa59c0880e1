# Seed 003, example 21: 信号处理 (loop.add_signal_handler for SIGINT and SIGTERM;
# the handler stops the loop, so asyncio.run() raises RuntimeError).
# Adapted: instead of waiting for Ctrl+C, the program sends itself SIGINT
# 0.1 s after start; `partial` is imported (the seed forgets it).
import os
import signal
import asyncio
from functools import partial

def ask_exit(sig_name: str, loop: asyncio.AbstractEventLoop):
    print("捕获信号 %s: exit" % sig_name)
    loop.stop()


async def main():
    loop = asyncio.get_running_loop()
    for signame in {'SIGINT', 'SIGTERM'}:
        loop.add_signal_handler(
            getattr(signal, signame),
            partial(ask_exit, signame, loop))
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGINT)  # added: Ctrl+C

    await asyncio.sleep(3600)

print("事件循环将在1小时后或者按下Ctrl+C停止")
try:
    asyncio.run(main())
except RuntimeError as e:
    if str(e) != 'Event loop stopped before Future completed.':
        raise
