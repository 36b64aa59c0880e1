/**
 * The test seam: every test file gets its runner and assertions from here, so
 * the same files run under `deno test`, `bun test` and Node's test runner.
 *
 * On Deno, tests are registered with `Deno.test` so Deno's op and resource
 * sanitizers stay on; elsewhere they go to `node:test`.
 *
 * @module
 */
import assert from "node:assert/strict";
import { test as nodeTest } from "node:test";

export { assert };

/** A test body; it may be async. */
export type TestFn = () => void | Promise<void>;

interface DenoTestNs {
  test(def: {
    name: string;
    fn: () => void | Promise<void>;
    sanitizeOps: boolean;
    sanitizeResources: boolean;
    sanitizeExit: boolean;
  }): void;
}

const deno = (globalThis as { Deno?: DenoTestNs }).Deno;

/** The runtime the tests run on. */
export const runtime: "deno" | "bun" | "node" = deno
  ? "deno"
  : (globalThis as { Bun?: unknown }).Bun
  ? "bun"
  : "node";

// Node 24's test runner starts each test file with report-on-signal turned
// on, so a SIGUSR2 (which the signal tests raise) also writes a diagnostic
// report into the working directory. A plain `node` has it off: match that.
const nodeReport = runtime === "node"
  ? (globalThis as { process?: { report?: { reportOnSignal: boolean } } }).process?.report
  : undefined;
if (nodeReport) nodeReport.reportOnSignal = false;

/** Registers a test titled "symbol + behaviour". */
export function test(name: string, fn: TestFn): void {
  if (deno) {
    deno.test({ name, fn, sanitizeOps: true, sanitizeResources: true, sanitizeExit: true });
  } else {
    nodeTest(name, fn);
  }
}
