"""CPython twin of bench/subprocess.ts `proc_cat_communicate`: N bytes (64 MiB)
through `cat` with Process.communicate(), which keeps the whole output.
Prints one JSON line in the shape of the TypeScript benchmarks.
usage: python3 bench/subprocess_communicate.py [--n=N] [--repeats=R] [--loop=asyncio|uvloop]
"""
import asyncio
import json
import platform
import statistics
import sys
import time


async def main(n):
    data = b"c" * n
    t0 = time.perf_counter()
    p = await asyncio.create_subprocess_exec(
        "cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await p.communicate(data)
    dt = time.perf_counter() - t0
    assert len(out) == n and p.returncode == 0
    return n / dt / 1e6


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(float(opts.get("n", 64 << 20)))
    loop = opts.get("loop", "asyncio")
    if loop == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    asyncio.run(main(min(n, 8 << 20)))
    samples = [asyncio.run(main(n)) for _ in range(int(opts.get("repeats", 9)))]
    print(json.dumps({
        "bench": "proc_cat_communicate", "impl": f"cpython-{loop}",
        "runtime": f"cpython {platform.python_version()}", "unit": "MB/s", "higher_is_better": True,
        "n": n, "median": statistics.median(samples), "min": min(samples), "max": max(samples),
        "samples": samples,
    }))


if __name__ == "__main__":
    run()
