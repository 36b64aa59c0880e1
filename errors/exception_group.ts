/**
 * `ExceptionGroup`: errors raised together, as a `TaskGroup` raises them.
 * Ports Python's built-in `ExceptionGroup` (`split`, `subgroup`, `derive`).
 *
 * @module
 */
import { defineInspect } from "../_platform/inspect.ts";
import { brand } from "./_brand.ts";
import { formatExceptionGroup, groupSummary } from "./_group_format.ts";
import { ValueError } from "./builtin_errors.ts";

/** A class to match errors against with `instanceof`. */
export type ErrorClass = abstract new(...args: never[]) => unknown;

/**
 * What {@linkcode ExceptionGroup.split} and {@linkcode ExceptionGroup.subgroup}
 * match: an error class, an array of error classes (Python's tuple), or a
 * predicate called with each error and each nested group.
 */
export type ExceptionGroupCondition =
  | ErrorClass
  | readonly ErrorClass[]
  | ((error: unknown) => boolean);

/**
 * Errors raised together, as a `TaskGroup` raises the errors of its tasks.
 *
 * `exceptions` is a frozen copy of the errors given (also exposed as
 * `AggregateError`'s `errors`); nested groups keep their structure.
 * {@linkcode ExceptionGroup.split} and {@linkcode ExceptionGroup.subgroup}
 * pick errors out by class or predicate, recursively, the way Python's
 * `except*` does.
 *
 * `String(eg)` adds the count as Python's `str()` does (`ExceptionGroup:
 * msg (2 sub-exceptions)`), and `console.log(eg)` (also `util.inspect`,
 * `Deno.inspect`) prints the group the way Python's traceback does, the
 * same on Deno, Bun and Node:
 *
 * ```text
 * ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
 *     at ...
 * +-+---------------- 1 ----------------
 *   | ValueError: bad port
 *   |     at ...
 *   +---------------- 2 ----------------
 *   | TypeError: not a string
 *   |     at ...
 *   +------------------------------------
 * ```
 *
 * Differences from Python: the errors may be any thrown values, not only
 * `Error`s; there is no `BaseExceptionGroup`; `message` is the message
 * exactly, without the count. A runtime's own report of an uncaught
 * error does not use the printed form (Bun's shows only the first member).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ExceptionGroup, ValueError } from "@asyncio/asyncio/errors";
 *
 * const eg = new ExceptionGroup("unhandled errors in a TaskGroup", [
 *   new ValueError("bad port"),
 *   new TypeError("not a string"),
 * ]);
 * const [values, rest] = eg.split(ValueError);
 * assert.equal(values?.exceptions.length, 1);
 * assert.ok(rest?.exceptions[0] instanceof TypeError);
 * assert.ok(eg instanceof AggregateError);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ExceptionGroup
 */
export class ExceptionGroup extends AggregateError {
  static {
    brand(this, "ExceptionGroup");
    defineInspect(this, formatExceptionGroup);
  }

  /**
   * The errors of this group, in order; nested groups are kept as they are.
   * Frozen, and read-only like Python's.
   */
  declare readonly exceptions: readonly unknown[];

  /**
   * Makes a group of errors.
   *
   * @param message What the errors have in common.
   * @param exceptions The errors: a non-empty array or other iterable.
   * @param options `cause`: the error this group chains to.
   * @throws {TypeError} When `message` is not a string or `exceptions` is not
   *   iterable (or is a string).
   * @throws {ValueError} When `exceptions` is empty.
   */
  constructor(message: string, exceptions: Iterable<unknown>, options?: ErrorOptions) {
    const list = toExceptionList(message, exceptions);
    super(list, message, options);
    // Non-enumerable like `errors`, which inspectors already print. And
    // AggregateError copies the list into a fresh mutable array: make `errors`
    // the same frozen list so the two can never disagree.
    Object.defineProperty(this, "exceptions", { value: list });
    Object.defineProperty(this, "errors", { value: list, writable: true, configurable: true });
  }

  /**
   * Splits the group in two: the errors that match `condition` and the rest.
   *
   * The condition is tried on the group itself first (a match returns
   * `[this, null]`), then on each error, recursing into nested groups. Each
   * side is built with {@linkcode ExceptionGroup.derive}, keeps the nesting
   * of the original, and gets its `cause` and `stack`.
   *
   * @param condition An error class, an array of them, or a predicate.
   * @returns `[match, rest]`, each `null` when empty.
   * @throws {TypeError} When `condition` is none of those, or `derive()`
   *   does not return an `ExceptionGroup`.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup, ValueError } from "@asyncio/asyncio/errors";
   *
   * const inner = new ExceptionGroup("inner", [new ValueError("a"), new TypeError("b")]);
   * const eg = new ExceptionGroup("outer", [new ValueError("c"), inner]);
   * const [match, rest] = eg.split((e) => e instanceof ValueError);
   * assert.equal(match?.exceptions.length, 2); // ValueError("c"), ExceptionGroup("inner", [a])
   * assert.equal(rest?.exceptions.length, 1); // ExceptionGroup("inner", [b])
   * const [none, all] = eg.split(RangeError);
   * assert.equal(none, null);
   * assert.equal(all?.exceptions.length, 2);
   * ```
   *
   * @see https://docs.python.org/3/library/exceptions.html#BaseExceptionGroup.split
   */
  split(condition: ExceptionGroupCondition): [ExceptionGroup | null, ExceptionGroup | null] {
    const { match, rest } = splitGroup(this, toMatcher(condition, "split ExceptionGroup"), true);
    return [match, rest];
  }

  /**
   * Returns the part of the group that matches `condition`, like the first
   * half of {@linkcode ExceptionGroup.split}.
   *
   * @param condition An error class, an array of them, or a predicate.
   * @returns The matching group (`this` when the group itself matches), or
   *   `null` when nothing matches.
   * @throws {TypeError} When `condition` is not a class, an array of classes
   *   or a function.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup, QueueFull, ValueError } from "@asyncio/asyncio/errors";
   *
   * const eg = new ExceptionGroup("errors", [new ValueError("a"), new TypeError("b")]);
   * assert.equal(eg.subgroup(ValueError)?.exceptions.length, 1);
   * assert.equal(eg.subgroup(QueueFull), null);
   * assert.equal(eg.subgroup(Error), eg);
   * ```
   *
   * @see https://docs.python.org/3/library/exceptions.html#BaseExceptionGroup.subgroup
   */
  subgroup(condition: ExceptionGroupCondition): ExceptionGroup | null {
    return splitGroup(this, toMatcher(condition, "take a subgroup of ExceptionGroup"), false).match;
  }

  /**
   * Makes a group with the same message and other errors; `split()` and
   * `subgroup()` build their results with it.
   *
   * Override it in a subclass so that those results keep the subclass (and
   * any extra fields). It copies nothing else; `split()` and `subgroup()`
   * copy `cause` and `stack` themselves.
   *
   * @param exceptions The errors of the new group.
   * @returns A new `ExceptionGroup` (not a subclass) with this message.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup } from "@asyncio/asyncio/errors";
   *
   * const eg = new ExceptionGroup("errors", [new Error("a"), new Error("b")]);
   * const one = eg.derive([eg.exceptions[0]]);
   * assert.equal(one.message, "errors");
   * assert.equal(one.exceptions.length, 1);
   * ```
   *
   * @see https://docs.python.org/3/library/exceptions.html#BaseExceptionGroup.derive
   */
  derive(exceptions: Iterable<unknown>): ExceptionGroup {
    return new ExceptionGroup(this.message, exceptions);
  }

  /**
   * The group's name, message and count, as Python's `str()` gives the
   * message and count.
   *
   * @returns `ExceptionGroup: msg (2 sub-exceptions)`.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup } from "@asyncio/asyncio/errors";
   *
   * const eg = new ExceptionGroup("errors", [new Error("a"), new Error("b")]);
   * assert.equal(String(eg), "ExceptionGroup: errors (2 sub-exceptions)");
   * assert.equal(eg.message, "errors");
   * ```
   */
  override toString(): string {
    return `${this.name}: ${groupSummary(this.message, this.exceptions.length)}`;
  }
}

function toExceptionList(message: unknown, exceptions: unknown): readonly unknown[] {
  if (typeof message !== "string") {
    throw new TypeError("Cannot create ExceptionGroup: message must be a string");
  }
  const iterable = typeof exceptions === "object" && exceptions !== null
    && typeof (exceptions as Partial<Iterable<unknown>>)[Symbol.iterator] === "function";
  if (!iterable) {
    throw new TypeError(
      "Cannot create ExceptionGroup: exceptions must be a sequence (an array or other iterable)",
    );
  }
  const list = Object.freeze([...(exceptions as Iterable<unknown>)]);
  if (list.length === 0) {
    throw new ValueError("Cannot create ExceptionGroup: exceptions must be a non-empty sequence");
  }
  return list;
}

type Matcher = (error: unknown) => boolean;

function isErrorClass(value: unknown): value is ErrorClass {
  // A class and a predicate are both functions; an error class is told apart
  // by its prototype (which branded classes from another copy share too).
  return typeof value === "function"
    && (value === Error || (value.prototype as unknown) instanceof Error);
}

function toMatcher(condition: ExceptionGroupCondition, action: string): Matcher {
  if (isErrorClass(condition)) return (e) => e instanceof condition;
  if (Array.isArray(condition) && condition.every(isErrorClass)) {
    const classes: readonly ErrorClass[] = condition;
    return (e) => classes.some((Class) => e instanceof Class);
  }
  if (typeof condition === "function") {
    const predicate = condition as (error: unknown) => unknown;
    return (e) => Boolean(predicate(e));
  }
  throw new TypeError(
    `Cannot ${action}: condition must be an error class, an array of error classes or a predicate`,
  );
}

interface SplitResult {
  match: ExceptionGroup | null;
  rest: ExceptionGroup | null;
}

// Python's algorithm: a group matched as a whole goes to one side untouched;
// otherwise each nested group is split recursively and each side is rebuilt
// with `derive()`, so both sides keep the original nesting.
function splitGroup(group: ExceptionGroup, matches: Matcher, withRest: boolean): SplitResult {
  if (matches(group)) return { match: group, rest: null };
  const matched: unknown[] = [];
  const others: unknown[] = [];
  for (const e of group.exceptions) {
    if (e instanceof ExceptionGroup) {
      const part = splitGroup(e, matches, withRest);
      if (part.match !== null) matched.push(part.match);
      if (part.rest !== null) others.push(part.rest);
    } else if (matches(e)) {
      matched.push(e);
    } else {
      others.push(e);
    }
  }
  return {
    match: derivePart(group, matched),
    rest: withRest ? derivePart(group, others) : null,
  };
}

// Python copies __cause__, __context__, __traceback__ and notes onto each
// side; here that is `cause` and `stack`.
function derivePart(group: ExceptionGroup, exceptions: unknown[]): ExceptionGroup | null {
  if (exceptions.length === 0) return null;
  const part: unknown = group.derive(exceptions);
  if (!(part instanceof ExceptionGroup)) {
    throw new TypeError("Cannot split ExceptionGroup: derive() must return an ExceptionGroup");
  }
  if (Object.hasOwn(group, "cause")) {
    Object.defineProperty(part, "cause", {
      value: group.cause,
      writable: true,
      configurable: true,
    });
  }
  if (typeof group.stack === "string") {
    Object.defineProperty(part, "stack", {
      value: group.stack,
      writable: true,
      configurable: true,
    });
  }
  return part;
}
