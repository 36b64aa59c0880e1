// deno-lint-ignore-file no-explicit-any -- `then` mirrors lib.es5's PromiseLike signature, and
// the wrapped function takes any arguments.
/**
 * Lazy coroutine objects (DESIGN.md §2): `coroutine(fn)` wraps an async
 * function so that calling it runs nothing until a task adopts the result or
 * someone awaits it, like a Python coroutine object.
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { defineRepr, valueRepr } from "../_platform/mod.ts";
import { RuntimeError } from "../errors.ts";

const COROUTINE_BRAND = Symbol.for("@asyncio/asyncio.Coroutine");

/**
 * A lazy call of an async function: it starts when a task adopts it or when
 * it is awaited, and can start only once.
 */
export interface Coroutine<T> extends PromiseLike<T> {
  /** Whether the call has started. */
  readonly started: boolean;
  /** The wrapped function's name. */
  readonly name: string;
}

// What every call of one `coroutine()` wrapper shares: the function, its
// name, and how its argument is kept. A call with one argument keeps it
// as is (`single`), any other call keeps the array of its arguments: a
// pending coroutine is four fields, with no array for the usual one-argument
// call.
interface CoroutineKind {
  readonly fn: (...args: any[]) => PromiseLike<unknown>;
  readonly name: string;
  readonly single: boolean;
}

const NO_ARGS: unknown[] = [];

class CoroutineObject<T> implements Coroutine<T> {
  readonly #kind: CoroutineKind;
  #args: unknown;
  #promise: Promise<T> | null = null;
  /** @ignore The task that adopted this coroutine, if any. */
  _task: unknown = null;

  constructor(kind: CoroutineKind, args: unknown) {
    this.#kind = kind;
    this.#args = args;
  }

  get started(): boolean {
    return this.#promise !== null;
  }

  get name(): string {
    return this.#kind.name;
  }

  get [COROUTINE_BRAND](): true {
    return true;
  }

  /** Starts the call in the current async context; throws if it started already. */
  _start(): Promise<T> {
    if (this.#promise !== null) throw new RuntimeError("cannot reuse already awaited coroutine");
    try {
      const { fn, single } = this.#kind;
      const args = this.#args;
      // A started coroutine no longer needs its arguments: a task parked for
      // a long time keeps only what its running function keeps.
      this.#args = NO_ARGS;
      let result: PromiseLike<unknown>;
      if (single) result = fn(args);
      else {
        const list = args as unknown[];
        result = list.length === 0
          ? fn()
          : list.length === 2
          ? fn(list[0], list[1])
          : fn.apply(undefined, list);
      }
      this.#promise = (result instanceof Promise ? result : Promise.resolve(result)) as Promise<T>;
    } catch (err) {
      this.#promise = Promise.reject(err);
    }
    return this.#promise;
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    let promise: Promise<T>;
    try {
      promise = this._start();
    } catch (err) {
      promise = Promise.reject(err);
    }
    return promise.then(onfulfilled, onrejected);
  }
}

defineRepr(CoroutineObject, (c) => `<coroutine ${c.name}()${c.started ? " running" : ""}>`);

const COROUTINE_OPTIONS = ["name"] as const;

/** Options of {@linkcode coroutine}. */
export interface CoroutineOptions {
  /**
   * The name reprs show (`coro=<name()>`), for an anonymous function:
   * `const work = coroutine(async () => …, { name: "work" })`. Default: the
   * function's own name, else `anonymous`.
   */
  name?: string;
}

/**
 * Wraps an async function so that calling it returns a lazy
 * {@linkcode Coroutine}, as calling an `async def` function does in Python:
 * `run(main())`, `createTask(worker(i))`, `gather(a(), b())` read as in
 * Python, and nothing runs until the task (or an `await`) starts it.
 *
 * Reprs name the coroutine after the function (`coro=<work()>`). JavaScript
 * names a function after the variable it is assigned to only when the
 * function itself is assigned, so `const work = coroutine(async () => …)`
 * leaves it anonymous: pass `{ name: "work" }`, or wrap a named function
 * (`coroutine(async function work() { … })`).
 *
 * @param fn The async function.
 * @param options `name`: the name reprs show.
 * @returns A function with the same parameters that returns a coroutine.
 * @throws {TypeError} when `fn` is not a function, or `options` has
 * another key than `name`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coroutine, run, sleep } from "@asyncio/asyncio";
 *
 * const add = coroutine(async (a: number, b: number) => {
 *   await sleep(0);
 *   return a + b;
 * });
 * const coro = add(1, 2);
 * assert.equal(coro.started, false);
 * assert.equal(await run(coro), 3);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#coroutines
 */
export function coroutine<A extends unknown[], T>(
  fn: (...args: A) => PromiseLike<T>,
  options?: CoroutineOptions,
): (...args: A) => Coroutine<T> {
  if (typeof fn !== "function") {
    throw new TypeError(`coroutine() takes an async function, got ${valueRepr(fn)}`);
  }
  checkOptions(options, COROUTINE_OPTIONS, "call coroutine()");
  const given = options?.name;
  const name = given !== undefined && given !== null ? String(given) : fn.name || "anonymous";
  const call = fn as (...args: any[]) => PromiseLike<unknown>;
  const list: CoroutineKind = { fn: call, name, single: false };
  const single: CoroutineKind = { fn: call, name, single: true };
  // `arguments` (not a rest parameter): a one-argument call makes no array.
  const make = function(): Coroutine<T> {
    if (arguments.length === 1) return new CoroutineObject<T>(single, arguments[0]);
    if (arguments.length === 0) return new CoroutineObject<T>(list, NO_ARGS);
    return new CoroutineObject<T>(list, Array.prototype.slice.call(arguments));
  } as unknown as (...args: A) => Coroutine<T>;
  Object.defineProperty(make, "name", { value: name === "anonymous" ? "" : name });
  return make;
}

/**
 * Whether `obj` is a {@linkcode Coroutine} made by {@linkcode coroutine}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coroutine, isCoroutine } from "@asyncio/asyncio";
 *
 * const f = coroutine(async () => 1);
 * assert.equal(isCoroutine(f()), true);
 * assert.equal(isCoroutine(Promise.resolve(1)), false);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.iscoroutine
 */
export function isCoroutine(obj: unknown): obj is Coroutine<unknown> {
  return typeof obj === "object" && obj !== null
    && (obj as Record<symbol, unknown>)[COROUTINE_BRAND] === true;
}

/** @ignore Starts a `CoroutineLike` in the current context and returns its promise. */
export function startCoroutine<T>(coro: unknown): PromiseLike<T> {
  if (typeof coro === "function") return (coro as () => PromiseLike<T>)();
  if (isCoroutine(coro)) return (coro as CoroutineObject<T>)._start();
  return coro as PromiseLike<T>;
}

/**
 * The message of the error `createTask`, `TaskGroup.createTask`, `run()`
 * and `Runner.run()` throw for anything but a coroutine or a function:
 * asyncio's words, then what to write instead.
 *
 * @ignore
 */
export function refusedBodyMessage(value: unknown, call: string): string {
  const got = valueRepr(value);
  const isThenable = typeof value === "object" && value !== null
    && typeof (value as PromiseLike<unknown>).then === "function";
  if (!isThenable) {
    return `a coroutine was expected, got ${got}: ${call}() takes a coroutine() object or a zero-argument async function`;
  }
  // The main task's function is `main` by habit, a child's `work`.
  const isMain = call === "run" || call === "Runner.run";
  const work = isMain ? "main()" : "work(i)";
  const fn = isMain ? "main" : "work";
  const what = got.startsWith("<")
    ? got
    : value instanceof Promise
    ? "a running Promise"
    : `a thenable ${got}`;
  return `a coroutine was expected, got ${what}: ${call}() takes a coroutine() object or a `
    + `zero-argument function, since a promise already runs in the caller's context where the `
    + `task cannot cancel it; write ${call}(() => ${work}), or wrap the function with `
    + `coroutine(${fn}), or use ensureFuture(promise) to wait on a promise the task will not own`;
}

/** @ignore A short description of a `CoroutineLike` for reprs. */
export function coroutineRepr(coro: unknown): string {
  if (typeof coro === "function") return `${coro.name || "anonymous"}()`;
  if (isCoroutine(coro)) return `${coro.name}()`;
  return (coro as object)?.constructor?.name ?? "awaitable";
}

/** @ignore Records that `task` adopted `coro` (see {@linkcode coroutineTask}). */
export function claimCoroutine(coro: Coroutine<unknown>, task: unknown): void {
  (coro as CoroutineObject<unknown>)._task = task;
}

/** @ignore The task that adopted `coro` last, or `null`. */
export function coroutineTask(coro: Coroutine<unknown>): unknown {
  return (coro as CoroutineObject<unknown>)._task;
}
