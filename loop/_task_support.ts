// The constructors the loop takes from `tasks/`, which it cannot import
// statically without a cycle: tasks/future.ts and tasks/task.ts register them
// as they load (through the re-export in base_event_loop.ts).
import { RuntimeError } from "../errors.ts";
import type { Future } from "../tasks/future.ts";
import type { Task } from "../tasks/task.ts";
import type { AbstractEventLoop, TaskBody, TaskOptions } from "./types.ts";

const COROUTINE_BRAND = Symbol.for("@asyncio/asyncio.Coroutine");

/** `isCoroutine()` of tasks/, which the loop cannot import. */
export function isCoroutineObject(obj: object): boolean {
  return typeof obj === "object" && obj !== null
    && (obj as Record<symbol, unknown>)[COROUTINE_BRAND] === true;
}

/**
 * The constructors the loop needs from `tasks/`, registered by those modules
 * when they load (the loop cannot import them statically without a cycle).
 *
 * @ignore
 */
export const taskSupport: {
  Future?: new<T>(options: { loop: AbstractEventLoop }) => Future<T>;
  Task?: new<T>(
    coro: TaskBody<T>,
    options: TaskOptions & { loop: AbstractEventLoop },
  ) => Task<T>;
  isFuture?: (x: unknown) => x is Future<unknown>;
  wrapAwaitable?: <T>(aw: PromiseLike<T>, loop: AbstractEventLoop) => TaskBody<T>;
} = {};

/** The registered `key`; throws when tasks/ was not loaded. */
export function support<K extends keyof typeof taskSupport>(
  key: K,
): NonNullable<(typeof taskSupport)[K]> {
  const value = taskSupport[key];
  if (value === undefined) {
    throw new RuntimeError(`Task support is not loaded: import "@asyncio/asyncio/tasks"`);
  }
  return value as NonNullable<(typeof taskSupport)[K]>;
}
