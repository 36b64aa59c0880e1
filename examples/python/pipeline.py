# A pipeline of three child processes, producer | filter | consumer, joined
# by the parent: each stage's stdout is copied into the next stage's stdin
# with drain(), so a slow stage slows the ones before it (backpressure)
# instead of filling memory. (Not from a seed: the TypeScript twin is
# examples/pipeline.ts.)
import asyncio
from asyncio.subprocess import PIPE


async def pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> int:
    copied = 0
    while chunk := await reader.read(65536):
        writer.write(chunk)
        await writer.drain()
        copied += len(chunk)
    writer.close()
    await writer.wait_closed()
    return copied


async def main():
    producer = await asyncio.create_subprocess_exec('seq', '1', '200000', stdout=PIPE)
    filt = await asyncio.create_subprocess_exec('grep', '7', stdin=PIPE, stdout=PIPE)
    consumer = await asyncio.create_subprocess_exec('wc', '-l', stdin=PIPE, stdout=PIPE)
    copied = await asyncio.gather(
        pump(producer.stdout, filt.stdin),
        pump(filt.stdout, consumer.stdin),
    )
    count = (await consumer.stdout.read()).decode().strip()
    codes = [await p.wait() for p in (producer, filt, consumer)]
    print(f'bytes copied: {copied[0]} then {copied[1]}')
    print(f'numbers up to 200000 holding a 7: {count}')
    print(f'return codes: {codes}')


asyncio.run(main())
