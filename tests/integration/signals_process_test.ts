// Signal handlers and child processes seen from a whole process: the
// default action restored, nothing kept alive, run()'s SIGINT rule next to a
// user handler. Each fixture under fixtures/signals/ runs on the current
// runtime (bundled with esbuild on Node), bounded in time.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { assert, runtime, test } from "../_suite.ts";

const TIMEOUT_MS = 30_000;

interface Outcome {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runFixture(name: string): Outcome {
  const fixture = resolve("tests/integration/fixtures/signals", name);
  let args: string[];
  let temp: string | null = null;
  if (runtime === "node") {
    temp = mkdtempSync(join(tmpdir(), "asyncio-sig-"));
    const out = join(temp, name.replace(/\.ts$/, ".mjs"));
    const b = spawnSync(resolve("node_modules/.bin/esbuild"), [
      fixture,
      "--bundle",
      "--platform=node",
      "--format=esm",
      `--outfile=${out}`,
      "--log-level=warning",
    ], { encoding: "utf8" });
    if (b.status !== 0) throw new Error(`esbuild failed: ${b.stderr}`);
    args = [out];
  } else {
    args = runtime === "deno" ? ["run", "-A", fixture] : ["run", fixture];
  }
  try {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, args, {
      env: { ...process.env, NO_COLOR: "1" },
      encoding: "utf8",
      timeout: TIMEOUT_MS,
    });
    if (r.error) throw r.error;
    return {
      status: r.status,
      signal: r.signal,
      stdout: r.stdout,
      stderr: r.stderr,
      ms: Date.now() - t0,
    };
  } finally {
    if (temp !== null) rmSync(temp, { recursive: true, force: true });
  }
}

function describe(o: Outcome): string {
  return `status ${o.status} signal ${o.signal} after ${o.ms} ms\n--- stdout\n${o.stdout}--- stderr\n${o.stderr}`;
}

test("removeSignalHandler() restores the default action: SIGTERM then ends the process", () => {
  const o = runFixture("default_restored.ts");
  assert.equal(o.signal, "SIGTERM", describe(o));
  assert.equal(o.stdout, "removed true\n", describe(o));
});

test("EventLoop.close() removes the loop's handlers: SIGTERM then ends the process", () => {
  const o = runFixture("close_removes.ts");
  assert.equal(o.signal, "SIGTERM", describe(o));
  assert.equal(o.stdout, "", describe(o));
  // cpython: test_unix_events.py SelectorEventLoopSignalTests.test_close
});

test("addSignalHandler(): a registered handler never keeps a finished program alive", () => {
  const o = runFixture("not_kept_alive.ts");
  assert.equal(o.status, 0, describe(o));
  assert.equal(o.stdout, "main done\nprogram end\n", describe(o));
  // bounded: the program must not wait for a signal (the run takes well under the timeout)
  assert.equal(o.signal, null, describe(o));
});

test("addSignalHandler(): a program waiting for a signal stays alive until it comes", () => {
  const o = runFixture("wait_for_signal.ts");
  assert.equal(o.status, 0, describe(o));
  assert.equal(o.stdout, "got SIGUSR1\n", describe(o));
});

test("run(): the SIGINT rule steps aside for a user SIGINT handler and comes back after it is removed", () => {
  const o = runFixture("sigint_rule.ts");
  assert.equal(o.status, 0, describe(o));
  assert.equal(
    o.stdout,
    "user handler\nmain still running\nmain cancelled\nKeyboardInterrupt\n",
    describe(o),
  );
});

test("createSubprocessExec(): a finished child does not keep the program alive", () => {
  const o = runFixture("finished_child.ts");
  assert.equal(o.status, 0, describe(o));
  assert.equal(o.stdout, "out hi\nmain done\nprogram end\n", describe(o));
});
