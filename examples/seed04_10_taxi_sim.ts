// A discrete-event simulation of a taxi fleet: each taxi is an async
// generator driven with next(time) (Python's asend), and the simulator keeps
// the pending events in a PriorityQueue ordered like Python tuples.
// Seed 004: 任务式 (出租车队运营仿真). random.expovariate draws its random()
// values from a fixed table, as in the Python original, so both take the same trips.
// Python original: examples/python/seed04_10_taxi_sim.py
import * as asyncio from "../mod.ts";

/** namedtuple('Event', ['time', 'proc', 'action']): a tuple that prints like one. */
type Event = readonly [time: number, proc: number, action: string];
function Event(time: number, proc: number, action: string): Event {
  const event = [time, proc, action] as const;
  return Object.assign(event, {
    toString: () => `Event(time=${time}, proc=${proc}, action='${action}')`,
  });
}

const DEFAULT_NUMBER_OF_TAXIS = 3; // 出租车数量
const DEFAULT_END_TIME = 180; // 运行时间默认180
const SEARCH_DURATION = 5; // 找乘客时间默认为5
const TRIP_DURATION = 20; // 载客时间默认为20
const DEPARTURE_INTERVAL = 5; // 出库间隔默认5

// Stands in for random.random(): a fixed table of draws, used in turn.
const RANDOM_TABLE = [
  0.832,
  0.789,
  0.939,
  0.161,
  0.649,
  0.833,
  0.989,
  0.932,
  0.793,
  0.969,
  0.752,
  0.599,
  0.292,
  0.614,
  0.868,
  0.419,
  0.071,
  0.665,
  0.655,
  0.372,
  0.338,
  0.857,
  0.694,
  0.563,
  0.109,
  0.157,
  0.442,
  0.052,
  0.186,
  0.118,
  0.826,
  0.05,
];
let draws = 0;

/** random.expovariate(lambd) with the draw taken from RANDOM_TABLE. */
function expovariate(lambd: number): number {
  const u = RANDOM_TABLE[draws++ % RANDOM_TABLE.length]!;
  return -Math.log(1.0 - u) / lambd;
}

type Process = AsyncGenerator<Event, void, number>;

/** 每次改变状态时创建事件，把控制权让给仿真器 */
async function* taxiProcess(ident: number, trips: number, startTime = 0): Process {
  // 定义一个异步生成器,用于描述process
  let time = yield Event(startTime, ident, "leave garage");
  for (let i = 0; i < trips; i++) {
    time = yield Event(time, ident, "pick up passenger");
    time = yield Event(time, ident, "drop off passenger");
  }
  yield Event(time, ident, "going home");
}

/** Compute action duration using exponential distribution */
function computeDuration(previousAction: string): number {
  let interval: number;
  if (["leave garage", "drop off passenger"].includes(previousAction)) {
    // new state is prowling
    interval = SEARCH_DURATION;
  } else if (previousAction === "pick up passenger") {
    // new state is trip
    interval = TRIP_DURATION;
  } else if (previousAction === "going home") {
    interval = 1;
  } else {
    throw new asyncio.ValueError(`Unknown previous_action: ${previousAction}`);
  }
  return Math.trunc(expovariate(1 / interval)) + 1;
}

class Simulator {
  events: asyncio.PriorityQueue<Event>;
  procs: Map<number, Process>;

  constructor(procsMap: Map<number, Process>) {
    this.events = new asyncio.PriorityQueue();
    this.procs = new Map(procsMap);
  }

  /** 排定并显示事件，直到时间结束 */
  async run(endTime: number) {
    const sorted = [...this.procs.entries()].sort(([a], [b]) => a - b);
    for (const [_, proc] of sorted) {
      const firstEvent = (await proc.next()).value as Event; // proc.__anext__()
      await this.events.put(firstEvent);
    }
    let simTime = 0;
    let endOfEvents = false;
    while (simTime < endTime) {
      if (this.events.empty()) {
        console.log("*** end of events ***");
        endOfEvents = true;
        break;
      }

      const currentEvent = await this.events.get();
      const [eventTime, procId, previousAction] = currentEvent;
      simTime = eventTime;
      console.log(`taxi: ${procId} ${" ".repeat(procId)} ${currentEvent}`);
      const activeProc = this.procs.get(procId)!;
      const nextTime = simTime + computeDuration(previousAction);
      const next = await activeProc.next(nextTime); // active_proc.asend(next_time)
      if (next.done) { // StopAsyncIteration
        this.procs.delete(procId);
      } else {
        await this.events.put(next.value);
      }
    }
    if (!endOfEvents) { // while ... else
      const msg = `*** end of simulation time: ${this.events.qsize()} events pending ***`;
      console.log(msg);
    }
  }
}

const main = asyncio.coroutine(async function main() {
  const taxis = new Map<number, Process>();
  for (let i = 0; i < DEFAULT_NUMBER_OF_TAXIS; i++) {
    taxis.set(i, taxiProcess(i, (i + 1) * 2, i * DEPARTURE_INTERVAL));
  }
  const sim = new Simulator(taxis);
  await sim.run(DEFAULT_END_TIME);
});

await asyncio.run(main());
