# Seed 003, example 18: asyncio.subprocess 异步调用子进程 (create_subprocess_exec
# runs a program directly, create_subprocess_shell through the shell).
# Adapted: the child prints a fixed time instead of datetime.now(), and the
# shell lists three directories every Linux has instead of ~/Desktop, so the
# output is the same on every run.
import sys
import asyncio

async def get_date():
    code = 'print("2020-08-24 16:11:18.143943")'
    task1 = asyncio.create_subprocess_exec(
        sys.executable, '-c', code,
        stdout=asyncio.subprocess.PIPE
    )
    task2 = asyncio.create_subprocess_shell(
        'cd / && ls -d bin etc tmp', stdout=asyncio.subprocess.PIPE
    )
    results = await asyncio.gather(task1, task2)
    response = []
    for proc in results:
        data = await proc.stdout.read()
        line = data.decode('utf8').rstrip()
        response.append(line)
    return '\n'.join(response)

date = asyncio.run(get_date())
print(f"当前时间: {date}")
