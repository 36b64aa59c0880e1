/**
 * Checks the layout rules of STYLE.md (conventions 1, 3, 4 and 5) that no
 * compiler or linter knows about:
 *
 * - runtime globals (`Deno.`, `Bun.`, `process.`, `node:` imports) appear only
 *   in `_platform/` and in the non-library folders;
 * - a `_` file or folder is imported only from its own folder (anything in the
 *   library may import `_platform/mod.ts`; tests may import anything) and is
 *   never re-exported from a `mod.ts`;
 * - imports go down the layers of {@linkcode LAYERS}, siblings do not import
 *   each other, and a cross-area import names a file, not the area's `mod.ts`;
 * - each area's `mod.ts` re-exports every public file of its folder;
 * - each deno.json export is a file that exports something.
 *
 * Usage: `deno run -A _tools/check_structure.ts`. Exits 1 on any finding.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The library's layers, lowest first: a file may import its own area and lower layers. */
// `_options.ts`, the options checker, imports nothing; `errors.ts` is the
// entry of the `errors/` family (see `areaOf`).
const LAYERS: readonly (readonly string[])[] = [
  ["_options.ts"],
  ["errors"],
  ["_platform"],
  ["loop"],
  ["tasks"],
  ["sync", "queues", "testing"],
  ["streams", "signals"],
  // subprocess/ reads and writes a child's pipes with the stream classes.
  ["subprocess"],
];

/** Upward imports allowed when type-only (`from>to`). */
const TYPE_ONLY_UP = new Set(["loop>tasks", "loop>streams", "loop>subprocess"]);

/**
 * Upward run-time imports allowed by file (`from>to`): `run()` creates the
 * main task, so `loop/run.ts` loads the task module, which registers the
 * Future and Task classes with the loop. Nothing in tasks/ imports run.ts,
 * so this adds no cycle.
 */
const RUNTIME_UP = new Set([
  "loop/run.ts>tasks/task.ts",
  // ExceptionGroup prints like Python's traceback group; the inspect
  // symbols are known only to _platform/inspect.ts, which imports nothing.
  "errors/exception_group.ts>_platform/inspect.ts",
]);

/**
 * Private files a higher layer may import (`folder>file`): the waiter
 * futures and FIFO that sync/ and queues/ share. They are siblings and may
 * not import each other, so the one copy lives in tasks/, below both. And
 * errors/ takes the inspect symbols from _platform/inspect.ts (see
 * RUNTIME_UP).
 */
const SHARED_PRIVATE = new Set([
  "sync>tasks/_waiters.ts",
  "queues>tasks/_waiters.ts",
  "errors>_platform/inspect.ts",
  // The stream reader's waiter needs the same late-cancel handling.
  "streams>tasks/_waiters.ts",
  // streams/ registers the loop's networking methods (see loop/_networking.ts).
  "streams>loop/_networking.ts",
  // subprocess/ registers the loop's subprocess methods (see loop/_subprocess.ts)
  // and runs a child's pipes over the stream transport.
  "subprocess>loop/_subprocess.ts",
  "subprocess>streams/_socket_transport.ts",
]);

/** Folders that may use runtime globals: the platform layer and what is not the library. */
const RUNTIME_ALLOWED = new Set(["_platform", "tests", "_tools", "bench", "examples"]);
const SKIP_DIRS = new Set(["node_modules", "npm", ".build", ".git"]);
// `Deno.x`, `globalThis.process.x`, `from "node:x"`, `import("node:x")`; not `this.process.x`
// nor a path like `./process.ts`.
const RUNTIME_GLOBAL =
  /(?:^|[^\w.$/]|globalThis\.)(Deno|Bun|process)\.|(from\s+|import\s*\(?\s*)["']node:/;

interface Import {
  /** Repository-relative path for a relative specifier, else the specifier. */
  to: string;
  line: number;
  reexport: boolean;
  /** `import type` / `export type`: no run-time edge, still a dependency. */
  typeOnly: boolean;
}

const problems: string[] = [];

function report(file: string, line: number, message: string): void {
  problems.push(`${file}${line > 0 ? `:${line}` : ""}: ${message}`);
}

function listTs(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : listTs(path);
    return e.name.endsWith(".ts") ? [relative(ROOT, path).replaceAll("\\", "/")] : [];
  });
}

/** The area a file belongs to: its top folder, or the file itself at the root. */
function areaOf(file: string): string {
  // errors.ts is the errors/ folder's entry point (its mod.ts).
  if (file === "errors.ts") return "errors";
  return file.split("/")[0]!;
}

function levelOf(area: string): number {
  return LAYERS.findIndex((layer) => layer.includes(area));
}

function isLibrary(file: string): boolean {
  return file === "mod.ts" || levelOf(areaOf(file)) >= 0;
}

/** Imports, re-exports and dynamic imports of a file, from its syntax tree. */
function importsOf(file: string, source: ts.SourceFile): Import[] {
  const found: Import[] = [];
  const add = (spec: ts.Expression | undefined, reexport: boolean, typeOnly = false) => {
    if (!spec || !ts.isStringLiteral(spec)) return;
    const to = spec.text.startsWith(".")
      ? normalize(join(dirname(file), spec.text)).replaceAll("\\", "/")
      : spec.text;
    const line = source.getLineAndCharacterOfPosition(spec.getStart(source)).line + 1;
    found.push({ to, line, reexport, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, false, isTypeOnly(node));
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, true, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `import type {A}` or `import {type A, type B}`. */
function isTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named)
    && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function checkRuntimeGlobals(file: string, text: string): void {
  if (RUNTIME_ALLOWED.has(areaOf(file))) return;
  text.split("\n").forEach((line, i) => {
    const code = line.trimStart();
    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return;
    const m = RUNTIME_GLOBAL.exec(code);
    if (m) report(file, i + 1, `runtime-specific "${m[0].trim()}" outside _platform/`);
  });
}

/**
 * The folder a private path may be imported from: a `_file.ts` belongs to its
 * folder, a `_folder/` to itself. Null when nothing on the path is private.
 */
function privateOwner(to: string): string | null {
  const parts = to.split("/");
  const i = parts.findIndex((p) => p.startsWith("_"));
  if (i < 0) return null;
  return parts.slice(0, i === parts.length - 1 ? i : i + 1).join("/");
}

function checkPrivacy(file: string, imp: Import): void {
  const owner = privateOwner(imp.to);
  if (owner === null) return;
  const isMod = /(^|\/)mod\.ts$/.test(file);
  if (imp.reexport && isMod && !(file === "_platform/mod.ts" && owner === "_platform")) {
    report(file, imp.line, `re-exports private ${imp.to}: a mod.ts exports public files only`);
  }
  if (areaOf(file) === "tests") return;
  if (imp.to === "_platform/mod.ts" && isLibrary(file)) return;
  if (SHARED_PRIVATE.has(`${areaOf(file)}>${imp.to}`)) return;
  const inside = owner === "" || file.startsWith(owner + "/");
  if (!inside) {
    const hint = owner === "_platform" ? " (import _platform/mod.ts)" : "";
    report(file, imp.line, `imports private ${imp.to} from outside ${owner || "."}/${hint}`);
  }
}

function checkLayers(file: string, imp: Import): void {
  if (!isLibrary(file) || file === "mod.ts") return;
  const [from, to] = [areaOf(file), areaOf(imp.to)];
  if (from === to) return;
  const [fromLevel, toLevel] = [levelOf(from), levelOf(to)];
  if (toLevel < 0) {
    const what = imp.to === "mod.ts" ? "the root mod.ts" : `${imp.to}, which is not in a layer`;
    report(file, imp.line, `library code imports ${what}`);
  } else if (toLevel > fromLevel) {
    // The loop's interfaces name the Future and Task types (as asyncio's
    // events.py does); type-only imports are erased, so no run-time cycle.
    if (imp.typeOnly && TYPE_ONLY_UP.has(`${from}>${to}`)) return;
    if (RUNTIME_UP.has(`${file}>${imp.to}`)) return;
    const kind = imp.typeOnly ? "type-imports" : "imports";
    report(file, imp.line, `${from} ${kind} ${imp.to}: ${to} is a higher layer`);
  } else if (toLevel === fromLevel) {
    report(
      file,
      imp.line,
      `${from} imports its sibling ${to} (${imp.to}): siblings are independent`,
    );
  } else if (imp.to.endsWith("/mod.ts") && imp.to !== "_platform/mod.ts") {
    report(file, imp.line, `imports ${imp.to}: a cross-area import names the file, not mod.ts`);
  }
}

function checkImport(file: string, imp: Import): void {
  if (/^(jsr|https?):/.test(imp.to)) {
    report(file, imp.line, `imports ${imp.to}: CI has no network; use a local or npm module`);
  }
  if (imp.to.startsWith(".") || imp.to.includes(":") || !imp.to.endsWith(".ts")) return;
  checkPrivacy(file, imp);
  checkLayers(file, imp);
}

/** Each public area's mod.ts re-exports every public, non-test file of its folder. */
function checkModFiles(files: string[], imports: Map<string, Import[]>): void {
  for (const area of LAYERS.flat()) {
    if (area.endsWith(".ts") || area.startsWith("_")) continue;
    const mod = area === "errors" ? "errors.ts" : `${area}/mod.ts`;
    const publicFiles = files.filter((f) =>
      f.startsWith(area + "/") && f !== mod && !f.includes("/_") && !f.endsWith("_test.ts")
    );
    if (publicFiles.length === 0) continue;
    if (!files.includes(mod)) {
      report(area, 0, `${area}/ has public files but no mod.ts`);
      continue;
    }
    const reexported = new Set(imports.get(mod)!.filter((i) => i.reexport).map((i) => i.to));
    for (const f of publicFiles.filter((f) => !reexported.has(f))) {
      report(mod, 1, `does not re-export ${f} (rename it _${f.split("/").pop()} if it is private)`);
    }
  }
}

function hasExports(source: ts.SourceFile): boolean {
  return source.statements.some((s) =>
    ts.isExportDeclaration(s) || ts.isExportAssignment(s)
    || (ts.canHaveModifiers(s)
      && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
  );
}

function checkDenoExports(sources: Map<string, ts.SourceFile>): void {
  const config = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8"));
  for (const [key, target] of Object.entries(config.exports ?? {}) as [string, string][]) {
    const file = normalize(target).replaceAll("\\", "/");
    const source = sources.get(file);
    if (!existsSync(join(ROOT, file))) {
      report("deno.json", 0, `export "${key}": ${target} is missing`);
    } else if (source && !hasExports(source)) {
      report("deno.json", 0, `export "${key}": ${target} exports nothing`);
    }
  }
}

function main(): number {
  const files = listTs().sort();
  const sources = new Map<string, ts.SourceFile>();
  const imports = new Map<string, Import[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    sources.set(file, source);
    imports.set(file, importsOf(file, source));
    checkRuntimeGlobals(file, text);
    for (const imp of imports.get(file)!) checkImport(file, imp);
  }
  checkModFiles(files, imports);
  checkDenoExports(sources);
  if (problems.length === 0) {
    console.log(`structure ok: ${files.length} files checked`);
    return 0;
  }
  console.error(problems.join("\n"));
  console.error(`structure check: ${problems.length} problem(s) in ${files.length} files`);
  return 1;
}

Deno.exit(main());
