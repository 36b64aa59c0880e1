# Seed 000 (also 001): 终止loop循环示例 2 - 信号 (the server runs until a
# future set by a SIGTERM handler completes).
# Adapted: a line echo server from asyncio.start_server stands in for the
# `websockets` package; a client in the same program talks to it and then
# sends SIGTERM to this process; port 0 picks a free port.
import asyncio
import os
import signal

async def echo(reader, writer):
    async for message in reader:
        writer.write(message)
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for text in ['hello', 'world']:
        writer.write(f'{text}\n'.encode())
        await writer.drain()
        print('echo:', (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    os.kill(os.getpid(), signal.SIGTERM)

async def echo_server(stop):
    async with await asyncio.start_server(echo, '127.0.0.1', 0) as server:
        port = server.sockets[0].getsockname()[1]
        asyncio.ensure_future(client(port))
        # 等待退出条件，可以自定义
        await stop
    print('server stopped')

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

# The stop condition is set when receiving SIGTERM.
stop = loop.create_future()
# 设置收到SIGTERM信号的回调函数，此处是设置 stop 协程执行结果为None，使其终止调度
loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)

# Run the server until the stop condition is met.
loop.run_until_complete(echo_server(stop))
loop.close()
