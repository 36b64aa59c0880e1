// The taxi fleet simulation of seed 004 (出租车队运营仿真): a discrete event
// simulator on a PriorityQueue of [time, proc, action] events, with each
// taxi an async generator driven by next(value) (Python's asend()). The
// seed drew trip durations from random.expovariate: a fixed table of such
// draws stands in (the same on both sides).
import { PriorityQueue, ValueError } from "../../../mod.ts";

type Ev = [time: number, proc: number, action: string];

const DEFAULT_NUMBER_OF_TAXIS = 3;
const DEFAULT_END_TIME = 180;
const SEARCH_DURATION = 5;
const TRIP_DURATION = 20;
const DEPARTURE_INTERVAL = 5;

// random.expovariate(1.0) draws, scaled by the mean interval below
const EXPO = [
  0.267,
  0.736,
  4.234,
  1.059,
  0.495,
  1.947,
  0.891,
  1.84,
  0.361,
  1.393,
  1.546,
  2.161,
  1.23,
  0.707,
  4.272,
  0.434,
  0.346,
  1.051,
  0.123,
  0.164,
  1.364,
  0.274,
  0.594,
  1.321,
  1.311,
  2.029,
  0.073,
  0.228,
  0.214,
  0.545,
  1.368,
  1.618,
  0.323,
  0.652,
  1.144,
  0.08,
  1.122,
  0.374,
  1.669,
  0.396,
];

async function* taxiProcess(
  ident: number,
  trips: number,
  startTime = 0,
): AsyncGenerator<Ev, void, number> {
  let time = yield [startTime, ident, "leave garage"];
  for (let i = 0; i < trips; i++) {
    time = yield [time, ident, "pick up passenger"];
    time = yield [time, ident, "drop off passenger"];
  }
  yield [time, ident, "going home"];
}

const fmt = ([time, proc, action]: Ev) => `Event(time=${time}, proc=${proc}, action='${action}')`;
const show = (q: PriorityQueue<Ev>) =>
  String(q).replace(/\[(\d+), (\d+), ('[^']*')\]/g, "($1, $2, $3)");

export default async function main(print: (line: string) => void): Promise<void> {
  let draws = 0;
  const computeDuration = (previousAction: string): number => {
    let interval: number;
    if (previousAction === "leave garage" || previousAction === "drop off passenger") {
      interval = SEARCH_DURATION;
    } else if (previousAction === "pick up passenger") interval = TRIP_DURATION;
    else if (previousAction === "going home") interval = 1;
    else throw new ValueError(`Unknown previous_action: ${previousAction}`);
    const x = EXPO[draws % EXPO.length]!;
    draws++;
    return Math.trunc(x * interval) + 1;
  };

  const procs = new Map<number, AsyncGenerator<Ev, void, number>>();
  for (let i = 0; i < DEFAULT_NUMBER_OF_TAXIS; i++) {
    procs.set(i, taxiProcess(i, (i + 1) * 2, i * DEPARTURE_INTERVAL));
  }
  const events = new PriorityQueue<Ev>();
  for (const [, proc] of [...procs].sort((a, b) => a[0] - b[0])) {
    const first = await proc.next();
    await events.put(first.value as Ev);
    print(show(events));
  }
  let simTime = 0;
  let ended = false;
  while (simTime < DEFAULT_END_TIME) {
    if (events.empty()) {
      print("*** end of events ***");
      ended = true;
      break;
    }
    const currentEvent = await events.get();
    const [time, procId, previousAction] = currentEvent;
    simTime = time;
    print(`taxi: ${procId} ${" ".repeat(procId)} ${fmt(currentEvent)}`);
    const activeProc = procs.get(procId)!;
    const nextTime = simTime + computeDuration(previousAction);
    const next = await activeProc.next(nextTime);
    if (next.done) procs.delete(procId);
    else await events.put(next.value);
  }
  if (!ended) print(`*** end of simulation time: ${events.qsize()} events pending ***`);
  print(show(events));
}
