"""CPython twin of bench/executor.ts (executor_cpu_speedup): 8 CPU-bound jobs
of a pure-Python function on a ThreadPoolExecutor of 2 threads through
loop.run_in_executor, against the same 8 calls one after another. Prints one
JSON line (times faster, higher is better): the GIL keeps it near 1.0.
usage: python3 bench/executor_cpu.py [--n=N] [--loop=asyncio|uvloop]
"""
import asyncio
import concurrent.futures
import json
import platform
import statistics
import sys
import time

SPIN = 2_000_000  # ~200 ms a job on an idle core


def spin(n):
    x = 0
    for i in range(n):
        x = (x + i * 2654435761) & 0xFFFFFFFF
    return x


async def main(n):
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        await asyncio.gather(*(loop.run_in_executor(pool, spin, 1000) for _ in range(2)))
        t0 = time.perf_counter()
        parallel = await asyncio.gather(*(loop.run_in_executor(pool, spin, SPIN) for _ in range(n)))
        parallel_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    sequential = [spin(SPIN) for _ in range(n)]
    sequential_s = time.perf_counter() - t0
    assert parallel == sequential
    return sequential_s / parallel_s


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 8))
    loop = opts.get("loop", "asyncio")
    if loop == "uvloop":
        import uvloop  # 0.17 (Debian) has no uvloop.run: install its policy

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    samples = [asyncio.run(main(n)) for _ in range(int(opts.get("repeats", 3)))]
    print(json.dumps({
        "bench": "executor_cpu_speedup", "impl": f"cpython-{loop}", "runtime": f"cpython {platform.python_version()}",
        "unit": "x", "higher_is_better": True, "n": n, "median": statistics.median(samples),
        "min": min(samples), "max": max(samples), "samples": samples,
    }))


if __name__ == "__main__":
    run()
