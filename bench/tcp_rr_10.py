"""Request/response over loopback in CPython asyncio on 10 connections at
once, one 100-byte request in flight on each: the twin of bench/tcp_rr.ts
`tcp_rr_10` (server: StreamReader.read, StreamWriter.write/drain; clients:
write, drain, readexactly). Prints one JSON line shaped like the TypeScript
benchmarks so `npm run bench` can compare.

usage: python3 bench/tcp_rr_10.py [--n=N] [--repeats=R] [--loop=asyncio|uvloop]
"""
import asyncio
import json
import platform
import statistics
import sys
import time

SIZE = 100
CONNS = 10


async def echo(reader, writer):
    try:
        while True:
            data = await reader.read(256 * 1024)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def once(n):
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    pairs = [await asyncio.open_connection("127.0.0.1", port) for _ in range(CONNS)]
    msg = b"r" * SIZE
    each = n // CONNS

    async def client(reader, writer):
        for _ in range(each):
            writer.write(msg)
            await writer.drain()
            await reader.readexactly(SIZE)

    t0 = time.perf_counter()
    await asyncio.gather(*(client(r, w) for r, w in pairs))
    dt = time.perf_counter() - t0
    for _, w in pairs:
        w.close()
    server.close()
    await server.wait_closed()
    return each * CONNS / dt


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 20_000))
    repeats = int(opts.get("repeats", 5))
    loop_name = opts.get("loop", "asyncio")
    if loop_name == "uvloop":
        import uvloop  # 0.17 (Debian) has no uvloop.run: install its policy

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())

    async def body():
        await once(min(2_000, n))
        return [await once(n) for _ in range(repeats)]

    samples = asyncio.run(body())
    print(json.dumps({
        "bench": "tcp_rr_10", "impl": f"cpython-{loop_name}",
        "runtime": f"cpython {platform.python_version()}", "unit": "requests/s",
        "higher_is_better": True, "n": n, "median": statistics.median(samples),
        "min": min(samples), "max": max(samples), "samples": samples,
    }))


if __name__ == "__main__":
    run()
