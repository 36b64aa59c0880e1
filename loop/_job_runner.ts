/**
 * The Worker side of the executor: runs one job at a time for the pool
 * (`worker_executor.ts`) and answers with its result or error. Loaded by
 * `_executor_worker.ts`, or sent as source text (see `_worker_source.ts`).
 *
 * Messages from the pool: `{ source, args }` (a plain function's source
 * text) or `{ module, name, args }` (an export of an ES module). Answers:
 * `{ ok: true, value }`, `{ ok: false, error }`, and, unasked, `{ crash }`
 * (an error nothing caught) or `{ closing: true }` (code called `close()`).
 *
 * @module
 */
import type { HostPort } from "../_platform/mod.ts";

/** An error as it crosses to the host: enough to rebuild it there. */
export interface SentError {
  /** The error's `name` (its class's name for this library's and built-in errors). */
  name: string;
  /** Its `message`. */
  message: string;
  /** Its stack, as the Worker printed it. */
  stack: string | undefined;
  /** Its own data fields that could be cloned (`code`, `errno`, `partial`, …). */
  fields: Record<string, unknown>;
  /** Its `cause`, when it had one. */
  cause?: SentError | { thrown: unknown };
  /** The members of an `AggregateError` or `ExceptionGroup`. */
  errors?: Array<SentError | { thrown: unknown }>;
}

/** A job as the pool posts it. */
export interface JobMessage {
  /** Source text of a plain function. */
  source?: string;
  /** URL or specifier of the module of a `ModuleFunction`. */
  module?: string;
  /** Export name of a `ModuleFunction`. */
  name?: string;
  /** The arguments. */
  args: unknown[];
}

/** An answer of the Worker. */
export type JobReply =
  | { ok: true; value: unknown }
  | { ok: false; error: SentError | { thrown: unknown } }
  | { crash: SentError | { thrown: unknown } }
  | { closing: true };

/**
 * Serves jobs on `port` until the Worker ends.
 *
 * Self-contained like `connectHostPort`: no reference outside its body, so
 * its source text runs in a Worker started from a `data:` URL.
 */
export function serveJobs(port: HostPort): void {
  type Fn = (...args: unknown[]) => unknown;
  const compiled = new Map<string, Fn>();
  const indirectEval = eval;

  const cloneable = (value: unknown): boolean => {
    try {
      structuredClone(value);
      return true;
    } catch {
      return false;
    }
  };

  const send = (error: unknown, depth: number): SentError | { thrown: unknown } => {
    if (!(error instanceof Error)) {
      return { thrown: cloneable(error) ? error : String(error) };
    }
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(error)) {
      if (key === "name" || key === "message" || key === "stack" || key === "cause") continue;
      const value = (error as unknown as Record<string, unknown>)[key];
      if (key === "exceptions" || key === "errors") continue;
      if (cloneable(value)) fields[key] = value;
    }
    const sent: SentError = {
      name: String(error.name),
      message: String(error.message),
      stack: typeof error.stack === "string" ? error.stack : undefined,
      fields,
    };
    if (depth < 8 && "cause" in error && error.cause !== undefined) {
      sent.cause = send(error.cause, depth + 1);
    }
    const members = (error as { errors?: unknown }).errors;
    if (depth < 8 && Array.isArray(members)) {
      sent.errors = members.map((member) => send(member, depth + 1));
    }
    return sent;
  };

  const compile = (source: string): Fn => {
    let fn = compiled.get(source);
    if (fn !== undefined) return fn;
    // The sourceURL names the job's frames in stack traces ("asyncio-job.js").
    const tag = "\n//# sourceURL=asyncio-job.js";
    try {
      fn = indirectEval(`(${source})${tag}`) as Fn;
    } catch (error) {
      // A method written `name(a) { ... }` is not an expression on its own.
      if (!(error instanceof SyntaxError)) throw error;
      const holder = indirectEval(`({ ${source} })${tag}`) as Record<string, Fn>;
      fn = Object.values(holder)[0] as Fn;
    }
    if (typeof fn !== "function") {
      throw new TypeError(
        `Cannot run the job: its source is not a function: ${source.slice(0, 80)}`,
      );
    }
    // Bounded: a program that makes functions on the fly would otherwise
    // fill the Worker's memory with compiled copies.
    if (compiled.size >= 256) compiled.clear();
    compiled.set(source, fn);
    return fn;
  };

  const load = async (specifier: string, name: string): Promise<Fn> => {
    let mod: Record<string, unknown>;
    try {
      // Known only at run time (a warning for `deno publish` and bundlers).
      mod = await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      const error = new Error(`Cannot import module ${specifier}: ${why}`, { cause });
      error.name = "ImportError";
      throw error;
    }
    if (!(name in mod)) {
      const error = new Error(`Cannot import name "${name}" from module ${specifier}`);
      error.name = "ImportError";
      throw error;
    }
    const fn = mod[name];
    if (typeof fn !== "function") {
      throw new TypeError(`"${name}" of module ${specifier} is not a function (${typeof fn})`);
    }
    return fn as Fn;
  };

  const run = async (job: JobMessage): Promise<unknown> => {
    const fn = job.source !== undefined
      ? compile(job.source)
      : await load(job.module as string, job.name as string);
    return await fn(...job.args);
  };

  port.onMessage(async (data) => {
    let reply: JobReply;
    try {
      reply = { ok: true, value: await run(data as JobMessage) };
    } catch (error) {
      reply = { ok: false, error: send(error, 0) };
    }
    try {
      port.post(reply);
    } catch (error) {
      // The result could not be cloned: fail the job, keep the Worker.
      const why = error instanceof Error ? error.message : String(error);
      const failure = new TypeError(`Cannot send the job's result back: ${why}`);
      port.post({ ok: false, error: send(failure, 0) });
    }
  });
  port.onUncaught((error) => port.post({ crash: send(error, 0) }));
  port.onClose(() => port.post({ closing: true }));
}
