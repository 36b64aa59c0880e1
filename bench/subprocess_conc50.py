"""CPython twin of bench/subprocess.ts `proc_conc50`: spawn /bin/true N times,
50 at a time, waiting for each (bench.py's proc_conc is 16 wide). Prints one
JSON line in the shape of the TypeScript benchmarks.
usage: python3 bench/subprocess_conc50.py [--n=N] [--repeats=R] [--loop=asyncio|uvloop]
"""
import asyncio
import json
import platform
import statistics
import sys
import time

TRUE = "/bin/true"


async def main(n, conc=50):
    left = n

    async def worker():
        nonlocal left
        while left > 0:
            left -= 1
            p = await asyncio.create_subprocess_exec(TRUE)
            assert await p.wait() == 0

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(conc)))
    return n / (time.perf_counter() - t0)


def run():
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    n = int(opts.get("n", 500))
    loop = opts.get("loop", "asyncio")
    if loop == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    asyncio.run(main(min(n, 50)))
    samples = [asyncio.run(main(n)) for _ in range(int(opts.get("repeats", 3)))]
    print(json.dumps({
        "bench": "proc_conc50", "impl": f"cpython-{loop}", "runtime": f"cpython {platform.python_version()}",
        "unit": "spawns/s", "higher_is_better": True, "n": n, "median": statistics.median(samples),
        "min": min(samples), "max": max(samples), "samples": samples,
    }))


if __name__ == "__main__":
    run()
