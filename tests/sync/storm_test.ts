// The cancellation storm (see storm_scenario.ts): a seeded random mix of lock,
// semaphore, condition and queue users, with a chaos task cancelling them.
import { run, VirtualTimeEventLoop } from "../../mod.ts";
import { assert, test } from "../_suite.ts";
import { prng, storm, type StormReport } from "./storm_scenario.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function checkStorm(r: StormReport): void {
  assert.equal(r.lockViolations, 0, "the lock was held by two tasks");
  assert.equal(r.lockReprAfter, "<Lock [unlocked]>");
  assert.equal(r.semViolations, 0, "more than 5 semaphore holders");
  assert.equal(r.semValueAfter, 5);
  assert.equal(r.semReprAfter, "<Semaphore [unlocked, value:5]>");
  assert.equal(r.condViolations, 0, "the condition's lock was not held as expected");
  assert.equal(r.condReprAfter, "<Condition [unlocked]>");
  assert.equal(r.tokensProduced - r.tokensConsumed, r.tokensLeft);
  // Every item put was got exactly once (or was left in the queue); no
  // item whose put() was cancelled shows up.
  assert.deepEqual([...r.got].sort((a, b) => a - b), [...r.put].sort((a, b) => a - b));
  const gotSet = new Set(r.got);
  assert.equal(gotSet.size, r.got.length, "an item was got twice");
  for (const item of r.failedPuts) assert.ok(!gotSet.has(item), `failed put ${item} was got`);
  assert.match(r.queueReprAfter, /^<Queue maxsize=10 shutdown>$/);
  assert.equal(r.leftoverTasks, 0);
}

test("prng() is deterministic for a seed", () => {
  const a = prng(42);
  const b = prng(42);
  const xs = Array.from({ length: 5 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, prng(43)));
});

test("sync and queues: a cancellation storm over 10,000 tasks keeps every invariant", async () => {
  const report = await run(() => storm({ tasks: 10_000, seed: 20240611 }), virtual);
  checkStorm(report);
  // The storm really stormed.
  assert.ok(report.cancelledTasks > 500, `only ${report.cancelledTasks} tasks were cancelled`);
  assert.ok(report.put.length > 1000);
  assert.ok(report.failedPuts.length > 0);
  assert.ok(report.operations > 10_000);
});

test("sync and queues: cancellation storms with other seeds keep every invariant", async () => {
  for (const seed of [1, 2, 3]) {
    const report = await run(() => storm({ tasks: 1500, seed, cancelRate: 0.6 }), virtual);
    checkStorm(report);
  }
});
