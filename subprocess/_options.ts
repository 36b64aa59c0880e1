// Checks the arguments of the functions that start a child and turns them
// into the platform's spawn options.
import { type SpawnOptions, valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import { checkLimit, DEFAULT_LIMIT } from "../streams/stream_reader.ts";
import { DEVNULL, PIPE, STDOUT, type SubprocessOptions } from "./constants.ts";

type PlatformStdio = SpawnOptions["stdin"];

function stdio(name: string, value: unknown, fallback: PlatformStdio): PlatformStdio {
  if (value === undefined) return fallback;
  if (value === PIPE) return "pipe";
  if (value === DEVNULL) return "null";
  if (value === null || value === "inherit") return "inherit";
  if (value === STDOUT) {
    throw new ValueError(`${name} cannot be STDOUT: STDOUT is only valid for stderr`);
  }
  throw new ValueError(`${name} must be PIPE, DEVNULL, "inherit" or null, not ${valueRepr(value)}`);
}

/** The checked options, with the readers' limit. */
export interface CheckedOptions {
  spawn: SpawnOptions;
  limit: number;
}

/** Checks a program and its arguments (exec never goes through a shell). */
export function checkArgv(program: unknown, args: unknown): string[] {
  if (typeof program !== "string") {
    throw new TypeError(`program must be a string, not ${valueRepr(program)}`);
  }
  if (!Array.isArray(args)) throw new TypeError(`args must be an array, not ${valueRepr(args)}`);
  args.forEach((a, i) => {
    if (typeof a !== "string") {
      throw new TypeError(`args[${i}] must be a string, not ${valueRepr(a)}`);
    }
  });
  return args as string[];
}

/**
 * Checks `options` and builds the spawn options; `fallback` is the stdio
 * of a stream left out (`loop.subprocessExec` pipes all three, the
 * high-level functions inherit).
 */
export function checkOptions(
  program: string,
  args: readonly string[],
  options: SubprocessOptions | undefined,
  fallback: PlatformStdio,
): CheckedOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  if (typeof o !== "object" || o === null) {
    throw new TypeError(`options must be an object, not ${valueRepr(options)}`);
  }
  const spawn: SpawnOptions = {
    program,
    args,
    stdin: stdio("stdin", o.stdin, fallback),
    stdout: stdio("stdout", o.stdout, fallback),
    stderr: o.stderr === STDOUT ? "stdout" : stdio("stderr", o.stderr, fallback),
  };
  if (o.cwd !== undefined) {
    if (typeof o.cwd !== "string") {
      throw new TypeError(`cwd must be a string, not ${valueRepr(o.cwd)}`);
    }
    spawn.cwd = o.cwd;
  }
  if (o.env !== undefined) {
    if (typeof o.env !== "object" || o.env === null) {
      throw new TypeError(`env must be an object of strings, not ${valueRepr(o.env)}`);
    }
    for (const [k, v] of Object.entries(o.env)) {
      if (typeof v !== "string") {
        throw new TypeError(`env[${valueRepr(k)}] must be a string, not ${valueRepr(v)}`);
      }
    }
    spawn.env = o.env as Record<string, string>;
  }
  if (o.signal !== undefined) {
    if (!(o.signal instanceof AbortSignal)) {
      throw new TypeError(`signal must be an AbortSignal, not ${valueRepr(o.signal)}`);
    }
    spawn.signal = o.signal;
  }
  const limit = o.limit === undefined ? DEFAULT_LIMIT : checkLimit(o.limit);
  return { spawn, limit };
}

/** The argument vector that runs `cmd` through the system shell. */
export function shellArgv(cmd: unknown): [string, string[]] {
  if (typeof cmd !== "string") throw new ValueError(`cmd must be a string, not ${valueRepr(cmd)}`);
  return ["/bin/sh", ["-c", cmd]];
}
