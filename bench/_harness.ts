// Shared harness for this library's benchmarks: the same protocol as the raw
// anchors in ../shared/bench/js/common.mjs (warm-ups, repeats, median) and the
// same JSON line, so `npm run bench` can put them side by side.
// Benchmarks may use runtime globals: they are not library code.

declare const Deno:
  | { version: { deno: string }; args: string[]; exit(code: number): never }
  | undefined;
declare const Bun: { version: string; gc(force: boolean): void } | undefined;
declare const process: { argv: string[]; versions: { node: string }; exit(code: number): never };

/** The runtime a benchmark runs on. */
export const runtime: string = typeof Deno !== "undefined"
  ? "deno"
  : typeof Bun !== "undefined"
  ? "bun"
  : "node";

const runtimeVersion = typeof Deno !== "undefined"
  ? `deno ${Deno.version.deno}`
  : typeof Bun !== "undefined"
  ? `bun ${Bun.version}`
  : `node ${process.versions.node}`;

/** Command-line options: `--name=value` or `--flag`. */
export function opts(): Record<string, string | true> {
  const argv = typeof Deno !== "undefined" ? Deno.args : process.argv.slice(2);
  const o: Record<string, string | true> = {};
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m) o[m[1] as string] = m[2] ?? true;
  }
  return o;
}

/** The median of `xs`. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] as number : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Milliseconds, monotonic. */
export const now = (): number => performance.now();

/** One measurement's result: `value` in the spec's unit, plus extra fields. */
export type Sample = { value: number; [k: string]: number };

/** What a benchmark declares. */
export interface BenchSpec {
  name: string;
  impl?: string;
  unit: string;
  n: number;
  nWarm?: number;
  repeats?: number;
  warmup?: number;
  higherIsBetter?: boolean;
  fn: (n: number) => Promise<Sample>;
  /** Extra fields for the JSON line (`raw`, `py`, `pyscript`: how `npm run bench` finds the anchors). */
  extra?: Record<string, string>;
}

/** Runs warm-ups and repeats, prints one JSON line; returns the median. */
export async function bench(spec: BenchSpec): Promise<number> {
  const o = opts();
  const n = Number(o.n ?? spec.n);
  const nWarm = Math.min(Number(o.nwarm ?? spec.nWarm ?? n), n);
  const repeats = Number(o.repeats ?? spec.repeats ?? 5);
  const warmup = Number(o.warmup ?? spec.warmup ?? 1);
  const t0 = now();
  for (let i = 0; i < warmup; i++) await spec.fn(nWarm);
  const results: Sample[] = [];
  for (let i = 0; i < repeats; i++) results.push(await spec.fn(n));
  const vals = results.map((r) => r.value);
  const out: Record<string, unknown> = {
    bench: spec.name,
    impl: spec.impl ?? `${runtime}-asyncio`,
    runtime: runtimeVersion,
    unit: spec.unit,
    higher_is_better: spec.higherIsBetter ?? true,
    n,
    median: median(vals),
    min: Math.min(...vals),
    max: Math.max(...vals),
    samples: vals,
    process_wall_s: Math.round(now() - t0) / 1000,
    ...spec.extra,
  };
  for (const k of Object.keys(results[0] ?? {})) {
    if (k !== "value") out[k] = median(results.map((r) => r[k] as number));
  }
  console.log(JSON.stringify(out));
  return out.median as number;
}

/** Ends the process (benchmarks must never hang on a stray handle). */
/** Forces a full GC where the runtime allows it (`--expose-gc`, `--v8-flags=--expose-gc`, Bun). */
export function gc(): void {
  const g = globalThis as { gc?: () => void };
  if (typeof g.gc === "function") g.gc();
  else if (runtime === "bun" && typeof Bun !== "undefined") Bun.gc(true);
}

/** The JavaScript heap in use, in bytes (0 where the runtime cannot tell). */
export function heapUsed(): number {
  const p = (globalThis as { process?: { memoryUsage(): { heapUsed: number } } }).process;
  return p ? p.memoryUsage().heapUsed : 0;
}

export function exit(): never {
  if (typeof Deno !== "undefined") Deno.exit(0);
  return process.exit(0);
}
