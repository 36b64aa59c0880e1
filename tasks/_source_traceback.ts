// Where a future or task was created, recorded in debug mode only: asyncio's
// `source_traceback`. Kept in a WeakMap so that futures carry no field for
// it (no cost when debug mode is off) and the record goes with the future.

const traces = new WeakMap<object, string[]>();

// Frames this deep are enough to reach the user's code past the library's
// own calls (V8's default, 10, often is not with async frames).
const STACK_LIMIT = 40;

// The library's own location, to tell its frames from the user's: the
// folder above tasks/ when it runs from its module files, or the one file it
// was bundled into. Read from a stack frame of this module (not from
// `import.meta.url`), so that it is written as frames write it, after
// source maps too.
const LIBRARY = ((): { root: string; bundled: boolean } => {
  const top = (new Error().stack ?? "").split("\n").map((l) => l.trim())
    .find((l) => l.startsWith("at ")) ?? "";
  const inParens = /\(([^()]*)\)$/.exec(top);
  const file = (inParens ? inParens[1] as string : top.slice(3)).replace(/(?::\d+)+$/, "");
  const m = /^(.*[\/\\])tasks[\/\\]_source_traceback\.[jt]s$/.exec(file);
  return m ? { root: m[1] as string, bundled: false } : { root: file, bundled: true };
})();

const LIBRARY_FOLDERS =
  /^(?:tasks|loop|_platform|sync|queues|streams|subprocess|signals|testing)\/|^(?:mod|errors)\.[jt]s:/;

// In one bundle with the program, the library's frames are told by name
// (a bundler may rename `Future` to `_Future` or `Future2`).
const CREATING_CALLS =
  /^at (?:new )?(?:[\w$]+\.)?_*(?:recordSourceTraceback|Future|Task|createTask|createFuture|ensureFuture|ensureFutureFor|wrapAwaitable|runUntilComplete)\d*\b/;

// The runtime's own frames (`node:async_hooks`, Deno's `ext:`, native code)
// between the library's frames are skipped with them.
const RUNTIME_FRAME = /(?:\(|^at )(?:node:|ext:)|\(native\)$|^at native$|\[native code\]/;

function isLibraryFrame(frame: string): boolean {
  if (RUNTIME_FRAME.test(frame)) return true;
  const i = frame.indexOf(LIBRARY.root);
  if (i < 0) return false;
  if (LIBRARY.bundled) return CREATING_CALLS.test(frame);
  return LIBRARY_FOLDERS.test(frame.slice(i + LIBRARY.root.length));
}

/**
 * Records where `obj` is being created: the stack of the caller, without
 * the library's own frames on top.
 *
 * @ignore
 */
export function recordSourceTraceback(obj: object): void {
  const E = Error as { stackTraceLimit?: number };
  const saved = E.stackTraceLimit;
  E.stackTraceLimit = STACK_LIMIT;
  const stack = new Error().stack ?? "";
  if (saved !== undefined) E.stackTraceLimit = saved;
  const frames = stack.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("at "));
  let first = 0;
  while (first < frames.length && isLibraryFrame(frames[first] as string)) first++;
  // Nothing but library frames (an unknown layout): keep them all.
  const own = first < frames.length ? frames.slice(first) : frames;
  // Python's order: most recent call last.
  traces.set(obj, own.reverse());
}

/**
 * The frames recorded for `obj` (most recent call last), or `undefined`
 * when it was not created in debug mode.
 *
 * @ignore
 */
export function sourceTraceback(obj: object): string[] | undefined {
  return traces.get(obj);
}

/**
 * `created at file:line:col` for reprs in debug mode, or `""`.
 *
 * @ignore
 */
export function createdAtRepr(obj: object): string {
  const frames = traces.get(obj);
  if (frames === undefined || frames.length === 0) return "";
  const last = frames[frames.length - 1] as string;
  const m = /\(([^()]*)\)$/.exec(last);
  return `created at ${m ? m[1] : last.slice(3)}`;
}
