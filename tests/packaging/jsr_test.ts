// The JSR side as a user and a maintainer meet it: every entry point has a
// module doc with an example; the package's JSR settings are declared; a Deno
// project outside the repository imports the package under its JSR name
// through an import map pointing at the checkout, type-checks it and runs the
// README's Deno program; and the release script (_tools/release.mjs) runs in
// a clone of the repository up to the point where credentials are needed.
// (`deno publish --dry-run` itself is the gate's `publish` step.)
//
// Runs on Node (`node _tools/check.mjs --only=packaging`) from the repository root.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { after } from "node:test";
import { pathToFileURL } from "node:url";
import { assert, test } from "../_suite.ts";
import { readmeProgram } from "./_readme.ts";

const ROOT = process.cwd();
const BIN = join(ROOT, "node_modules", ".bin");
const config = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, string>;
};

const temps: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  stdout: string;
  output: string;
}

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Result {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", ...env },
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`;
  return { code: r.status, stdout: r.stdout ?? "", output };
}

function ok(r: Result, what: string): Result {
  assert.equal(r.code, 0, `${what} failed:\n${r.output}`);
  return r;
}

test("JSR: every entry point has a module doc with an example", () => {
  const missing: string[] = [];
  for (const [key, target] of Object.entries(config.exports)) {
    const text = readFileSync(join(ROOT, target), "utf8");
    const moduleDoc = /\/\*\*((?:(?!\*\/)[\s\S])*?@module)/.exec(text)?.[1];
    if (moduleDoc === undefined) missing.push(`${key} (${target}): no @module doc`);
    else if (!/```(ts|typescript|js)?\n/.test(moduleDoc)) {
      missing.push(`${key} (${target}): its module doc has no example`);
    }
  }
  assert.deepEqual(missing, []);
});

test("JSR: the package's settings declare a description and Deno, Bun, Node and workerd", () => {
  const settings = JSON.parse(readFileSync(join(ROOT, "_tools", "jsr_package.json"), "utf8")) as {
    description?: string;
    runtimeCompat?: Record<string, boolean>;
  };
  assert.ok((settings.description ?? "").length > 20, "no description");
  // JSR's own limit for a package description
  assert.ok((settings.description ?? "").length <= 250, "description longer than 250 characters");
  for (const runtime of ["deno", "bun", "node", "workerd"]) {
    assert.equal(settings.runtimeCompat?.[runtime], true, `runtimeCompat.${runtime}`);
  }
});

test("JSR: a Deno project imports the package by name through an import map, type-checks and runs the README's program", () => {
  const dir = tempDir("asyncio-deno-consumer-");
  const imports = Object.fromEntries(
    Object.entries(config.exports).map(([key, target]) => [
      config.name + key.slice(1),
      pathToFileURL(join(ROOT, target)).href,
    ]),
  );
  writeFileSync(join(dir, "deno.json"), JSON.stringify({ imports }, null, 2));
  const program = readmeProgram(ROOT, "deno");
  writeFileSync(join(dir, program.file), program.code);
  const all = Object.keys(imports).map((s, i) => `import * as m${i} from "${s}";\nvoid m${i};`);
  writeFileSync(join(dir, "all.ts"), all.join("\n") + "\n");
  const deno = join(BIN, "deno");
  ok(sh(deno, ["check", program.file, "all.ts"], dir), "deno check");
  const r = ok(sh(deno, ["run", program.file], dir), `deno run ${program.file}`);
  assert.equal(r.stdout, "[ \"a\", \"b\" ]\ntimed out\n");
});

/** A clone of the repository's committed state, with the toolchain linked in. */
function cloneRepo(): string {
  const dir = join(tempDir("asyncio-release-"), "repo");
  ok(sh("git", ["clone", "--quiet", "--no-hardlinks", ROOT, dir], ROOT), "git clone");
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  appendFileSync(join(dir, ".git", "info", "exclude"), "node_modules\n");
  ok(sh("git", ["config", "user.email", "release-test@example.invalid"], dir), "git config");
  ok(sh("git", ["config", "user.name", "release test"], dir), "git config");
  return dir;
}

function next(version: string): string {
  const [major, minor, patch] = version.split(/[.-]/).map(Number);
  return `${major}.${minor}.${(patch as number) + 1}`;
}

test("release script: refuses a version that is not after the current one, and stops for credentials before changing anything", () => {
  const repo = cloneRepo();
  const noTokens = { JSR_TOKEN: "", NODE_AUTH_TOKEN: "" };
  const old = sh(process.execPath, ["_tools/release.mjs", config.version], repo, noTokens);
  assert.notEqual(old.code, 0);
  assert.match(old.output, /is not after the current/);
  const real = sh(process.execPath, ["_tools/release.mjs", next(config.version)], repo, noTokens);
  assert.notEqual(real.code, 0);
  assert.match(real.output, /credentials needed: set JSR_TOKEN and NODE_AUTH_TOKEN/);
  const status = ok(sh("git", ["status", "--porcelain"], repo), "git status");
  assert.equal(status.stdout, "", "the release changed files before stopping");
});

test("release script: a dry run bumps both manifests, builds npm/ and dry-runs both publishes", () => {
  const repo = cloneRepo();
  const version = next(config.version);
  const r = ok(
    sh(process.execPath, ["_tools/release.mjs", version, "--dry-run", "--skip-checks"], repo),
    "release --dry-run",
  );
  assert.match(r.output, /JSR publish: .*deno publish --allow-dirty --dry-run/);
  assert.match(r.output, /npm publish: npm publish \.\/npm --access public --dry-run/);
  assert.match(r.output, new RegExp(`${config.name.replace("/", "\\/")}@${version}`));
  for (const file of ["deno.json", "package.json", "npm/package.json"]) {
    const json = JSON.parse(readFileSync(join(repo, file), "utf8")) as { version: string };
    assert.equal(json.version, version, `${file} version`);
  }
});
