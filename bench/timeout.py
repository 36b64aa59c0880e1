"""CPython twin of bench/timeout.ts: the cost of an asyncio.timeout() scope
that does not fire, around an await of an already-done future (N sequential
scopes minus N bare awaits). Prints one JSON line (ns/scope, lower is better).
usage: python3 bench/timeout.py [--n=N] [--loop=asyncio|uvloop]
"""
import asyncio
import json
import platform
import statistics
import sys
import time


async def main(n):
    done = asyncio.get_running_loop().create_future()
    done.set_result(1)

    async def body():
        return await done

    total = 0
    t0 = time.perf_counter()
    for _ in range(n):
        total += await body()
    without = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(n):
        async with asyncio.timeout(10):
            total += await body()
    with_scope = time.perf_counter() - t0
    assert total == 2 * n
    return (with_scope - without) * 1e9 / n


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
        "bench": "timeout", "impl": f"cpython-{loop}", "runtime": f"cpython {platform.python_version()}",
        "unit": "ns/scope", "higher_is_better": False, "n": n, "median": statistics.median(samples),
        "min": min(samples), "max": max(samples), "samples": samples,
    }))


if __name__ == "__main__":
    run()
