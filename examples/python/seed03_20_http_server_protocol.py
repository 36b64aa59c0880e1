# Seed 003, example 20: 网络通信-低级API (the same HTTP server with a Protocol and loop.create_server).
# Adapted: the server listens on a free port (0) instead of 8000; a client task in the same loop
# stands in for the browser and stops the loop when it is done, so run_forever() returns; the
# loop comes from new_event_loop() (get_event_loop() without a running loop is deprecated).
import asyncio


class HttpProtocol(asyncio.Protocol):
    def __init__(self):
        """每个tcp连接建立时都会实例化这个类"""
        self.transport: asyncio.Transport = None

    def connection_made(self, transport: asyncio.Transport):
        """连接建立时被调用"""
        self.transport = transport

    def data_received(self, data):
        """接收数据时被调用"""
        print(data.decode())
        self.transport.write(b'HTTP/1.1 200 OK\r\n\r\nHello Client!')
        self.transport.close()


async def browser(loop, host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
    response = await reader.read()
    print(f'浏览器显示结果 {response.decode().split("\r\n\r\n", 1)[-1]}')
    writer.close()
    await writer.wait_closed()
    loop.stop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
server = loop.create_server(HttpProtocol, '127.0.0.1', 0)
server = loop.run_until_complete(server)
host, port = server.sockets[0].getsockname()
loop.create_task(browser(loop, host, port))
loop.run_forever()
server.close()
loop.run_until_complete(server.wait_closed())
loop.close()
