# An echo server and three clients in one program: start_server() with a handler that echoes
# lines, open_connection() clients that talk to it at the same time, and a clean shutdown.
# (Not from a seed: the TypeScript twin is examples/echo_server.ts.)
import asyncio


async def handle_echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(name, port, lines):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    replies = []
    for text in lines:
        writer.write(f'{name}: {text}\n'.encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip('\n'))
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results = await asyncio.gather(
            client('ann', port, ['hello', 'how are you?']),
            client('bob', port, ['ping']),
            client('cid', port, ['one', 'two', 'three']),
        )
    for replies in results:
        for reply in replies:
            print('echoed', reply)
    print('server closed:', not server.is_serving())


asyncio.run(main())
