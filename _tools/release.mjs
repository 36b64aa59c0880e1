// Releases a version of @asyncio/asyncio to JSR and npm, from a clean checkout:
//
//   node _tools/release.mjs 0.2.0              (or: npm run release -- 0.2.0)
//   node _tools/release.mjs 0.2.0 --dry-run    everything, both publishes as dry runs
//
// Steps: check the version and the work tree; run the whole gate (`npm test`;
// --skip-checks leaves it out, for the release script's own test); bump the
// version in deno.json and package.json; build npm/; `deno publish`;
// `npm publish ./npm`; commit the bump and tag it `vX.Y.Z`.
//
// Credentials: `deno publish` takes JSR_TOKEN (or runs in GitHub Actions with
// OIDC), `npm publish` takes NODE_AUTH_TOKEN through an .npmrc line
// `//registry.npmjs.org/:_authToken=${NODE_AUTH_TOKEN}`. Without them a real
// release stops before changing anything. A dry run needs none.
//
// The package's JSR settings (description, runtime compatibility) live in
// _tools/jsr_package.json; JSR keeps them on the package page, not in
// deno.json: set them there (or through JSR's API) on the first release.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, childEnv, ROOT, run } from "./_lib.mjs";

const USAGE = "usage: node _tools/release.mjs VERSION [--dry-run] [--skip-checks] [--allow-dirty]";

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const known = ["--dry-run", "--skip-checks", "--allow-dirty"];
  const unknown = [...flags].filter((f) => !known.includes(f));
  const positional = argv.filter((a) => !a.startsWith("--"));
  if (unknown.length || positional.length !== 1) fail(`${USAGE}\n${unknown.join(" ")}`);
  return {
    version: positional[0],
    dryRun: flags.has("--dry-run"),
    skipChecks: flags.has("--skip-checks"),
    allowDirty: flags.has("--allow-dirty"),
  };
}

/** Compares two x.y.z versions (pre-release tags sort before the release). */
function compareVersions(a, b) {
  const parse = (v) => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  if (pa.length !== pb.length) return pa.length > pb.length ? -1 : 1;
  return String(pa.slice(3)).localeCompare(String(pb.slice(3)));
}

async function step(title, cmd, args, options = {}) {
  console.log(`release: ${title}: ${[cmd, ...args].join(" ")}`);
  const r = await run(cmd, args, { echo: true, ...options });
  if (r.code !== 0) fail(`${title} failed (exit code ${r.code})`);
  return r;
}

function readJson(file) {
  return JSON.parse(readFileSync(join(ROOT, file), "utf8"));
}

function writeVersion(file, version) {
  const text = readFileSync(join(ROOT, file), "utf8");
  const next = text.replace(/("version":\s*")[^"]*(")/, `$1${version}$2`);
  if (next === text && !text.includes(`"version": "${version}"`)) {
    fail(`${file} has no "version" field to bump`);
  }
  writeFileSync(join(ROOT, file), next);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { version, dryRun } = opts;
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/.test(version)) fail(`"${version}" is not x.y.z`);
  const current = readJson("deno.json").version;
  if (compareVersions(version, current) <= 0) {
    fail(`version ${version} is not after the current ${current}`);
  }
  if (!opts.allowDirty) {
    const status = await run("git", ["status", "--porcelain"]);
    if (status.code !== 0) fail(`git status failed:\n${status.output}`);
    if (status.stdout.trim()) fail(`the work tree has changes:\n${status.stdout}`);
  }
  // Before anything changes: a real release needs both registries' tokens.
  if (!dryRun) {
    const missing = ["JSR_TOKEN", "NODE_AUTH_TOKEN"].filter((v) => !process.env[v]);
    if (missing.length) {
      fail(`credentials needed: set ${missing.join(" and ")} (nothing was changed)`);
    }
  }
  if (opts.skipChecks) console.log("release: checks skipped (--skip-checks)");
  else await step("checks", process.execPath, ["_tools/check.mjs"]);

  writeVersion("deno.json", version);
  writeVersion("package.json", version);
  console.log(`release: version ${current} -> ${version} in deno.json and package.json`);
  await step("npm build", join(BIN, "deno"), ["run", "-A", "_tools/build_npm.ts"]);
  const built = JSON.parse(readFileSync(join(ROOT, "npm", "package.json"), "utf8")).version;
  if (built !== version) fail(`npm/package.json has version ${built}, not ${version}`);

  // --allow-dirty: the bump is committed after both publishes succeed.
  const jsrArgs = ["publish", "--allow-dirty", ...(dryRun ? ["--dry-run"] : [])];
  if (!dryRun) jsrArgs.push("--token", process.env.JSR_TOKEN);
  await step("JSR publish", join(BIN, "deno"), jsrArgs);
  const npmArgs = ["publish", "./npm", "--access", "public", ...(dryRun ? ["--dry-run"] : [])];
  await step("npm publish", "npm", npmArgs, { env: childEnv() });

  if (dryRun) {
    console.log(`release: dry run of ${version} done; deno.json and package.json keep the bump`);
    return;
  }
  await step("commit", "git", [
    "commit",
    "-m",
    `Release ${version}`,
    "--",
    "deno.json",
    "package.json",
  ]);
  await step("tag", "git", ["tag", `v${version}`]);
  console.log(`release: ${version} published; push the commit and the tag v${version}`);
}

await main();
