"""Memory per idle connection in CPython asyncio: N connections to a stream
server in the same process (client reader/writer, server handler waiting in
readline()), measured with tracemalloc. Prints one JSON line shaped like
bench/tcp_idle.ts so `npm run bench` can compare.

usage: python3 bench/tcp_idle.py [--n=N] [--loop=asyncio|uvloop]
"""
import asyncio
import gc
import json
import platform
import sys
import tracemalloc


async def main(n):
    connected = 0

    async def handler(reader, writer):
        nonlocal connected
        connected += 1
        await reader.readline()
        writer.close()

    server = await asyncio.start_server(handler, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    writers = []
    for _ in range(n):
        writers.append((await asyncio.open_connection("127.0.0.1", port))[1])
    while connected < n:
        await asyncio.sleep(0.001)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    for w in writers:
        w.close()
    server.close()
    if hasattr(server, "close_clients"):  # 3.13; uvloop 0.17 has none
        server.close_clients()
    await server.wait_closed()
    return (after - before) / n


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 1_000))
    loop_name = opts.get("loop", "asyncio")
    if loop_name == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    samples = sorted(asyncio.run(main(n)) for _ in range(3))
    print(json.dumps({
        "bench": "tcp_idle", "impl": f"cpython-{loop_name}",
        "runtime": f"cpython {platform.python_version()}", "unit": "bytes/connection",
        "higher_is_better": False, "n": n, "median": samples[1],
        "min": samples[0], "max": samples[-1], "samples": samples,
    }))


if __name__ == "__main__":
    run()
