"""CPython twin of bench/task_group.ts: an asyncio.TaskGroup with N children
that each await sleep(0) once and return a value. Prints one JSON line in the
shape of the TypeScript benchmarks. usage: python3 bench/task_group.py [--n=N] [--loop=asyncio|uvloop]
"""
import asyncio
import json
import platform
import statistics
import sys
import time


async def one(i):
    await asyncio.sleep(0)
    return i


async def main(n):
    t0 = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(one(i)) for i in range(n)]
    dt = time.perf_counter() - t0
    assert tasks[-1].result() == n - 1
    return n / dt


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 100_000))
    loop = opts.get("loop", "asyncio")
    runner = asyncio.run
    if loop == "uvloop":
        import uvloop  # 0.17 (Debian) has no uvloop.run: install its policy

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    runner(main(min(n, 20_000)))
    samples = [runner(main(n)) for _ in range(int(opts.get("repeats", 5)))]
    print(json.dumps({
        "bench": "task_group", "impl": f"cpython-{loop}", "runtime": f"cpython {platform.python_version()}",
        "unit": "tasks/s", "higher_is_better": True, "n": n, "median": statistics.median(samples),
        "min": min(samples), "max": max(samples), "samples": samples,
    }))


if __name__ == "__main__":
    run()
