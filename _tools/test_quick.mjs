// Runs some test files on one runtime straight from the sources, for the
// edit-test loop (the gate, `npm test`, runs Node against the npm build):
//
//   node _tools/test_quick.mjs node tests/streams/stream_reader_test.ts ...
//   node _tools/test_quick.mjs deno tests/streams/
//   node _tools/test_quick.mjs bun tests/streams/
//   node _tools/test_quick.mjs node24 tests/streams/     (the pinned Node 24)
//
// Folders are expanded to their *_test.ts files. Node runs an esbuild bundle
// of each file, written to a fresh temporary folder, so runs side by side
// never share output.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { BIN, listFiles, NODES, ROOT } from "./_lib.mjs";

const [runtime, ...args] = process.argv.slice(2);
if (!["deno", "bun", "node", "node24"].includes(runtime) || args.length === 0) {
  console.error("usage: node _tools/test_quick.mjs deno|bun|node|node24 FILE_OR_FOLDER...");
  process.exit(2);
}
const files = args.flatMap((a) => {
  const abs = resolve(ROOT, a);
  if (statSync(abs).isDirectory()) {
    return listFiles(relative(ROOT, abs), (f) => f.endsWith("_test.ts"));
  }
  return [relative(ROOT, abs)];
});

function sh(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: "inherit" });
  return r.status ?? 1;
}

let code;
if (runtime === "deno") code = sh(join(BIN, "deno"), ["test", "-A", ...files]);
else if (runtime === "bun") code = sh(join(BIN, "bun"), ["test", ...files.map((f) => `./${f}`)]);
else {
  const esbuild = await import("esbuild");
  const out = mkdtempSync(join(tmpdir(), "asyncio-quick-"));
  try {
    await esbuild.build({
      entryPoints: files.map((f) => resolve(ROOT, f)),
      outbase: ROOT,
      outdir: out,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: "inline",
      logLevel: "warning",
    });
    code = sh(runtime === "node24" ? NODES.node24 : process.execPath, [
      "--enable-source-maps",
      "--test",
      ...files.map((f) => join(out, f.replace(/\.ts$/, ".mjs"))),
    ]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
process.exit(code);
