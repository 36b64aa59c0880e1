/**
 * Builds the npm package in `npm/` from deno.json, then checks that its
 * `exports` match deno.json's.
 *
 * - JavaScript: one output file per source module (`tasks/task_group.ts` →
 *   `npm/tasks/task_group.js`), each importing its neighbours as the sources
 *   do, so every module exists once however many entry points reach it (the
 *   event loop above all: a task created through one entry point must run on
 *   the loop of another) and a stack trace names the module it came from.
 *   Each file has a source map (`.js.map`) that carries the TypeScript source,
 *   listed at the path it has in the repository, relative to the package root.
 * - Types: the TypeScript compiler emits `.d.ts` files laid out like the
 *   sources, so each entry's types sit next to its JavaScript
 *   (`npm/tasks/mod.js` + `npm/tasks/mod.d.ts`). Declarations that use
 *   `Disposable`/`AsyncDisposable` reference the lib that declares them, so a
 *   consumer compiling against an older `lib` without `skipLibCheck` gets them.
 *
 * The entry points are deno.json's `exports`; the modules are everything they
 * import, found by the TypeScript compiler.
 *
 * Usage: `deno run -A _tools/build_npm.ts [--out=DIR]` (or `npm run build:npm`).
 *
 * @module
 */
import * as esbuild from "esbuild";
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The output folder: `npm/`, or the one given as `--out=DIR`. */
const OUT = resolve(ROOT, Deno.args.find((a) => a.startsWith("--out="))?.slice(6) ?? "npm");

interface DenoJson {
  name: string;
  version: string;
  license?: string;
  description?: string;
  exports: Record<string, string>;
}

interface PackageExport {
  types: string;
  default: string;
}

/** Maps `./tasks/mod.ts` to `./tasks/mod.js` (or `.d.ts` with `ext`). */
function outPath(source: string, ext = ".js"): string {
  return source.replace(/\.ts$/, ext);
}

/** The library's own modules: every repository `.ts` file the program reaches. */
function libraryModules(program: ts.Program): string[] {
  return program.getSourceFiles()
    .map((f) => relative(ROOT, f.fileName))
    .filter((f) => !f.startsWith("..") && !f.split(/[\\/]/).includes("node_modules"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .sort();
}

/**
 * One output file per module: every module is an entry point, and every
 * relative import stays an import (of the neighbour's `.js`).
 */
async function transpile(modules: string[]): Promise<void> {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: modules,
    outbase: ".",
    outdir: OUT,
    bundle: true,
    format: "esm",
    // neutral: no Node builtins are resolved; the platform layer reaches them
    // at run time through process.getBuiltinModule, so a static `node:`
    // import anywhere in the library fails the build here.
    platform: "neutral",
    target: "es2022",
    sourcemap: "linked",
    sourcesContent: true,
    // No keepNames: it wraps every function and closure in a `__name()` call,
    // which cost ~4% of a task on Node. Reprs and error names do not depend on
    // `constructor.name` (they are written out), and no class is renamed by
    // bundling today; the test suite on Node checks the reprs.
    keepNames: false,
    logLevel: "warning",
    plugins: [{
      name: "module-per-file",
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, (args) => {
          if (args.kind === "entry-point") return undefined;
          if (!args.path.endsWith(".ts")) {
            return { errors: [{ text: `import "${args.path}" must name a .ts module` }] };
          }
          return { path: args.path.replace(/\.ts$/, ".js"), external: true };
        });
      },
    }],
  });
  fixSourceMaps(OUT);
}

/**
 * esbuild lists each map's source relative to the map in `npm/`, which
 * points out of the package (`../../tasks/task_group.ts`); list it where it
 * would sit inside the package (`task_group.ts`): the content is in the map.
 */
function fixSourceMaps(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fixSourceMaps(path);
    else if (entry.name.endsWith(".js.map")) {
      const map = JSON.parse(readFileSync(path, "utf8")) as { sources: string[] };
      map.sources = map.sources.map((s) => {
        const inRepo = relative(ROOT, resolve(dirname(path), s));
        return relative(dirname(path), join(OUT, inRepo)).split("\\").join("/");
      });
      writeFileSync(path, JSON.stringify(map));
    }
  }
}

/** Emits the declarations; returns the error messages, if any. */
function declarations(entries: string[]): { program: ts.Program; errors: string[] } {
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: ROOT,
    outDir: OUT,
    // The sources import `./x.ts`; the package ships `./x.js`.
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // deno.json's libs without deno.ns: the library types Deno and Bun
    // through local interfaces, so npm users need no runtime's types.
    lib: ["lib.esnext.d.ts", "lib.dom.d.ts"],
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
  };
  const program = ts.createProgram(entries.map((e) => join(ROOT, e)), options);
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  return { program, errors: formatDiagnostics(diagnostics) };
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string[] {
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  return errors.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(ROOT, d.file.fileName)}:${line + 1}: ${text}`;
  });
}

/** What in a declaration needs lib `esnext.disposable` (absent from `lib: ["ES2022"]`). */
const USES_DISPOSABLE = /\b(?:Async)?Disposable\b|\bSymbol\.(?:asyncDispose|dispose)\b/;

/**
 * Finishes the declaration files: rewrites relative `.ts` specifiers the
 * compiler left (e.g. in `import("./x.ts")` types) to `.js`, and makes a file
 * that uses `Disposable`, `AsyncDisposable` or `Symbol.dispose` reference the
 * lib that declares them, so it compiles for a consumer on an older `lib`.
 */
function fixDeclarations(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fixDeclarations(path);
    else if (entry.name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8");
      let fixed = text.replace(/(["'])(\.\.?\/[^"']*?)\.ts\1/g, "$1$2.js$1");
      if (USES_DISPOSABLE.test(fixed)) {
        fixed = `/// <reference lib="esnext.disposable" />\n${fixed}`;
      }
      if (fixed !== text) writeFileSync(path, fixed);
    }
  }
}

/** The package's description, kept with its JSR settings in _tools/jsr_package.json. */
function description(): string | undefined {
  const file = join(ROOT, "_tools", "jsr_package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { description?: string }).description;
}

function packageJson(config: DenoJson): Record<string, unknown> {
  const exports: Record<string, PackageExport> = {};
  for (const [key, source] of Object.entries(config.exports)) {
    exports[key] = { types: outPath(source, ".d.ts"), default: outPath(source) };
  }
  const text = config.description ?? description();
  return {
    name: config.name,
    version: config.version,
    ...(text ? { description: text } : {}),
    license: config.license,
    type: "module",
    exports,
    engines: { node: ">=20" },
  };
}

function copyDocs(): string[] {
  const warnings: string[] = [];
  for (const file of ["README.md", "LICENSE"]) {
    if (existsSync(join(ROOT, file))) copyFileSync(join(ROOT, file), join(OUT, file));
    else warnings.push(`${file} is missing at the repository root: not copied`);
  }
  return warnings;
}

/** Checks both ways that npm/package.json exports deno.json's keys, and that every target exists. */
function verify(config: DenoJson): string[] {
  const pkg = JSON.parse(readFileSync(join(OUT, "package.json"), "utf8"));
  const npmExports = pkg.exports as Record<string, PackageExport>;
  const problems: string[] = [];
  for (const key of Object.keys(config.exports)) {
    if (!(key in npmExports)) problems.push(`npm/package.json lacks deno.json export "${key}"`);
  }
  for (const [key, target] of Object.entries(npmExports)) {
    if (!(key in config.exports)) {
      problems.push(`npm/package.json exports "${key}", deno.json does not`);
    }
    for (const file of [target.types, target.default]) {
      if (!existsSync(join(OUT, file))) problems.push(`npm export "${key}": ${file} was not built`);
    }
  }
  return problems;
}

/**
 * Type-checks a consumer that imports every export by package name, from a
 * virtual module inside npm/ (a package may import itself by name): the
 * declarations must resolve through `exports` and compile with no runtime's
 * types installed.
 */
function verifyTypes(config: DenoJson): string[] {
  const consumer = join(OUT, "__consumer.mts");
  const source = Object.keys(config.exports)
    .map((key, i) => `import * as m${i} from "${config.name}${key.slice(1)}";\nvoid m${i};\n`)
    .join("");
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.esnext.d.ts", "lib.dom.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, ...rest) =>
    name === consumer
      ? ts.createSourceFile(name, source, ts.ScriptTarget.ESNext)
      : getSourceFile(name, ...rest);
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === consumer || fileExists(name);
  const program = ts.createProgram([consumer], options, host);
  return formatDiagnostics(ts.getPreEmitDiagnostics(program))
    .map((m) => `types of the npm package: ${m}`);
}

async function main(): Promise<number> {
  const config = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")) as DenoJson;
  const entries = Object.values(config.exports);
  const missing = entries.filter((e) => !existsSync(join(ROOT, e)));
  if (missing.length) {
    console.error(`deno.json exports missing files: ${missing.join(", ")}`);
    return 1;
  }
  rmSync(OUT, { recursive: true, force: true });
  const { program, errors } = declarations(entries);
  if (errors.length) {
    console.error(`declaration emit failed:\n${errors.join("\n")}`);
    return 1;
  }
  try {
    await transpile(libraryModules(program));
  } catch {
    // esbuild has already printed its errors
    console.error("esbuild failed");
    return 1;
  }
  fixDeclarations(OUT);
  writeFileSync(join(OUT, "package.json"), JSON.stringify(packageJson(config), null, 2) + "\n");
  for (const w of copyDocs()) console.warn(`warning: ${w}`);
  const problems = [...verify(config), ...verifyTypes(config)];
  if (problems.length) {
    console.error(problems.join("\n"));
    return 1;
  }
  const keys = Object.keys(config.exports).join(" ");
  console.log(`built npm/ (${config.name}@${config.version}): exports ${keys}`);
  return 0;
}

Deno.exit(await main());
