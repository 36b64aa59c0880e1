// How a StreamReader read finishes, and the waiter of a read that has to
// wait. Woken by incoming data or the end of the stream, the waiter finishes
// the read when its task resumes, in the task's step, as the code after
// asyncio's `await self._wait_for_data()` does: the bytes are taken only
// then, so a read cancelled before that consumes nothing. When the read
// cannot finish yet (too few bytes, no separator yet, or another call took
// the bytes first), it waits again in the task's own scope, as asyncio's
// `while` loop does. No async frame and no helper promise: the hot path of
// every read that waits.
import { IncompleteReadError, LimitOverrunError, ValueError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { inScope, Waiter, type WaitScope } from "../tasks/_waiters.ts";
import type { ByteBuffer } from "./_byte_buffer.ts";
import { toBytes } from "./_reader_args.ts";
import type { StreamReader } from "./stream_reader.ts";

/** @ignore The reads: `read(n)`, `readExactly(n)`, `readUntil(seps)`, `readLine()`. */
export type ReadKind = typeof READ | typeof EXACTLY | typeof UNTIL | typeof LINE;
/** @ignore */
export const READ = 0;
/** @ignore */
export const EXACTLY = 1;
/** @ignore */
export const UNTIL = 2;
/** @ignore */
export const LINE = 3;

/** @ignore The name a read gives in "already waiting" errors, by kind. */
export const READ_NAMES = ["read", "readexactly", "readuntil", "readuntil"] as const;

const NEWLINE = new Uint8Array([10]);

/** @ignore What a read that must wait returns instead of bytes. */
export const AGAIN: unique symbol = Symbol("wait again");

/** @ignore Where a separator search goes on from (bytes already searched). */
export interface SearchState {
  offset: number;
}

/** @ignore A task blocked in a read: what it reads, and how far it searched. */
export class ReadWaiter extends Waiter implements SearchState {
  constructor(
    loop: AbstractEventLoop,
    readonly reader: StreamReader,
    readonly kind: ReadKind,
    readonly n: number,
    readonly seps: readonly Uint8Array[] | null,
    public offset: number,
  ) {
    super(loop);
  }

  override _woken(
    res: (value: unknown) => void,
    rej: (error: unknown) => void,
    scope: WaitScope,
  ): void {
    let data: Uint8Array | typeof AGAIN;
    try {
      data = this.reader._finish(this.kind, this.n, this.seps, this);
    } catch (err) {
      rej(err);
      return;
    }
    if (data !== AGAIN) res(data);
    // Only another call can have emptied the buffer since the wake-up:
    // `read(n)` then returns what is there, nothing, as asyncio's does.
    else if (this.kind === READ) res(new Uint8Array(0));
    else res(inScope(scope, again, this));
  }
}

function again(w: ReadWaiter): Promise<Uint8Array> {
  return w.reader._wait(w.kind, w.n, w.seps, w.offset);
}

/** @ignore `readUntil()`'s separators, shortest first. */
export function separatorList(
  separator: Uint8Array | string | Array<Uint8Array | string>,
): Uint8Array[] {
  const seps = Array.isArray(separator) ? separator.map(toBytes) : [toBytes(separator)];
  if (seps.length === 0) throw new ValueError("Separator should contain at least one element");
  seps.sort((a, b) => a.length - b.length);
  if (seps[0]!.length === 0) throw new ValueError("Separator should be at least one-byte string");
  return seps;
}

/**
 * @ignore Takes what a read of `kind` returns from `buffer`, or returns
 * `AGAIN` when it has to wait (`at`: how far a separator search got).
 */
export function takeFor(
  buffer: ByteBuffer,
  kind: ReadKind,
  n: number,
  seps: readonly Uint8Array[] | null,
  at: SearchState,
  limit: number,
  eof: boolean,
): Uint8Array | typeof AGAIN {
  if (kind === READ || kind === EXACTLY) return takeCount(buffer, n, kind === EXACTLY, eof);
  if (kind === UNTIL) return takeUntil(buffer, seps!, at, limit, eof);
  try {
    return takeUntil(buffer, seps!, at, limit, eof);
  } catch (e) {
    return lineError(e, buffer);
  }
}

/**
 * Takes up to `n` bytes (`exactly`: `n` bytes), or returns `AGAIN`.
 * At `eof`: what is left (`read`), or `IncompleteReadError` (`readExactly`).
 */
function takeCount(
  buffer: ByteBuffer,
  n: number,
  exactly: boolean,
  eof: boolean,
): Uint8Array | typeof AGAIN {
  const length = buffer.length;
  if (exactly ? length < n : length === 0) {
    if (!eof) return AGAIN;
    if (exactly) throw new IncompleteReadError(buffer.take(length), n);
  }
  return buffer.take(exactly ? n : Math.min(n, length));
}

/**
 * Takes the bytes up to the separator match that ends first, or
 * returns `AGAIN` (having searched up to `at.offset`). Throws asyncio's
 * errors: `LimitOverrunError` past `limit`, `IncompleteReadError` at `eof`.
 */
function takeUntil(
  buffer: ByteBuffer,
  seps: readonly Uint8Array[],
  at: SearchState,
  limit: number,
  eof: boolean,
): Uint8Array | typeof AGAIN {
  const length = buffer.length;
  const minLen = seps[0]!.length;
  if (length - at.offset >= minLen) {
    let matchStart = -1;
    let matchEnd = -1;
    for (const sep of seps) {
      const start = buffer.indexOf(sep, at.offset);
      if (start !== -1 && (matchEnd === -1 || start + sep.length < matchEnd)) {
        matchStart = start;
        matchEnd = start + sep.length;
      }
    }
    if (matchEnd !== -1) {
      if (matchStart > limit) {
        throw new LimitOverrunError(
          "Separator is found, but chunk is longer than limit",
          matchStart,
        );
      }
      return buffer.take(matchEnd);
    }
    at.offset = Math.max(0, length + 1 - seps[seps.length - 1]!.length);
    if (at.offset > limit) {
      throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", at.offset);
    }
  }
  if (eof) throw new IncompleteReadError(buffer.take(length), null);
  return AGAIN;
}

/**
 * `readLine()`'s view of `readUntil()`'s errors, as asyncio's: the
 * partial last line at EOF, and a `ValueError` for an over-long line, which
 * is dropped up to its `"\n"` (or the whole buffer when none came yet).
 */
function lineError(e: unknown, buffer: ByteBuffer): Uint8Array {
  if (e instanceof IncompleteReadError) return e.partial;
  if (e instanceof LimitOverrunError) {
    if (buffer.startsWith(NEWLINE, e.consumed)) buffer.skip(e.consumed + 1);
    else buffer.clear();
    throw new ValueError(e.message, { cause: e });
  }
  throw e;
}
