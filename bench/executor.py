"""CPython twin of bench/executor.ts (executor_to_thread): N tiny jobs through
asyncio.to_thread, all gathered at once on the default executor (a
ThreadPoolExecutor of min(32, cpus + 4) threads). Prints one JSON line
(jobs/s, higher is better).
usage: python3 bench/executor.py [--n=N] [--loop=asyncio|uvloop]
"""
import asyncio
import json
import platform
import statistics
import sys
import time


def tiny(i):
    return i + 1


async def main(n):
    await asyncio.gather(asyncio.to_thread(tiny, 0), asyncio.to_thread(tiny, 0))
    t0 = time.perf_counter()
    results = await asyncio.gather(*(asyncio.to_thread(tiny, i) for i in range(n)))
    dt = time.perf_counter() - t0
    assert results[-1] == n
    return n / dt


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 10_000))
    loop = opts.get("loop", "asyncio")
    if loop == "uvloop":
        import uvloop  # 0.17 (Debian) has no uvloop.run: install its policy

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    asyncio.run(main(n))
    samples = [asyncio.run(main(n)) for _ in range(int(opts.get("repeats", 5)))]
    print(json.dumps({
        "bench": "executor_to_thread", "impl": f"cpython-{loop}", "runtime": f"cpython {platform.python_version()}",
        "unit": "jobs/s", "higher_is_better": True, "n": n, "median": statistics.median(samples),
        "min": min(samples), "max": max(samples), "samples": samples,
    }))


if __name__ == "__main__":
    run()
