// Differential tests of the structured-concurrency half of tasks (gather,
// shield, wait, waitFor, asCompleted, timeout, taskGroup): each scenario's
// trace must equal the one CPython 3.13 printed (expected/*.txt, recorded by
// _tools/regen_conformance.sh). Most come from the seed tutorials.
import { test } from "../_suite.ts";
import { checkScenario, type ScenarioMain } from "./_harness.ts";
import asCompletedTimeout from "./scenarios/tasks_as_completed_timeout.ts";
import gatherOrder from "./scenarios/tasks_gather_order.ts";
import gatherVsWaitCancel from "./scenarios/tasks_gather_vs_wait_cancel.ts";
import shieldCancel from "./scenarios/tasks_shield_cancel.ts";
import timeoutTaskGroup from "./scenarios/tasks_timeout_taskgroup.ts";
import waitAny from "./scenarios/tasks_wait_any.ts";
import waitForGather from "./scenarios/tasks_wait_for_gather.ts";
import waitTimeout from "./scenarios/tasks_wait_timeout.ts";

const scenarios: Array<[string, string, ScenarioMain]> = [
  [
    "tasks_gather_vs_wait_cancel",
    "cancelling wait() spares the work, cancelling gather() does not",
    gatherVsWaitCancel,
  ],
  ["tasks_wait_any", "first completed cancels the rest; an Event for connection lost", waitAny],
  ["tasks_wait_timeout", "wait() with a timeout leaves pending tasks running", waitTimeout],
  [
    "tasks_as_completed_timeout",
    "asCompleted() order and one deadline for the iteration",
    asCompletedTimeout,
  ],
  ["tasks_wait_for_gather", "waitFor() of a gather cancels its children on expiry", waitForGather],
  ["tasks_shield_cancel", "cancel() reaches a task, a shield's cancel() does not", shieldCancel],
  [
    "tasks_gather_order",
    "gather() keeps argument order; first error; returnExceptions",
    gatherOrder,
  ],
  ["tasks_timeout_taskgroup", "timeouts, nested timeouts and task groups", timeoutTaskGroup],
];

for (const [name, title, main] of scenarios) {
  test(`conformance ${name}: ${title}`, () => checkScenario(name, main));
}
