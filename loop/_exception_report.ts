// The text the default exception handler logs for an exception context
// (asyncio's `default_exception_handler` formatting), and the dispatch of a
// context to the loop's handler (`call_exception_handler`).
import { valueRepr, writeError } from "../_platform/mod.ts";
import type { AbstractEventLoop, ExceptionContext, ExceptionHandler } from "./types.ts";

/** `context` as one report: the message, the other keys sorted, the error's stack. */
export function formatExceptionContext(context: ExceptionContext): string {
  const lines = [context.message || "Unhandled exception in event loop"];
  for (const key of Object.keys(context).sort()) {
    if (key === "message" || key === "exception") continue;
    const value = context[key];
    if (key === "source_traceback" && Array.isArray(value)) {
      // Where the object was made (debug mode), most recent call last.
      const frames = value.map((f) => `  ${String(f)}`).join("\n");
      lines.push(`${key}: Object created at (most recent call last):\n${frames}`);
      continue;
    }
    lines.push(
      `${key}: ${typeof value === "object" && value !== null ? String(value) : valueRepr(value)}`,
    );
  }
  const exc = context.exception;
  if (exc !== undefined) {
    lines.push(exc instanceof Error && exc.stack ? exc.stack : valueRepr(exc));
  }
  return lines.join("\n");
}

/**
 * Reports `context` to `handler`, or to the loop's default handler when
 * `handler` is null; a handler that throws is itself reported to the default
 * handler, and a default handler that throws is written to standard error.
 */
export function dispatchException(
  loop: AbstractEventLoop,
  handler: ExceptionHandler | null,
  context: ExceptionContext,
): void {
  if (handler === null) {
    try {
      loop.defaultExceptionHandler(context);
    } catch (err) {
      writeError(`Exception in default exception handler: ${valueRepr(err)}`);
    }
    return;
  }
  try {
    handler(loop, context);
  } catch (err) {
    try {
      loop.defaultExceptionHandler({
        message: "Unhandled error in exception handler",
        exception: err,
        context,
      });
    } catch (err2) {
      writeError(`Exception in default exception handler: ${valueRepr(err2)}`);
    }
  }
}
