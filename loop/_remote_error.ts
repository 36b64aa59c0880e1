/**
 * Rebuilds on the host an error thrown in an executor Worker: with its class
 * when it is one of this library's errors or a built-in one, else as an
 * `Error` with the same `name`; always with the Worker-side message, stack,
 * data fields, cause and members.
 *
 * @module
 */
import * as errors from "../errors.ts";
import type { SentError } from "./_job_runner.ts";

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
