// Differential tests of sync/ and queues/: the seeds' programs (lock,
// Event, Queue with join, producer/consumer, the taxi simulation on a
// PriorityQueue) and a mix of the primitives; each trace must equal the one
// CPython 3.13 printed (expected/*.txt, recorded by
// _tools/regen_conformance.sh).
import { test } from "../_suite.ts";
import { checkScenario, type ScenarioMain } from "./_harness.ts";
import event from "./scenarios/sync_event.ts";
import lock from "./scenarios/sync_lock.ts";
import primitives from "./scenarios/sync_primitives.ts";
import producerConsumer from "./scenarios/sync_producer_consumer.ts";
import queueJoin from "./scenarios/sync_queue_join.ts";
import taxiSim from "./scenarios/sync_taxi_sim.ts";

const scenarios: Array<[string, string, ScenarioMain]> = [
  ["sync_lock", "seed #15: a lock released by callLater callbacks", lock],
  ["sync_event", "seed #16: Event set by a callback, set/clear, cancelled waiter", event],
  ["sync_queue_join", "seed #17: producer, three consumers, Queue(3), join()", queueJoin],
  [
    "sync_producer_consumer",
    "seed 004: producer/consumer over an unbounded Queue",
    producerConsumer,
  ],
  ["sync_taxi_sim", "seed 004: taxi fleet simulation on a PriorityQueue", taxiSim],
  [
    "sync_primitives",
    "wake-up order of every primitive, cancellations racing wake-ups",
    primitives,
  ],
];

for (const [name, title, main] of scenarios) {
  test(`conformance ${name}: ${title}`, () => checkScenario(name, main));
}
