// Differential tests of the core (loop, futures, tasks, cancellation): each
// scenario's trace must equal the one CPython 3.13 printed (expected/*.txt,
// recorded by _tools/regen_conformance.sh).
import { test } from "../_suite.ts";
import { checkScenario, type ScenarioMain } from "./_harness.ts";
import callOrdering from "./scenarios/core_call_ordering.ts";
import cancellation from "./scenarios/core_cancellation.ts";
import doneCallbacks from "./scenarios/core_done_callbacks.ts";
import runShutdown from "./scenarios/core_run_shutdown.ts";
import sleepInterleave from "./scenarios/core_sleep_interleave.ts";
import stepCompletion from "./scenarios/core_step_completion.ts";
import wakeupOrder from "./scenarios/core_wakeup_order.ts";

const scenarios: Array<[string, string, ScenarioMain]> = [
  ["core_call_ordering", "callSoon/callLater/callAt order and cancelled handles", callOrdering],
  ["core_wakeup_order", "a woken task resumes before later callbacks", wakeupOrder],
  ["core_sleep_interleave", "tasks interleave at sleep(0) and wake by deadline", sleepInterleave],
  ["core_done_callbacks", "done callbacks run via callSoon in order", doneCallbacks],
  ["core_cancellation", "cancel before start, during await, caught, uncancel", cancellation],
  ["core_step_completion", "a task step runs until it suspends or returns", stepCompletion],
  ["core_run_shutdown", "run() cancels leftovers and reports their errors", runShutdown],
];

for (const [name, title, main] of scenarios) {
  test(`conformance ${name}: ${title}`, () => checkScenario(name, main));
}

// Debug mode runs each callback through another path: same order.
for (const [name, , main] of scenarios) {
  test(`conformance ${name}: same trace in debug mode`, () =>
    checkScenario(name, main, { debug: true }));
}
