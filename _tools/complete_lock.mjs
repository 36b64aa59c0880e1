// Adds package-lock.json entries for the optional platform binaries of the
// toolchain packages (deno, dprint) that this machine's registry mirror does
// not serve. Without them `npm ci` finds the lock "out of sync" with the
// packages' optionalDependencies and refuses to install. The entries carry
// the platform fields only: npm skips them on other platforms, so it never
// needs to fetch them. Run after `npm install` changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf8"));

function platformOf(name) {
  const m = /\/(android|darwin|linux|win32)-([a-z0-9]+)(?:-(glibc|musl))?$/.exec(name);
  if (!m) throw new Error(`cannot tell the platform of ${name}`);
  const [, os, cpu, libc] = m;
  return { cpu: [cpu], os: [os], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const parent of ["deno", "dprint"]) {
  const pkg = JSON.parse(
    readFileSync(new URL(`../node_modules/${parent}/package.json`, import.meta.url), "utf8"),
  );
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const { cpu, os, libc } = platformOf(name);
    lock.packages[key] = {
      version,
      cpu,
      dev: true,
      ...(libc ? { libc } : {}),
      license: "MIT",
      optional: true,
      os,
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + "\n");
console.log(`package-lock.json: added ${added} optional platform entries`);
