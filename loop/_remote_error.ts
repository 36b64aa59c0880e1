/**
 * Turns a Worker's answer into the job future's outcome. An error thrown in
 * the Worker is rebuilt with its class when it is one of this library's
 * errors or a built-in one, else as an `Error` with the same `name`; always
 * with the Worker-side message, stack, data fields, cause and members.
 *
 * @module
 */
import * as errors from "../errors.ts";
import type { Future } from "../tasks/future.ts";
import type { JobReply, SentError } from "./_job_runner.ts";

type AnyErrorClass = new(...args: never[]) => Error;

const BUILTIN: readonly AnyErrorClass[] = [
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  AggregateError,
];

let classes: Map<string, AnyErrorClass> | null = null;

function classByName(name: string): AnyErrorClass | undefined {
  if (classes === null) {
    classes = new Map();
    for (const ctor of BUILTIN) classes.set(ctor.name, ctor);
    for (const value of Object.values(errors)) {
      if (typeof value === "function" && value.prototype instanceof Error) {
        const name = (value.prototype as Error).name;
        classes.set(name, value as unknown as AnyErrorClass);
      }
    }
  }
  return classes.get(name);
}

function isAggregate(ctor: AnyErrorClass): boolean {
  return ctor === AggregateError || ctor.prototype instanceof AggregateError;
}

/** Turns what `serveJobs` sent back into the value to throw. */
export function reviveError(sent: SentError | { thrown: unknown }): unknown {
  if ("thrown" in sent) return sent.thrown;
  const ctor = classByName(sent.name);
  const members = sent.errors?.map(reviveError) ?? [];
  // A real error object (own stack slot, [[ErrorData]]) with the class's
  // prototype, built without running the class's constructor: constructors
  // of this library's errors take other arguments (`partial`, `consumed`).
  const error: Error = ctor === undefined
    ? new Error(sent.message)
    : isAggregate(ctor)
    ? Reflect.construct(AggregateError, [members, sent.message], ctor)
    : Reflect.construct(Error, [sent.message], ctor);
  if (ctor === undefined) {
    Object.defineProperty(error, "name", {
      value: sent.name,
      writable: true,
      configurable: true,
    });
  }
  if (ctor === errors.ExceptionGroup) {
    Object.defineProperty(error, "exceptions", { value: Object.freeze(members) });
  }
  Object.defineProperty(error, "stack", {
    value: sent.stack ?? `${sent.name}: ${sent.message}`,
    writable: true,
    configurable: true,
  });
  Object.assign(error, sent.fields);
  if (sent.cause !== undefined) {
    Object.defineProperty(error, "cause", {
      value: reviveError(sent.cause),
      writable: true,
      configurable: true,
    });
  }
  return error;
}

/** Settles `future` with a Worker's answer, unless it is already done. */
export function settle(future: Future<unknown>, reply: Extract<JobReply, { ok: boolean }>): void {
  if (future.done()) return;
  trySet(() => {
    if (reply.ok) future.setResult(reply.value);
    else future.setException(reviveError(reply.error));
  });
}

/**
 * Runs `set` (which settles a future), ignoring a closed loop: an answer
 * that arrives after the program ended has nobody to hear it.
 */
export function trySet(set: () => void): void {
  try {
    set();
  } catch {
    // closed loop
  }
}

/** `Name: message` of an error, for messages that say why a job failed. */
export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
