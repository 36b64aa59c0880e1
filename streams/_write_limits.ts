// The write buffer's high and low water marks, and whether the protocol was
// told to pause. Ports asyncio's `_FlowControlMixin._set_write_buffer_limits`.
import { valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";

function checkMark(name: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`${name} must be a number, not ${valueRepr(value)}`);
  }
  return value;
}

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
}
