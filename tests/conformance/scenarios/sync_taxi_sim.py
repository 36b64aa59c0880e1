# The taxi fleet simulation of seed 004 (出租车队运营仿真): a discrete event
# simulator on an asyncio.PriorityQueue of (time, proc, action) events,
# with each taxi an async generator driven by asend(). The seed drew trip
# durations from random.expovariate: a fixed table of such draws stands in
# (the same on both sides).
import asyncio
from collections import namedtuple

Event = namedtuple("Event", ["time", "proc", "action"])

DEFAULT_NUMBER_OF_TAXIS = 3
DEFAULT_END_TIME = 180
SEARCH_DURATION = 5
TRIP_DURATION = 20
DEPARTURE_INTERVAL = 5

# random.expovariate(1.0) draws, scaled by the mean interval below
EXPO = [0.267, 0.736, 4.234, 1.059, 0.495, 1.947, 0.891, 1.84, 0.361, 1.393,
        1.546, 2.161, 1.23, 0.707, 4.272, 0.434, 0.346, 1.051, 0.123, 0.164,
        1.364, 0.274, 0.594, 1.321, 1.311, 2.029, 0.073, 0.228, 0.214, 0.545,
        1.368, 1.618, 0.323, 0.652, 1.144, 0.08, 1.122, 0.374, 1.669, 0.396]
draws = 0


async def taxi_process(ident, trips, start_time=0):
    time = yield Event(start_time, ident, "leave garage")
    for i in range(trips):
        time = yield Event(time, ident, "pick up passenger")
        time = yield Event(time, ident, "drop off passenger")
    yield Event(time, ident, "going home")


def compute_duration(previous_action):
    global draws
    if previous_action in ["leave garage", "drop off passenger"]:
        interval = SEARCH_DURATION
    elif previous_action == "pick up passenger":
        interval = TRIP_DURATION
    elif previous_action == "going home":
        interval = 1
    else:
        raise ValueError("Unknown previous_action: %s" % previous_action)
    x = EXPO[draws % len(EXPO)]
    draws += 1
    return int(x * interval) + 1


def show(queue):
    # a plain-tuple view of the heap, so both languages print it alike
    return str(queue).replace("Event(time=", "(").replace("proc=", "").replace("action=", "")


class Simulator:
    def __init__(self, procs_map):
        self.events = asyncio.PriorityQueue()
        self.procs = dict(procs_map)

    async def run(self, end_time):
        for _, proc in sorted(self.procs.items()):
            first_event = await proc.__anext__()
            await self.events.put(first_event)
            print(show(self.events))
        sim_time = 0
        while sim_time < end_time:
            if self.events.empty():
                print("*** end of events ***")
                break
            current_event = await self.events.get()
            sim_time, proc_id, previous_action = current_event
            print("taxi:", proc_id, proc_id * " ", current_event)
            active_proc = self.procs[proc_id]
            next_time = sim_time + compute_duration(previous_action)
            try:
                next_event = await active_proc.asend(next_time)
            except StopAsyncIteration:
                del self.procs[proc_id]
            else:
                await self.events.put(next_event)
        else:
            msg = "*** end of simulation time: {} events pending ***"
            print(msg.format(self.events.qsize()))
        print(show(self.events))


async def main():
    taxis = {i: taxi_process(i, (i + 1) * 2, i * DEPARTURE_INTERVAL)
             for i in range(DEFAULT_NUMBER_OF_TAXIS)}
    sim = Simulator(taxis)
    await sim.run(DEFAULT_END_TIME)


asyncio.run(main())
