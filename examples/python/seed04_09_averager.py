# Seed 004: 推送式 (a running average computed by an async generator fed with asend()).
# Adapted: asyncio.run(grouper()) replaces the notebook's top-level await.
import asyncio


async def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total/count

async def grouper():
    aver = averager()
    await aver.__anext__()
    for i in range(11):
        j = await aver.asend(i)
        print(j)
asyncio.run(grouper())
