// The StreamReader's buffer: one growable array with a start and an end
// offset, so appending a chunk is one copy into free space (no concatenation
// per chunk) and consuming is an offset bump. The live bytes are
// `#buf[#start .. #end)`. When a chunk does not fit after `#end`, the live
// bytes move to the front (if that frees enough) or into an array twice as
// large. Consumers get arrays of their own (`take`): a copy, or the whole
// array handed over when they take everything.

const MIN_CAPACITY = 16 * 1024;
// Taking all of at least this many bytes hands the array over (no copy).
const DETACH_MIN = 8 * 1024;
const EMPTY = new Uint8Array(0);

/** @ignore */
export class ByteBuffer {
  #buf: Uint8Array = EMPTY;
  // The capacity the next array gets after one was handed over.
  #capacity = MIN_CAPACITY;
  #start = 0;
  #end = 0;

  /** The number of buffered bytes. */
  get length(): number {
    return this.#end - this.#start;
  }

  /** Appends a copy of `data`. */
  push(data: Uint8Array): void {
    const n = data.length;
    if (this.#end + n > this.#buf.length) this.#makeRoom(n);
    this.#buf.set(data, this.#end);
    this.#end += n;
  }

  /**
   * Free space of at least `size` bytes after the live bytes, for a reader
   * that fills it in place; `commit(n)` then adds `n` of them.
   */
  reserve(size: number): Uint8Array {
    if (this.#end + size > this.#buf.length) this.#makeRoom(size);
    return this.#buf.subarray(this.#end);
  }

  /** Adds `n` bytes written into the array `reserve()` returned. */
  commit(n: number): void {
    this.#end += n;
  }

  #makeRoom(n: number): void {
    const live = this.#end - this.#start;
    const buf = this.#buf;
    if (live + n <= buf.length && this.#start >= buf.length >> 1) {
      buf.copyWithin(0, this.#start, this.#end);
    } else {
      let cap = Math.max(buf.length, this.#capacity);
      while (cap < live + n) cap *= 2;
      if (cap === buf.length && live + n <= cap) {
        buf.copyWithin(0, this.#start, this.#end);
      } else {
        const next = new Uint8Array(cap);
        this.#capacity = cap;
        next.set(buf.subarray(this.#start, this.#end));
        this.#buf = next;
      }
    }
    this.#start = 0;
    this.#end = live;
  }

  /** Removes and returns the first `n` bytes (`n <= length`), as an array of their own. */
  take(n: number): Uint8Array {
    const start = this.#start;
    if (n === this.#end - start && n >= DETACH_MIN) {
      // Everything, and a lot: hand the array over instead of copying, and
      // start a new one at the next push (a read of the whole buffer is the
      // common case of a bulk transfer).
      const out = this.#buf.subarray(start, start + n);
      this.#buf = EMPTY;
      this.#start = this.#end = 0;
      return out;
    }
    const out = this.#buf.slice(start, start + n);
    this.skip(n);
    return out;
  }

  /** Removes the first `n` bytes (`n <= length`). */
  skip(n: number): void {
    this.#start += n;
    if (this.#start >= this.#end) this.#start = this.#end = 0;
  }

  /** Removes everything. */
  clear(): void {
    this.#start = this.#end = 0;
  }

  /** A view of the live bytes (valid until the next change). */
  view(): Uint8Array {
    return this.#buf.subarray(this.#start, this.#end);
  }

  /**
   * The index (from the first live byte) where `sep` starts at or after
   * `from`, or -1.
   */
  indexOf(sep: Uint8Array, from: number): number {
    const buf = this.#buf;
    const start = this.#start;
    const end = this.#end;
    const first = sep[0]!;
    const last = end - sep.length;
    let i = start + from;
    while (i <= last) {
      const hit = buf.indexOf(first, i);
      if (hit === -1 || hit > last) return -1;
      let j = 1;
      while (j < sep.length && buf[hit + j] === sep[j]) j++;
      if (j === sep.length) return hit - start;
      i = hit + 1;
    }
    return -1;
  }

  /** Whether the live bytes hold `sep` at index `at`. */
  startsWith(sep: Uint8Array, at: number): boolean {
    if (at + sep.length > this.length) return false;
    const base = this.#start + at;
    for (let j = 0; j < sep.length; j++) if (this.#buf[base + j] !== sep[j]) return false;
    return true;
  }
}
