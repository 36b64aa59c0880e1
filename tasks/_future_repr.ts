// A future's state as reprs and `toJSON()` show it (asyncio's
// `_future_repr_info`).
import { valueRepr } from "../_platform/mod.ts";
import { callbackRepr } from "../loop/handle.ts";
import { CANCELLED, ERROR, PENDING, RESULT } from "./_future_state.ts";
import { createdAtRepr } from "./_source_traceback.ts";
import { type DoneCallback, Waiter } from "./_waiter.ts";
import type { Future } from "./future.ts";

// asyncio's `_format_callbacks`: a waiting task shows as its wake-up.
function callbacksRepr(f: Future<unknown>): string {
  const names: string[] = [];
  const entries = f._cb;
  for (const e of entries === null ? [] : Array.isArray(entries) ? entries : [entries]) {
    const wakeup = e instanceof Waiter || e === (f as unknown);
    names.push(wakeup ? "Task.taskWakeup()" : callbackRepr(e as DoneCallback, []));
  }
  if (names.length > 2) return `cb=[${names[0]}, <${names.length - 2} more>, ${names.at(-1)}]`;
  return names.length > 0 ? `cb=[${names.join(", ")}]` : "";
}

/** @ignore Python's state names, for reprs. */
export function stateName(f: Future<unknown>): string {
  return f._state === PENDING ? "pending" : f._state === CANCELLED ? "cancelled" : "finished";
}

/** @ignore The tail of a future's repr: result, exception or callbacks. */
export function futureReprInfo(f: Future<unknown>): string[] {
  const info = [stateName(f)];
  if (f._state === RESULT) info.push(`result=${valueRepr(f._result)}`);
  else if (f._state === ERROR) info.push(`exception=${valueRepr(f._exception)}`);
  const cbs = callbacksRepr(f);
  if (cbs) info.push(cbs);
  const createdAt = createdAtRepr(f);
  if (createdAt) info.push(createdAt);
  return info;
}

/** @ignore The state part of `toJSON()`. */
export function futureJSON(f: Future<unknown>): FutureJSON {
  const json: FutureJSON = { state: stateName(f) };
  try {
    if (f._state === RESULT) json.result = valueRepr(f._result);
    else if (f._state === ERROR) json.exception = valueRepr(f._exception);
  } catch {
    json[f._state === RESULT ? "result" : "exception"] = "<unprintable>";
  }
  const createdAt = createdAtRepr(f);
  if (createdAt) json.createdAt = createdAt.slice("created at ".length);
  return json;
}

/** What `JSON.stringify` gives for a future or a task. */
export interface FutureJSON {
  /** The task's name (tasks only). */
  name?: string;
  /** `"pending"`, `"finished"` or `"cancelled"`. */
  state: string;
  /** The coroutine, as reprs show it (tasks only). */
  coro?: string;
  /** The result's repr, when finished with one. */
  result?: string;
  /** The error's repr, when finished with one. */
  exception?: string;
  /** Where it was created, in debug mode. */
  createdAt?: string;
}
