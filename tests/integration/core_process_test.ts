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
  const entry = runtime === "node" ? resolve("npm/mod.js") : resolve("mod.ts");
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} is missing (on Node, build the package: deno run -A _tools/build_npm.ts)`,
    );
  }
  return pathToFileURL(entry).href;
}

/** Runs fixtures/`name` with the current runtime's executable. */
function runFixture(name: string): Outcome {
  const fixture = resolve("tests/integration/fixtures", name);
  const args = runtime === "deno"
    ? ["run", "-A", fixture]
    : runtime === "bun"
    ? ["run", fixture]
    : [fixture];
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
  assert.doesNotMatch(o.stderr, /Unhandled|uncaught/i, describe(o));
});

test("top-level code without run() works and the process exits by itself", () => {
  const o = runFixture("top_level.mjs");
  assert.equal(o.status, 0, describe(o));
  assert.equal(o.stdout, "own task\nrun after top level\ndone\n", describe(o));
  assert.doesNotMatch(o.stderr, /Unhandled|uncaught/i, describe(o));
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
