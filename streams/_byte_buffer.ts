// The StreamReader's buffer: one growable array with a start and an end
// offset, so appending a chunk is one copy into free space (no concatenation
// per chunk) and consuming is an offset bump. The live bytes are
// `#buf[#start .. #end)`. When a chunk does not fit after `#end`, the live
// bytes move to the front (if that frees enough) or into an array twice as
// large. Consumers get arrays of their own (`take`): copies, except that
// a chunk the socket gives away (Node's and Bun's fresh buffers) arriving
// into an empty buffer is adopted as is and handed on when taken whole, so
// a bulk transfer that reads whole chunks copies nothing.

const MIN_CAPACITY = 16 * 1024;
// A chunk given away of at least this many bytes is adopted, not copied.
const DETACH_MIN = 4 * 1024;
const EMPTY = new Uint8Array(0);

/** @ignore */
export class ByteBuffer {
  #buf: Uint8Array = EMPTY;
  // Whether #buf is an array given to push() (then #spare is our own).
  #adopted = false;
  #spare: Uint8Array = EMPTY;
  #start = 0;
  #end = 0;

  /** The number of buffered bytes. */
  get length(): number {
    return this.#end - this.#start;
  }

  /**
   * Appends `data`: a copy, unless `owned` says the caller gives the array
   * away and the buffer is empty, in which case the array itself becomes
   * the buffer (no copy) and a later `take()` of all of it hands it out
   * again (no copy either).
   */
  push(data: Uint8Array, owned = false): void {
    const n = data.length;
    if (owned && this.#end === this.#start && n >= DETACH_MIN) {
      if (!this.#adopted) this.#spare = this.#buf;
      this.#buf = data;
      this.#start = 0;
      this.#end = n;
      this.#adopted = true;
      return;
    }
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
    if (this.#adopted) this.#unadopt();
    const live = this.#end - this.#start;
    const buf = this.#buf;
    if (live + n <= buf.length && this.#start >= buf.length >> 1) {
      buf.copyWithin(0, this.#start, this.#end);
    } else {
      let cap = Math.max(buf.length, MIN_CAPACITY);
      while (cap < live + n) cap *= 2;
      if (cap === buf.length && live + n <= cap) {
        buf.copyWithin(0, this.#start, this.#end);
      } else {
        const next = new Uint8Array(cap);
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
    if (this.#adopted && n === this.#end - start) {
      // All of an array that was given away to us: hand it on, no copy.
      const out = this.#buf.subarray(start, start + n);
      this.#buf = this.#spare;
      this.#spare = EMPTY;
      this.#adopted = false;
      this.#start = this.#end = 0;
      return out;
    }
    const out = this.#buf.slice(start, start + n);
    this.skip(n);
    return out;
  }

  // Moves the live bytes of an adopted array into our own reusable one.
  #unadopt(): void {
    const live = this.#buf.subarray(this.#start, this.#end);
    this.#buf = this.#spare;
    this.#spare = EMPTY;
    this.#adopted = false;
    this.#start = this.#end = 0;
    if (live.length > this.#buf.length) this.#makeRoom(live.length);
    this.#buf.set(live, 0);
    this.#end = live.length;
  }

  /** Removes the first `n` bytes (`n <= length`). */
  skip(n: number): void {
    this.#start += n;
    if (this.#start >= this.#end) {
      this.#start = this.#end = 0;
      if (this.#adopted) {
        this.#buf = this.#spare;
        this.#spare = EMPTY;
        this.#adopted = false;
      }
    }
  }

  /** Removes everything. */
  clear(): void {
    this.skip(this.#end - this.#start);
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
