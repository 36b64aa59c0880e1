"""Memory per pending task in CPython asyncio: N tasks each awaiting one
Future, measured with tracemalloc. Prints one JSON line in the same shape as
the TypeScript benchmarks (bench/memory.ts) so `npm run bench` can compare.

usage: python3 bench/memory.py [--n=N] [--loop=asyncio|uvloop]
"""
import asyncio
import gc
import json
import platform
import sys
import tracemalloc


async def main(n):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def waiter():
        await fut

    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(waiter()) for _ in range(n)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    fut.set_result(None)
    await asyncio.gather(*tasks)
    return (after - before) / n


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 100_000))
    loop_name = opts.get("loop", "asyncio")
    if loop_name == "uvloop":
        import uvloop  # 0.17 (Debian) has no uvloop.run: install its policy

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    samples = [asyncio.run(main(n)) for _ in range(3)]
    samples.sort()
    print(json.dumps({
        "bench": "memory", "impl": f"cpython-{loop_name}",
        "runtime": f"cpython {platform.python_version()}", "unit": "bytes/task",
        "higher_is_better": False, "n": n, "median": samples[1],
        "min": samples[0], "max": samples[-1], "samples": samples,
    }))


if __name__ == "__main__":
    run()
