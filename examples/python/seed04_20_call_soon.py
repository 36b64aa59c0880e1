# Seed 004: 将回调函数注册到事件循环 (loop.call_soon runs callbacks in FIFO order).
# Adapted: the notebook's loop was already running; here loop.stop() is
# scheduled after the callbacks and the loop runs until then.
import asyncio

def hello_world():
    print('Hello World')

loop = asyncio.get_event_loop()
# Schedule a call to hello_world()
loop.call_soon(hello_world)
loop.call_soon(hello_world)
loop.call_soon(hello_world)
loop.call_soon(hello_world)
# Blocking call interrupted by loop.stop()
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
