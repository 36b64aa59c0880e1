/**
 * The printed form of an `ExceptionGroup`, shaped like the traceback Python
 * prints for a group: the group's line with its count, its stack frames,
 * then each member in a numbered box, nested groups nested. Private to
 * `errors/`.
 *
 * ```text
 * ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
 *     at main (file:///app.ts:9:3)
 * +-+---------------- 1 ----------------
 *   | ValueError: bad port
 *   |     at connect (file:///app.ts:3:9)
 *   +---------------- 2 ----------------
 *   | ExceptionGroup: inner (1 sub-exception)
 *   +-+---------------- 1 ----------------
 *     | TypeError: not a string
 *     +------------------------------------
 * ```
 *
 * Python's limits apply: 15 members per group are shown (then `and N more
 * exceptions`) and groups nest 10 deep (then `... (max_group_depth is
 * 10)`). A member's `cause` is printed before it, as Python prints
 * `__cause__`.
 *
 * @module
 */
import { hasBrand } from "./_brand.ts";

const MAX_WIDTH = 15;
const MAX_DEPTH = 10;

/** What the formatter reads of a group. */
interface GroupLike {
  readonly name: string;
  readonly message: string;
  readonly exceptions: readonly unknown[];
  readonly stack?: string | undefined;
  readonly cause?: unknown;
}

interface Context {
  readonly lines: string[];
  readonly show: (value: unknown) => string;
  // Errors printed on the way down (a cause chain may loop).
  readonly seen: Set<unknown>;
  // The last member of a group was reached; the innermost group to end
  // there draws the closing line, once.
  needClose: boolean;
}

/** `msg (2 sub-exceptions)`: Python's `str()` of a group. */
export function groupSummary(message: string, count: number): string {
  return `${message} (${count} sub-exception${count === 1 ? "" : "s"})`;
}

/**
 * Formats `group` as above.
 *
 * @param group The group.
 * @param show Formats a member that is not an `Error` (the runtime's own
 *   inspector, when it gives one).
 * @returns The text, without a final newline.
 */
export function formatExceptionGroup(group: GroupLike, show: (value: unknown) => string): string {
  const ctx: Context = { lines: [], show, seen: new Set(), needClose: false };
  writeGroup(group, 0, ctx);
  return ctx.lines.join("\n");
}

function isGroup(value: unknown): value is GroupLike {
  return hasBrand(value, "ExceptionGroup");
}

// A group at depth 0 prints without a prefix; the members of a group at
// depth d print behind `"  ".repeat(d + 1) + "| "`, so a nested group's
// own lines line up with its siblings.
function prefixOf(depth: number): string {
  return depth === 0 ? "" : `${"  ".repeat(depth)}| `;
}

function writeGroup(group: GroupLike, depth: number, ctx: Context): void {
  writeCause(group, depth, ctx);
  const prefix = prefixOf(depth);
  const count = group.exceptions.length;
  pushText(ctx, prefix, `${group.name}: ${groupSummary(group.message, count)}`);
  for (const frame of framesOf(group)) ctx.lines.push(prefix + frame);
  const indent = "  ".repeat(depth);
  const shown = Math.min(count, MAX_WIDTH + 1);
  for (let i = 0; i < shown; i++) {
    const last = i === shown - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_WIDTH;
    const title = truncated ? "..." : String(i + 1);
    ctx.lines.push(`${indent}${i === 0 ? "+-" : "  "}+---------------- ${title} ----------------`);
    if (truncated) {
      const more = count - MAX_WIDTH;
      ctx.lines.push(`${prefixOf(depth + 1)}and ${more} more exception${more === 1 ? "" : "s"}`);
    } else {
      writeMember(group.exceptions[i], depth + 1, ctx);
    }
    if (last && ctx.needClose) {
      ctx.lines.push(`${indent}  +------------------------------------`);
      ctx.needClose = false;
    }
  }
}

function writeMember(member: unknown, depth: number, ctx: Context): void {
  if (ctx.seen.has(member)) {
    ctx.lines.push(`${prefixOf(depth)}[Circular ${nameOf(member)}]`);
    return;
  }
  ctx.seen.add(member);
  try {
    if (isGroup(member)) {
      if (depth >= MAX_DEPTH) {
        ctx.lines.push(`${prefixOf(depth)}... (max_group_depth is ${MAX_DEPTH})`);
      } else {
        writeGroup(member, depth, ctx);
      }
    } else if (member instanceof Error) {
      writeCause(member, depth, ctx);
      writeError(member, depth, ctx);
    } else {
      pushText(ctx, prefixOf(depth), ctx.show(member));
    }
  } finally {
    ctx.seen.delete(member);
  }
}

function writeError(error: Error, depth: number, ctx: Context): void {
  const prefix = prefixOf(depth);
  pushText(ctx, prefix, error.message === "" ? error.name : `${error.name}: ${error.message}`);
  for (const frame of framesOf(error)) ctx.lines.push(prefix + frame);
}

// Python prints the cause first, then "The above exception was the direct
// cause of the following exception:".
function writeCause(error: { readonly cause?: unknown }, depth: number, ctx: Context): void {
  if (!Object.hasOwn(error, "cause") || error.cause === undefined) return;
  const cause = error.cause;
  const prefix = prefixOf(depth);
  if (ctx.seen.has(cause)) return;
  ctx.seen.add(cause);
  try {
    if (isGroup(cause) && depth < MAX_DEPTH) {
      // A group as a cause prints in full, at this depth.
      const saved = ctx.needClose;
      ctx.needClose = false;
      writeGroup(cause, depth, ctx);
      ctx.needClose = saved;
    } else if (cause instanceof Error) {
      writeCause(cause, depth, ctx);
      writeError(cause, depth, ctx);
    } else {
      pushText(ctx, prefix, ctx.show(cause));
    }
  } finally {
    ctx.seen.delete(cause);
  }
  ctx.lines.push(
    prefix,
    `${prefix}The above exception was the direct cause of the following exception:`,
    prefix,
  );
}

function pushText(ctx: Context, prefix: string, text: string): void {
  for (const line of text.split("\n")) ctx.lines.push(prefix + line);
}

// The `at ...` lines of the stack (V8's and JavaScriptCore's form in Deno,
// Bun and Node), without the header, which repeats the message.
function framesOf(error: { readonly stack?: unknown }): string[] {
  let stack: unknown;
  try {
    stack = error.stack;
  } catch {
    return [];
  }
  if (typeof stack !== "string") return [];
  const frames: string[] = [];
  for (const line of stack.split("\n")) {
    if (/^\s+at\s/.test(line)) frames.push(`    ${line.trim()}`);
  }
  return frames;
}

function nameOf(value: unknown): string {
  return value instanceof Error ? value.name : typeof value;
}
