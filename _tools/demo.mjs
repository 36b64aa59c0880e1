// `npm run demo`: runs every examples/*.ts on Deno (the project's own, from
// node_modules), in name order, with a header line before each one's output.
// Exits non-zero if an example fails (or exits with another code than its
// examples/NAME.exit says).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles, ROOT, run, secs } from "./_lib.mjs";

const TIMEOUT_MS = 60_000;

function expectedExit(file) {
  const path = join(ROOT, file.replace(/\.ts$/, ".exit"));
  return existsSync(path) ? Number(readFileSync(path, "utf8").trim()) : 0;
}

async function main() {
  const files = listFiles("examples", (f) => /^examples\/[^_/][^/]*\.ts$/.test(f));
  if (files.length === 0) {
    console.log("no examples yet (examples/*.ts)");
    return 0;
  }
  const failed = [];
  for (const file of files) {
    console.log(`\n=== ${file} ${"=".repeat(Math.max(3, 70 - file.length))}`);
    const r = await run("deno", ["run", "-A", file], { timeoutMs: TIMEOUT_MS, echo: true });
    const want = expectedExit(file);
    if (r.timedOut || r.code !== want) {
      const why = r.timedOut ? `timed out after ${TIMEOUT_MS / 1000}s` : `exit code ${r.code}`;
      console.log(`--- ${file}: FAILED (${why}, expected exit code ${want})`);
      failed.push(file);
    } else {
      console.log(`--- ${file}: ok (${secs(r.ms)})`);
    }
  }
  console.log(`\n${files.length - failed.length} of ${files.length} examples ran as expected`);
  if (failed.length) console.log(`failed: ${failed.join(", ")}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
