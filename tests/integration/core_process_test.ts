// The core in a child process on the same runtime: what only a whole process
// shows (exit codes, stderr, signals, nothing keeping the process alive).
//
// Each fixture under fixtures/ is a plain .mjs file that imports the library
// from the URL in ASYNCIO_LIB: the sources on Deno and Bun, the built npm
// package (npm/mod.js) on Node.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { assert, runtime, test } from "../_suite.ts";

const TIMEOUT_MS = 30_000;

interface Outcome {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function libraryUrl(): string {
  // ASYNCIO_TEST_LIB overrides (a bundle of the sources, to run these on
  // Node without rebuilding npm/).
  const override = process.env.ASYNCIO_TEST_LIB;
  if (override) return override;
  const entry = runtime === "node" ? resolve("npm/mod.js") : resolve("mod.ts");
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} is missing (on Node, build the package: deno run -A _tools/build_npm.ts)`,
    );
  }
  return pathToFileURL(entry).href;
}

/** Runs fixtures/`name` with the current runtime's executable (`gc`: with the GC exposed). */
function runFixture(name: string, options: { gc?: boolean } = {}): Outcome {
  const fixture = resolve("tests/integration/fixtures", name);
  const gc = options.gc === true;
  const args = runtime === "deno"
    ? ["run", "-A", ...(gc ? ["--v8-flags=--expose-gc"] : []), fixture]
    : runtime === "bun"
    ? ["run", fixture]
    : [...(gc ? ["--expose-gc"] : []), fixture];
  const r = spawnSync(process.execPath, args, {
    env: { ...process.env, ASYNCIO_LIB: libraryUrl(), NO_COLOR: "1" },
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function describe(o: Outcome): string {
  return `status ${o.status} signal ${o.signal}\n--- stdout\n${o.stdout}--- stderr\n${o.stderr}`;
}

test("Task exception never retrieved is reported on stderr, not an unhandled rejection (exit 0)", () => {
  const o = runFixture("unretrieved.mjs");
  assert.equal(o.status, 0, describe(o));
  assert.match(o.stdout, /run finished/, describe(o));
  assert.match(o.stderr, /Task exception was never retrieved/, describe(o));
  assert.match(o.stderr, /lost failure/, describe(o));
  // asyncio's keys and format: `future: <Task …>`, never another key.
  assert.match(
    o.stderr,
    /^Task exception was never retrieved\nfuture: <Task finished name='Task-\d+' coro=<lost\(\)> exception=Error\('lost failure'\)>\nError: lost failure\n/m,
    describe(o),
  );
  assert.doesNotMatch(o.stderr, /futureRepr|Unhandled|uncaught/i, describe(o));
});

test("top-level code without run() works and the process exits by itself", () => {
  const o = runFixture("top_level.mjs");
  assert.equal(o.status, 0, describe(o));
  assert.equal(o.stdout, "own task\nrun after top level\ndone\n", describe(o));
  assert.doesNotMatch(o.stderr, /Unhandled|uncaught/i, describe(o));
  // The failed task nobody awaited is reported by the time the program ends.
  assert.match(o.stderr, /Task exception was never retrieved/, describe(o));
  assert.match(o.stderr, /nobody awaits this/, describe(o));
});

test("Task exception never retrieved at top level without run() is reported when the program ends", () => {
  const o = runFixture("unretrieved_at_exit.mjs");
  assert.equal(o.status, 0, describe(o));
  assert.equal(o.stdout, "main done\n", describe(o));
  // asyncio's format: the message, then `future: <Task …>`, then the error.
  const lines = o.stderr.split("\n");
  const at = lines.indexOf("Task exception was never retrieved");
  assert.ok(at >= 0, describe(o));
  assert.match(
    lines[at + 1] ?? "",
    /^future: <Task finished name='Task-\d+' coro=<lost\(\)> exception=Error\('lost at top level'\)>$/,
    describe(o),
  );
  assert.match(lines[at + 2] ?? "", /^Error: lost at top level$/, describe(o));
  assert.doesNotMatch(o.stderr, /futureRepr|Unhandled|uncaught/i, describe(o));
  // cpython: test_tasks.py BaseTaskTests.test_log_traceback
});

test("Task exception never retrieved is reported when the task is collected, with asyncio's keys", () => {
  const o = runFixture("unretrieved_gc.mjs", { gc: true });
  assert.equal(o.status, 0, describe(o));
  assert.equal(
    o.stdout,
    [
      "keys: exception,future,message",
      "message: Task exception was never retrieved",
      "future: <Task finished name='Task-2' coro=<collected()> exception=Error('collected failure')>",
      "future done: true exception: true",
      "reports while running: 1",
      "",
    ].join("\n"),
    describe(o),
  );
  // cpython: test_tasks.py BaseTaskTests.test_log_traceback
});

test("debug mode: the never-retrieved report and the repr say where the task was created", () => {
  const o = runFixture("debug_traceback.mjs");
  assert.equal(o.status, 0, describe(o));
  // The repr's debug form ends with the place of the createTask() call.
  assert.match(
    o.stdout,
    /^repr: <Task finished .* created at \S*debug_traceback\.mjs:8:\d+>$/m,
    describe(o),
  );
  assert.match(o.stderr, /Task exception was never retrieved/, describe(o));
  // asyncio's source_traceback: most recent call last, the creating call last.
  const block = /source_traceback: Object created at \(most recent call last\):\n((?: {2}at .*\n)+)/
    .exec(o.stderr);
  assert.ok(block, describe(o));
  const frames = (block[1] as string).trimEnd().split("\n");
  assert.match(frames.at(-1) as string, /startWorker .*debug_traceback\.mjs:8:/, describe(o));
  assert.ok(frames.some((f) => /debug_traceback\.mjs:18:/.test(f)), describe(o));
  // cpython: test_tasks.py BaseTaskTests.test_task_source_traceback
});

test("run(): an uncaught KeyboardInterrupt ends the process with status 130, as a SIGINT death", () => {
  const o = runFixture("keyboard_interrupt.mjs");
  assert.ok(o.status === 130 || o.signal === "SIGINT", describe(o));
  assert.equal(o.stdout, "", describe(o));
  assert.match(o.stderr, /KeyboardInterrupt/, describe(o));
});

test("run(): SIGINT cancels the main task and run() throws KeyboardInterrupt", () => {
  const o = runFixture("sigint.mjs");
  assert.equal(o.status, 0, describe(o));
  assert.equal(
    o.stdout,
    "main saw CancelledError\nrun threw KeyboardInterrupt\nexiting normally\n",
    describe(o),
  );
  // cpython: test_runners.py RunnerTests.test_interrupt_wait
});
