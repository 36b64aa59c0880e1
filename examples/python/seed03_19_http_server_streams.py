# Seed 003, example 19: 网络通信-高级API (an HTTP server with start_server and streams).
# Adapted: the server listens on a free port (0) instead of 8000 and prints only its host; a client in
# the same program stands in for the browser (it sends a fixed request and prints what the browser
# would show); serve_forever() runs in a task that is cancelled once the client is done.
import sys
import asyncio


async def http_handle(render: asyncio.StreamReader,
                      writer: asyncio.StreamWriter):
    """在asyncio.start_server传入该协程
    当一个tcp连接建立时就会调用该回调,并传入两个参数
    :param render: StreamReader对象
    :param writer: StreamWriter对象
    """
    message = await render.read(1024)
    print(message.decode())
    writer.write(b'HTTP/1.1 200 OK\r\n\r\nHello Client!')
    writer.close()


async def browser(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
    response = await reader.read()
    head, body = response.decode().split('\r\n\r\n', 1)
    print(f'浏览器收到 {head}')
    print(f'浏览器显示结果 {body}')
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(http_handle, '127.0.0.1', 0)
    addr = server.sockets[0].getsockname()
    print(f'服务器启动 {addr[0]}')
    async with server:
        serving = asyncio.create_task(server.serve_forever())
        await browser(addr[0], addr[1])
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print('服务器关闭')


if sys.version_info >= (3, 7, 0):
    result = asyncio.run(main())
else:
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
