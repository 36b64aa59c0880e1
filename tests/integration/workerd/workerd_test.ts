// The core in a real edge runtime: Cloudflare's workerd (the pinned `workerd`
// npm package) runs worker.ts, bundled with esbuild from the npm build's "."
// entry, with `nodejs_compat` (AsyncLocalStorage), and the README's Worker
// program next to it. workerd listens on free loopback ports and is stopped
// after the last test, also when one fails.
//
// Runs on Node (`node _tools/check.mjs --only=workerd`), from the repository
// root, against npm/ (built by the gate's build step).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { after, before } from "node:test";
import { assert, test } from "../../_suite.ts";
import { readmeProgram } from "../../packaging/_readme.ts";

const ROOT = process.cwd();
const BIN = join(ROOT, "node_modules", ".bin");

let dir = "";
let workerd: ChildProcess | null = null;
let output = "";
let base = "";
let readmeBase = "";

function stop(): void {
  if (workerd !== null && workerd.exitCode === null && workerd.signalCode === null) {
    workerd.kill("SIGKILL");
  }
  workerd = null;
}

/** A loopback port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function config(port: number, readmePort: number): string {
  const worker = (file: string) =>
    `(
  modules = [(name = "${file}", esModule = embed "${file}")],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "loopback",
)`;
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "readme", worker = .readme),
    (name = "loopback", network = (allow = ["local", "private"])),
  ],
  sockets = [
    (name = "http", address = "127.0.0.1:${port}", http = (), service = "main"),
    (name = "readme", address = "127.0.0.1:${readmePort}", http = (), service = "readme"),
  ],
);
const worker :Workerd.Worker = ${worker("worker.js")};
const readme :Workerd.Worker = ${worker("readme.js")};
`;
}

/** Bundles `source` with `@asyncio/asyncio` resolved to npm/, as a user's bundler would. */
function bundleWorker(source: string, out: string): void {
  const modules = join(dir, "node_modules", "@asyncio");
  if (!existsSync(modules)) {
    mkdirSync(modules, { recursive: true });
    symlinkSync(join(ROOT, "npm"), join(modules, "asyncio"), "dir");
  }
  const r = spawnSync(join(BIN, "esbuild"), [
    source,
    "--bundle",
    "--format=esm",
    "--platform=neutral",
    `--outfile=${join(dir, out)}`,
    "--log-level=warning",
  ], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(dir, "node_modules") },
  });
  if (r.status !== 0) throw new Error(`esbuild failed:\n${r.stderr}`);
}

async function waitUntilServing(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (workerd === null || workerd.exitCode !== null) {
      throw new Error(`workerd exited:\n${output}`);
    }
    try {
      const r = await fetch(`${base}/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`workerd did not answer within 30 s:\n${output}`);
}

before(async () => {
  if (!existsSync(join(ROOT, "npm", "package.json"))) throw new Error("npm/ is not built");
  dir = mkdtempSync(join(tmpdir(), "asyncio-workerd-"));
  bundleWorker("tests/integration/workerd/worker.ts", "worker.js");
  const program = readmeProgram(ROOT, "workerd");
  writeFileSync(join(dir, program.file), program.code);
  bundleWorker(join(dir, program.file), "readme.js");
  const [port, readmePort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  readmeBase = `http://127.0.0.1:${readmePort}`;
  writeFileSync(join(dir, "config.capnp"), config(port, readmePort));
  workerd = spawn(join(BIN, "workerd"), ["serve", "config.capnp"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  workerd.stdout?.on("data", (b) => output += b);
  workerd.stderr?.on("data", (b) => output += b);
  process.once("exit", stop);
  await waitUntilServing();
});

after(() => {
  stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function get(route: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${base}/${route}`);
  const body = await r.json() as Record<string, unknown>;
  assert.equal(r.status, 200, `/${route}: ${JSON.stringify(body)}\nworkerd:\n${output}`);
  return body;
}

test("workerd: run() gives each request a loop of its own, with the main task", async () => {
  const a = await get("run");
  const b = await get("run");
  assert.equal(typeof a.loop, "number");
  assert.notEqual(a.loop, b.loop);
  assert.equal(typeof a.task, "string");
});

test("workerd: gather() returns the results in order", async () => {
  assert.deepEqual((await get("gather")).values, [2, 4, 6]);
});

test("workerd: timeout() expires with TimeoutError and cancels only its scope", async () => {
  const r = await get("timeout");
  assert.equal(r.timeoutError, true, JSON.stringify(r));
  assert.equal(r.siblingResult, "sibling");
  assert.deepEqual(r.events, ["timeout raised", "sibling done"]);
});

test("workerd: taskGroup() with a failing child cancels its sibling and raises ExceptionGroup", async () => {
  const r = await get("taskgroup");
  assert.equal(r.group, true, JSON.stringify(r));
  assert.deepEqual(r.inner, ["child failed"]);
  assert.deepEqual(r.events, ["sibling cancelled"]);
});

test("workerd: Queue carries every item from producer to consumer in order", async () => {
  assert.deepEqual((await get("queue")).got, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test("workerd: Lock is granted in the order it was asked for", async () => {
  assert.deepEqual((await get("lock")).order, [0, 1, 2, 3, 4]);
});

test("workerd: sleep() waits on real time", async () => {
  const r = await get("sleep");
  assert.ok((r.loopElapsed as number) >= 0.099, JSON.stringify(r));
  assert.ok((r.wallElapsedMs as number) >= 99, JSON.stringify(r));
});

test("workerd: currentSignal() aborts a fetch at the timeout() deadline, which raises TimeoutError", async () => {
  const r = await get("fetch-abort");
  assert.equal(r.timeoutError, true, JSON.stringify(r));
});

test("workerd: two concurrent requests never see each other's loop or tasks", async () => {
  const [a, b] = await Promise.all([get("isolation?id=a&other=b"), get("isolation?id=b&other=a")]);
  assert.equal(a.overlapped, true, "the requests did not run at the same time");
  assert.equal(b.overlapped, true, "the requests did not run at the same time");
  assert.notEqual(a.loop, b.loop);
  assert.equal(a.current, "main-a");
  assert.equal(b.current, "main-b");
  assert.deepEqual(a.names, ["helper-a-1", "helper-a-2", "helper-a-3", "main-a"]);
  assert.deepEqual(b.names, ["helper-b-1", "helper-b-2", "helper-b-3", "main-b"]);
});

const CAPABILITY_WORDS: Record<string, RegExp> = {
  sockets: /socket/i,
  processes: /process/i,
  signals: /signal/i,
  workers: /worker|thread|executor/i,
};

for (const capability of Object.keys(CAPABILITY_WORDS)) {
  test(`workerd: a call that needs ${capability} throws RuntimeError naming it`, async () => {
    const r = (await get("capabilities"))[capability] as Record<string, unknown>;
    assert.notEqual(r.missing, true, `the loop has no ${r.method}() yet`);
    const raised = r.raised as Record<string, string> | null;
    assert.ok(raised !== null, `${r.method}() did not throw`);
    assert.equal(r.runtimeError, true, `${r.method}() threw ${JSON.stringify(raised)}`);
    assert.match(String(raised.message), CAPABILITY_WORDS[capability] as RegExp);
  });
}

test("README: the Worker program answers through a fetch its deadline could abort", async () => {
  const r = await fetch(`${readmeBase}/`);
  assert.equal(r.status, 200);
  assert.equal(await r.text(), "late");
});
