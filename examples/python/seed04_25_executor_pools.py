# Seed 004: 将耗时函数调用委托给一个线程池 (the default executor, a custom thread
# pool and a process pool).
# Adapted: blocking_io() reads the first line of the repository's LICENSE
# file instead of fetching a web page with the third-party requests package;
# `await main()` in a notebook becomes asyncio.run(main()), under the
# __main__ guard that ProcessPoolExecutor needs.
import asyncio
import concurrent.futures

def blocking_io():
    # File operations (such as logging) can block the
    # event loop: run them in a thread pool.
    with open("LICENSE") as f:
        return f.readline().strip()

def cpu_bound():
    # CPU-bound operations will block the event loop:
    # in general it is preferable to run them in a
    # process pool.
    return sum(i * i for i in range(10 ** 7))

async def main():
    loop = asyncio.get_running_loop()

    ## Options:

    # 1. Run in the default loop's executor:
    result = await loop.run_in_executor(
        None, blocking_io)
    print('default thread pool', result)

    # 2. Run in a custom thread pool:
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool, blocking_io)
        print('custom thread pool', result)

    # 3. Run in a custom process pool:
    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool, cpu_bound)
        print('custom process pool', result)

if __name__ == "__main__":
    asyncio.run(main())
