// Executors in a child process on the same runtime: what only a whole
// process shows (nothing keeps it alive after run(); a runtime without
// Workers). Fixtures import the library from the URL in ASYNCIO_LIB: the
// sources on Deno and Bun, the built npm package (npm/mod.js) on Node
// (ASYNCIO_TEST_LIB overrides it, e.g. with a bundle of the sources).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { assert, runtime, test } from "../_suite.ts";

const TIMEOUT_MS = 60_000;

function libraryUrl(): string {
  if (process.env.ASYNCIO_TEST_LIB) return process.env.ASYNCIO_TEST_LIB;
  const entry = runtime === "node" ? resolve("npm/mod.js") : resolve("mod.ts");
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} is missing (on Node, build the package: deno run -A _tools/build_npm.ts)`,
    );
  }
  return pathToFileURL(entry).href;
}

function runFixture(name: string): { status: number | null; out: string; describe: string } {
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
  const describe =
    `status ${r.status} signal ${r.signal}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
  return { status: r.status, out: r.stdout, describe };
}

test("run() ends with no Worker keeping the process alive; idle pools and top-level toThread() neither", () => {
  const o = runFixture("executor_exit.mjs");
  assert.equal(o.status, 0, o.describe);
  assert.equal(
    o.out,
    "late job done\nrun returned 42\npool job\ntop level 3\n",
    o.describe,
  );
});

// Bun's own global cannot be hidden, so only Deno and Node can pose as an
// edge runtime here.
if (runtime !== "bun") {
  test("without Workers (edge), the package imports and runInExecutor()/toThread() throw RuntimeError", () => {
    const o = runFixture("executor_edge.mjs");
    assert.equal(o.status, 0, o.describe);
    const lines = o.out.trim().split("\n");
    assert.equal(lines[0], "imported", o.describe);
    assert.equal(lines.length, 3, o.describe);
    for (const line of lines.slice(1)) {
      assert.match(line, /^RuntimeError: .*no Workers/, o.describe);
    }
  });
}
