// A future's state as reprs and `toJSON()` show it (asyncio's
// `_future_repr_info`).
import { valueRepr } from "../_platform/mod.ts";
import { CANCELLED, ERROR, PENDING, RESULT } from "./_future_state.ts";
import { createdAtRepr } from "./_source_traceback.ts";
import type { Future, FutureJSON } from "./future.ts";

/** @ignore Python's state names, for reprs. */
export function stateName(f: Future<unknown>): string {
  return f._state === PENDING ? "pending" : f._state === CANCELLED ? "cancelled" : "finished";
}

/** @ignore The tail of a future's repr: result, exception or callbacks. */
export function futureReprInfo(f: Future<unknown>): string[] {
  const info = [stateName(f)];
  if (f._state === RESULT) info.push(`result=${valueRepr(f._result)}`);
  else if (f._state === ERROR) info.push(`exception=${valueRepr(f._exception)}`);
  const cbs = f._callbacksRepr();
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
