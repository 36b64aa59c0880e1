// Checksums of several files computed in parallel: the loop reads each file
// (asynchronous I/O) and hands the bytes to toThread(), which hashes them in
// a Worker, all the files at once, the whole batch bounded by timeout().
//
// The job is a ModuleFunction: an export the Worker imports, here
// node:crypto's hash() (Deno, Bun and Node all provide it). Your own module
// works the same way: { module: new URL("./checksums.ts", import.meta.url),
// name: "sha256" }, and may use its own imports.
// Python twin: examples/python/hash_files.py
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as asyncio from "../mod.ts";

const FILES = 4;
const SIZE = 256 * 1024;

const sha256: asyncio.ModuleFunction = { module: "node:crypto", name: "hash" };

/** Deterministic bytes: a linear congruential generator, one byte per step. */
function fileBytes(seed: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    out[i] = (x >> 16) & 0xff;
  }
  return out;
}

const checksum = asyncio.coroutine(async function checksum(path: string) {
  const data = await readFile(path);
  return await asyncio.toThread<string>(sha256, "sha256", data, "hex");
});

const main = asyncio.coroutine(async function main() {
  const folder = await mkdtemp(join(tmpdir(), "hash-files-"));
  try {
    const paths: string[] = [];
    for (let n = 0; n < FILES; n++) {
      const path = join(folder, `file${n}.bin`);
      await writeFile(path, fileBytes(n + 1, SIZE));
      paths.push(path);
    }
    const digests = await asyncio.timeout(
      30,
      () => asyncio.gather(...paths.map((p) => checksum(p))),
    );
    for (const [i, path] of paths.entries()) {
      console.log(basename(path), (await stat(path)).size, digests[i]);
    }
    console.log(`${digests.length} files hashed`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

await asyncio.run(main());
