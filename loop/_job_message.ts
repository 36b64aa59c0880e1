/**
 * Turns what `submit()` was given into the message a Worker runs, and names
 * the argument that could not be sent.
 *
 * @module
 */
import { valueRepr } from "../_platform/mod.ts";
import type { JobMessage } from "./_job_runner.ts";
import type { ExecutorFunction } from "./executor.ts";

const sources = new WeakMap<object, string>();

function sourceOf(fn: (...args: never[]) => unknown): string {
  let source = sources.get(fn);
  if (source !== undefined) return source;
  source = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new TypeError(
      `Cannot send ${valueRepr(fn)} to a Worker: a native or bound function has no source text `
        + `(pass a self-contained function or a ModuleFunction { module, name })`,
    );
  }
  if (/^class\b/.test(source)) {
    throw new TypeError(`Cannot send ${valueRepr(fn)} to a Worker: it is a class, not a function`);
  }
  sources.set(fn, source);
  return source;
}

function specifierOf(module: unknown): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== "string" || module === "") {
    throw new TypeError(
      `ModuleFunction.module must be a URL or a string, not ${valueRepr(module)}`,
    );
  }
  if (module.startsWith(".") || module.startsWith("/")) {
    throw new TypeError(
      `ModuleFunction.module must be absolute, not the path '${module}': `
        + `the Worker would resolve it against its own location `
        + `(write new URL('${module}', import.meta.url))`,
    );
  }
  // An absolute URL (`file:`, `https:`, `data:`, `npm:`, …) or a bare
  // specifier the Worker resolves as an import.
  return module;
}

/**
 * The message of a job running `fn(...args)`.
 *
 * @throws {TypeError} when `fn` is neither a function nor a `ModuleFunction`,
 * or has no source text, or `args` is not an array.
 */
export function jobMessage(fn: ExecutorFunction<unknown>, args: unknown[]): JobMessage {
  if (!Array.isArray(args)) {
    throw new TypeError(`args must be an array, not ${valueRepr(args)}`);
  }
  if (typeof fn === "function") return { source: sourceOf(fn), args };
  if (typeof fn === "object" && fn !== null && "module" in fn && "name" in fn) {
    if (typeof fn.name !== "string" || fn.name === "") {
      throw new TypeError(
        `ModuleFunction.name must be a non-empty string, not ${valueRepr(fn.name)}`,
      );
    }
    return { module: specifierOf(fn.module), name: fn.name, args };
  }
  throw new TypeError(
    `Cannot run ${
      valueRepr(fn)
    } in a Worker: expected a function or a ModuleFunction { module, name }`,
  );
}

/** The `TypeError` of a job whose message could not be cloned, naming the argument. */
export function unclonableArgument(args: unknown[], error: unknown): TypeError {
  const why = error instanceof Error ? error.message : String(error);
  for (let i = 0; i < args.length; i++) {
    try {
      structuredClone(args[i]);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return new TypeError(
        `Cannot send argument ${i} (${valueRepr(args[i])}) to a Worker: `
          + `it cannot be structured-cloned (${reason})`,
        { cause },
      );
    }
  }
  return new TypeError(`Cannot send the job to a Worker: ${why}`, { cause: error });
}
