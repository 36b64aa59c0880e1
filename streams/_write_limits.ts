// The write buffer's high and low water marks, and whether the protocol was
// told to pause. Ports asyncio's `_FlowControlMixin._set_write_buffer_limits`.
import { valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import type { BaseProtocol } from "./protocols.ts";

function checkMark(name: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`${name} must be a number, not ${valueRepr(value)}`);
  }
  return value;
}

/** @ignore Where a failing pauseWriting()/resumeWriting() is reported. */
export type ReportFailure = (message: string, err: unknown) => void;

/** @ignore */
export class WriteLimits {
  high = 64 * 1024;
  low = 16 * 1024;
  /** Whether `pauseWriting()` was called and `resumeWriting()` not yet. */
  paused = false;

  /** Sets the marks: `high` defaults to 64 KiB (or 4 × `low`), `low` to `high / 4`. */
  set(high?: number | null, low?: number | null): void {
    let h = high ?? null;
    let l = low ?? null;
    if (h !== null) h = checkMark("high", h);
    if (l !== null) l = checkMark("low", l);
    if (h === null) h = l === null ? 64 * 1024 : 4 * l;
    if (l === null) l = Math.floor(h / 4);
    if (!(h >= l && l >= 0)) {
      throw new ValueError(`high (${h}) must be >= low (${l}) must be >= 0`);
    }
    this.high = h;
    this.low = l;
  }

  /** Tells `protocol` to pause when `size` went over the high mark (once). */
  maybePause(size: number, protocol: BaseProtocol, report: ReportFailure): void {
    if (size <= this.high || this.paused) return;
    this.paused = true;
    try {
      protocol.pauseWriting?.();
    } catch (err) {
      report("protocol.pause_writing() failed", err);
    }
  }

  /** Tells a paused `protocol` to resume when `size` is at the low mark or under. */
  maybeResume(size: number, protocol: BaseProtocol, report: ReportFailure): void {
    if (!this.paused || size > this.low) return;
    this.paused = false;
    try {
      protocol.resumeWriting?.();
    } catch (err) {
      report("protocol.resume_writing() failed", err);
    }
  }
}
