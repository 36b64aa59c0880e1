# Seed 004: 任务式 — the taxi fleet discrete-event simulation (async generators
# driven with asend(), events ordered by an asyncio.PriorityQueue).
# Adapted: random.expovariate draws its random() values from a fixed table so
# every run (and the TypeScript port) takes the same trips; the notebook cells
# are one program, run with asyncio.run().
import random
from collections import namedtuple
import asyncio
import argparse
import itertools
import math
import time

Event = namedtuple('Event',[ 'time', 'proc', 'action'])#定义事件

DEFAULT_NUMBER_OF_TAXIS = 3#出租车数量
DEFAULT_END_TIME = 180#运行时间默认180
SEARCH_DURATION = 5 #找乘客时间默认为5
TRIP_DURATION = 20 #载客时间默认为20
DEPARTURE_INTERVAL = 5#出库间隔默认5

# Stands in for random.random(): a fixed table of draws, used in turn.
RANDOM_TABLE = [
    0.832, 0.789, 0.939, 0.161, 0.649, 0.833, 0.989, 0.932, 0.793, 0.969, 0.752,
    0.599, 0.292, 0.614, 0.868, 0.419, 0.071, 0.665, 0.655, 0.372, 0.338, 0.857,
    0.694, 0.563, 0.109, 0.157, 0.442, 0.052, 0.186, 0.118, 0.826, 0.05,
]
_draws = itertools.cycle(RANDOM_TABLE)


def expovariate(lambd):
    """random.expovariate(lambd) with the draw taken from RANDOM_TABLE."""
    return -math.log(1.0 - next(_draws)) / lambd


async def taxi_process(ident, trips, start_time=0):
    """每次改变状态时创建事件，把控制权让给仿真器"""
    # 定义一个异步生成器,用于描述process
    time = yield Event(start_time, ident, 'leave garage')
    for i in range(trips):
        time = yield Event(time, ident, 'pick up passenger')
        time = yield Event(time, ident, 'drop off passenger')
    yield Event(time, ident, 'going home')


def compute_duration(previous_action):
    """Compute action duration using exponential distribution"""
    if previous_action in ['leave garage', 'drop off passenger']:
        # new state is prowling
        interval = SEARCH_DURATION
    elif previous_action == 'pick up passenger':
        # new state is trip
        interval = TRIP_DURATION
    elif previous_action == 'going home':
        interval = 1
    else:
        raise ValueError('Unknown previous_action: %s' % previous_action)
    return int(expovariate(1/interval)) + 1


class Simulator:
    def __init__(self, procs_map):
        self.events = asyncio.PriorityQueue()
        self.procs = dict(procs_map)

    async def run(self, end_time):
        """排定并显示事件，直到时间结束"""
        for _, proc in sorted(self.procs.items()):
            first_event = await proc.__anext__()
            await self.events.put(first_event)
        sim_time = 0
        while sim_time < end_time:
            if self.events.empty():
                print('*** end of events ***')
                break

            current_event = await self.events.get()
            sim_time, proc_id, previous_action = current_event
            print('taxi:', proc_id, proc_id * ' ', current_event)
            active_proc = self.procs[proc_id]
            next_time = sim_time + compute_duration(previous_action)
            try:
                next_event = await active_proc.asend(next_time)
            except StopAsyncIteration:
                del self.procs[proc_id]
            else:
                await self.events.put(next_event)
        else:
            msg = '*** end of simulation time: {} events pending ***'
            print(msg.format(self.events.qsize()))


async def main():
    taxis = {i: taxi_process(i, (i + 1) * 2, i * DEPARTURE_INTERVAL) for i in range(DEFAULT_NUMBER_OF_TAXIS)}
    sim = Simulator(taxis)
    await sim.run(DEFAULT_END_TIME)

asyncio.run(main())
