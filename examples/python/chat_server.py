# A line-based chat server: each client sends its name, then lines that everyone else receives;
# joins and leaves are announced. Two scripted clients in the same program show one session.
# (Not from a seed: the TypeScript twin is examples/chat_server.ts.)
import asyncio

clients: dict[str, asyncio.StreamWriter] = {}


async def broadcast(text: str, skip: str | None = None):
    for name, writer in list(clients.items()):
        if name != skip:
            writer.write(text.encode())
            await writer.drain()


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    name = (await reader.readline()).decode().strip()
    await broadcast(f'* {name} joined\n')
    clients[name] = writer
    writer.write(f'welcome {name}, {len(clients)} online\n'.encode())
    try:
        async for line in reader:
            await broadcast(f'{name}: {line.decode()}', skip=name)
    finally:
        del clients[name]
        writer.close()
        await broadcast(f'* {name} left\n')


async def join(name: str, port: int):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(f'{name}\n'.encode())
    await show(name, reader)
    return reader, writer


async def show(name: str, reader: asyncio.StreamReader):
    line = await reader.readline()
    print(f'[{name}] {line.decode().rstrip()}')


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        alice_r, alice_w = await join('alice', port)
        bob_r, bob_w = await join('bob', port)
        await show('alice', alice_r)
        alice_w.write(b'hi bob\n')
        await show('bob', bob_r)
        bob_w.write(b'hello alice, bye\n')
        await show('alice', alice_r)
        bob_w.close()
        await bob_w.wait_closed()
        await show('alice', alice_r)
        alice_w.close()
        await alice_w.wait_closed()
    print('chat closed')


asyncio.run(main())
