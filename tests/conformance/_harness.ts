/**
 * Differential-test harness: a scenario is a small program written twice,
 * in Python 3.13 (`scenarios/NAME.py`) and in TypeScript (`scenarios/NAME.ts`),
 * that prints a trace. `_tools/regen_conformance.sh` records CPython's trace
 * into `expected/NAME.txt`; {@linkcode checkScenario} runs the TypeScript
 * version on the virtual-time loop and compares its lines with that file.
 *
 * A TypeScript scenario is
 * `export default async function main(print: (line: string) => void): Promise<void>`.
 * Traces must be deterministic: no wall-clock times; print loop-time deltas
 * rounded to one decimal (`py.round1(x)` here, `round(x, 1)` in Python).
 * The harness's `run()` plays the Python program's `asyncio.run(main())`:
 * a scenario cannot call `run()` itself, and lines printed while `run()`
 * finishes (leftover tasks, exception handler) are part of the trace.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { run, VirtualTimeEventLoop } from "../../mod.ts";
import { assert } from "../_suite.ts";

/** A TypeScript scenario's entry point. */
export type ScenarioMain = (print: (line: string) => void) => Promise<void>;

/** Reads `tests/conformance/expected/NAME.txt` (tests run from the repo root). */
export function expectedTrace(name: string): string[] {
  const path = `tests/conformance/expected/${name}.txt`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`missing ${path}: run _tools/regen_conformance.sh ${name}`);
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Options of {@linkcode runScenario} and {@linkcode checkScenario}. */
export interface ScenarioOptions {
  /** Run the loop in debug mode (the trace must not change). */
  debug?: boolean;
}

/**
 * Runs `main` under `run(..., { loopFactory: VirtualTimeEventLoop })` and
 * returns the printed lines (each printed string may hold several lines).
 * If `main` throws, the error is rethrown with the trace so far attached.
 */
export async function runScenario(
  main: ScenarioMain,
  options: ScenarioOptions = {},
): Promise<string[]> {
  const lines: string[] = [];
  const print = (line: string) => {
    for (const part of String(line).split("\n")) lines.push(part);
  };
  try {
    await run(() => main(print), {
      loopFactory: () => new VirtualTimeEventLoop(),
      debug: options.debug ?? false,
    });
  } catch (err) {
    const e = new Error(`scenario threw ${String(err)}; trace so far:\n${lines.join("\n")}`);
    (e as { cause?: unknown }).cause = err;
    throw e;
  }
  return lines;
}

/** Runs scenario `name` and asserts its trace equals CPython's recorded one. */
export async function checkScenario(
  name: string,
  main: ScenarioMain,
  options: ScenarioOptions = {},
): Promise<void> {
  const expected = expectedTrace(name);
  const actual = await runScenario(main, options);
  assert.deepEqual(actual, expected, `conformance trace of ${name} differs from CPython`);
}

/** Formatting helpers that print values the way Python does. */
export const py = {
  /** Python's `repr(round(x, 1))` for ordinary values: `1.0`, `0.5`, `-2.3`. */
  round1(x: number): string {
    const r = Math.round(x * 10) / 10;
    return Number.isInteger(r) ? r.toFixed(1) : String(r);
  },
  /** Python's `repr()` of simple values: str, int/float, bool, None, lists, errors. */
  repr(value: unknown): string {
    if (value === null || value === undefined) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    if (typeof value === "string") return pyStr(value);
    if (typeof value === "number") {
      if (Number.isNaN(value)) return "nan";
      if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
      return String(value);
    }
    if (Array.isArray(value)) return `[${value.map((v) => py.repr(v)).join(", ")}]`;
    if (value instanceof Error) {
      const args = value.message === "" ? "" : pyStr(value.message);
      return `${value.name}(${args})`;
    }
    return String(value);
  },
  /** Python's `str()`: like `repr()` except strings print bare and errors print their message. */
  str(value: unknown): string {
    if (typeof value === "string") return value;
    if (value instanceof Error) return value.message;
    return py.repr(value);
  },
};

function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes("\"") ? "\"" : "'";
  const body = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}
