// The raw-runtime code of ../shared/bench/js/raw/proc.mjs, for measurements
// taken inside bench/subprocess.ts's own process: spawns at any width (the
// shared anchor is fixed at 1 and 16), and `cat` keeping what it reads (the
// shared anchor drops it; communicate() must keep it). Runtime globals are
// fine here: benchmarks are not library code.

// deno-lint-ignore-file no-explicit-any
const g = globalThis as any;
const TRUE = "/bin/true";
const CHUNK = 64 * 1024;

const rt = typeof g.Deno !== "undefined" ? "deno" : typeof g.Bun !== "undefined" ? "bun" : "node";
const cp = rt === "node" ? g.process.getBuiltinModule("node:child_process") : null;

const spawnTrue: () => Promise<void> = {
  deno: async () => {
    const p = new g.Deno.Command(TRUE, { stdin: "inherit", stdout: "inherit", stderr: "inherit" })
      .spawn();
    if ((await p.status).code !== 0) throw new Error("rc");
  },
  bun: async () => {
    const p = g.Bun.spawn([TRUE], { stdio: ["inherit", "inherit", "inherit"] });
    if ((await p.exited) !== 0) throw new Error("rc");
  },
  node: () =>
    new Promise<void>((resolve, reject) => {
      const p = cp.spawn(TRUE, [], { stdio: "inherit" });
      p.on("error", reject);
      p.on("exit", (code: number) => (code === 0 ? resolve() : reject(new Error("rc"))));
    }),
}[rt]!;

/** Spawns `/bin/true` `n` times, `conc` at a time, with the raw API; spawns/s. */
export async function rawSpawns(n: number, conc: number): Promise<number> {
  let left = n;
  const worker = async () => {
    while (left > 0) {
      left--;
      await spawnTrue();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conc }, worker));
  return n / ((performance.now() - t0) / 1e3);
}

// Keeps the output as communicate() does: one growing (resizable) buffer.
class Keep {
  readonly buffer = new (ArrayBuffer as any)(0, { maxByteLength: 2 ** 30 });
  length = 0;
  add(chunk: Uint8Array): void {
    this.buffer.resize(this.length + chunk.length);
    new Uint8Array(this.buffer, this.length, chunk.length).set(chunk);
    this.length += chunk.length;
  }
}

const catKeep: (input: Uint8Array) => Promise<number> = {
  deno: async (input: Uint8Array) => {
    const p = new g.Deno.Command("cat", { stdin: "piped", stdout: "piped", stderr: "inherit" })
      .spawn();
    const send = (async () => {
      const w = p.stdin.getWriter();
      for (let i = 0; i < input.length; i += CHUNK) await w.write(input.subarray(i, i + CHUNK));
      await w.close();
    })();
    const recv = (async () => {
      const keep = new Keep();
      const r = p.stdout.getReader();
      for (;;) {
        const { value, done } = await r.read();
        if (done) return keep.length;
        keep.add(value);
      }
    })();
    const [, got] = await Promise.all([send, recv]);
    await p.status;
    return got;
  },
  bun: async (input: Uint8Array) => {
    const p = g.Bun.spawn(["cat"], { stdin: "pipe", stdout: "pipe", stderr: "inherit" });
    const send = (async () => {
      for (let i = 0; i < input.length; i += CHUNK) {
        p.stdin.write(input.subarray(i, i + CHUNK));
        await p.stdin.flush();
      }
      await p.stdin.end();
    })();
    const recv = (async () => {
      const keep = new Keep();
      for await (const chunk of p.stdout) keep.add(chunk);
      return keep.length;
    })();
    const [, got] = await Promise.all([send, recv]);
    await p.exited;
    return got;
  },
  node: (input: Uint8Array) =>
    new Promise<number>((resolve, reject) => {
      const p = cp.spawn("cat", [], { stdio: ["pipe", "pipe", "inherit"] });
      const keep = new Keep();
      let at = 0;
      p.on("error", reject);
      p.stdout.on("data", (d: Uint8Array) => keep.add(d));
      p.on("close", () => resolve(keep.length));
      const pump = () => {
        while (at < input.length) {
          const piece = input.subarray(at, at + CHUNK);
          at += CHUNK;
          if (!p.stdin.write(piece)) return p.stdin.once("drain", pump);
        }
        p.stdin.end();
      };
      pump();
    }),
}[rt]!;

/** `total` bytes through `cat` with the raw API, keeping the output; MB/s. */
export async function rawCatKeep(total: number): Promise<number> {
  const input = new Uint8Array(total).fill(99);
  const t0 = performance.now();
  const got = await catKeep(input);
  const dt = (performance.now() - t0) / 1e3;
  if (got !== total) throw new Error(`raw cat kept ${got} of ${total} bytes`);
  return total / dt / 1e6;
}
