// The StreamReader's buffer. The live bytes are the bytes of an own,
// growable array (`#buf[#start .. #end)`) followed by a queue of arrays the
// socket gave away (`#chunks`, the first one read from `#head` on).
//
// - An array given away (Node's and Bun's fresh buffers, Deno's read
//   buffers) is queued as is: no copy. A copied push (`feedData()` of the
//   user's array) goes into the own array.
// - `take(n)` hands a queued array on when it is taken whole, and a view of
//   it when most of it is taken (nobody else writes into it, so the view is
//   the reader's to give); several arrays, a small part of a large one, or
//   bytes of the own array are copied into a new array. A bulk transfer that
//   reads whole chunks copies nothing.
// - Searching (`indexOf`, `startsWith`) needs the bytes in one
//   piece: the queue is first appended to the own array (each byte moves at
//   most once; the own array grows by doubling and compacts in place).
//
// Consumers always get arrays nobody else writes into.

const MIN_CAPACITY = 16 * 1024;
// A part of a queued array smaller than this fraction of it is copied, so a
// small result does not keep a large array alive.
const VIEW_FRACTION = 4;
const EMPTY = new Uint8Array(0);

/** @ignore */
export class ByteBuffer {
  #buf: Uint8Array = EMPTY;
  #start = 0;
  #end = 0;
  #chunks: Uint8Array[] = [];
  #head = 0; // bytes of #chunks[0] already taken
  #queued = 0; // live bytes in #chunks
  #pieceStart = 0; // set by #piece()
  #pieceEnd = 0;

  /** The number of buffered bytes. */
  get length(): number {
    return this.#end - this.#start + this.#queued;
  }

  /**
   * Appends `data`: a copy, unless `owned` says the caller gives the array
   * away; then the array itself is queued (no copy) and may be handed out
   * again by `take()`.
   */
  push(data: Uint8Array, owned = false): void {
    const n = data.length;
    if (n === 0) return;
    if (owned) {
      this.#chunks.push(data);
      this.#queued += n;
      return;
    }
    if (this.#queued > 0) this.#flatten(n);
    else if (this.#end + n > this.#buf.length) this.#makeRoom(n);
    this.#buf.set(data, this.#end);
    this.#end += n;
  }

  // Room for `n` more bytes after #end in the own array.
  #makeRoom(n: number): void {
    const live = this.#end - this.#start;
    const buf = this.#buf;
    if (live + n <= buf.length && (live === 0 || this.#start >= buf.length >> 1)) {
      buf.copyWithin(0, this.#start, this.#end);
    } else {
      let cap = Math.max(buf.length, MIN_CAPACITY);
      while (cap < live + n) cap *= 2;
      if (cap === buf.length) {
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

  // Moves the queued arrays into the own array, with room for `extra` more bytes.
  #flatten(extra: number): void {
    const queued = this.#queued;
    if (this.#end + queued + extra > this.#buf.length) this.#makeRoom(queued + extra);
    const buf = this.#buf;
    let at = this.#end;
    const chunks = this.#chunks;
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i]!;
      if (i === 0 && this.#head > 0) {
        buf.set(c.subarray(this.#head), at);
        at += c.length - this.#head;
      } else {
        buf.set(c, at);
        at += c.length;
      }
    }
    this.#end = at;
    this.#chunks = [];
    this.#head = 0;
    this.#queued = 0;
  }

  /** Removes and returns the first `n` bytes (`n <= length`), as an array nobody else writes. */
  take(n: number): Uint8Array {
    if (n === 0) return EMPTY;
    const own = this.#end - this.#start;
    if (own === 0) {
      const first = this.#chunks[0]!;
      const head = this.#head;
      const avail = first.length - head;
      if (n === avail) {
        // All of an array given away to us (or all that is left of it).
        this.#chunks.shift();
        this.#head = 0;
        this.#queued -= n;
        return head === 0 ? first : first.subarray(head);
      }
      if (n < avail && n * VIEW_FRACTION >= first.length) {
        this.#head = head + n;
        this.#queued -= n;
        return first.subarray(head, head + n);
      }
    } else if (n <= own) {
      const start = this.#start;
      const out = this.#buf.slice(start, start + n);
      this.skip(n);
      return out;
    }
    const out = new Uint8Array(n);
    this.#copyOut(out, n);
    return out;
  }

  // Copies the first `n` bytes into `out` and removes them.
  #copyOut(out: Uint8Array, n: number): void {
    let at = 0;
    const own = this.#end - this.#start;
    if (own > 0) {
      const k = Math.min(own, n);
      out.set(this.#buf.subarray(this.#start, this.#start + k), 0);
      at = k;
    }
    this.skip(at);
    const chunks = this.#chunks;
    while (at < n) {
      const c = chunks[0]!;
      const head = this.#head;
      const k = Math.min(c.length - head, n - at);
      out.set(head === 0 && k === c.length ? c : c.subarray(head, head + k), at);
      at += k;
      this.skip(k);
    }
  }

  /** Removes the first `n` bytes (`n <= length`). */
  skip(n: number): void {
    const own = this.#end - this.#start;
    if (n <= own) {
      this.#start += n;
      if (this.#start === this.#end) this.#start = this.#end = 0;
      return;
    }
    this.#start = this.#end = 0;
    let left = n - own;
    this.#queued -= left;
    const chunks = this.#chunks;
    while (left > 0) {
      const avail = chunks[0]!.length - this.#head;
      if (left < avail) {
        this.#head += left;
        return;
      }
      left -= avail;
      chunks.shift();
      this.#head = 0;
    }
  }

  /** Removes everything. */
  clear(): void {
    this.#start = this.#end = 0;
    this.#chunks = [];
    this.#head = 0;
    this.#queued = 0;
  }

  // The live bytes in one piece: the own array, or the only queued array
  // when the own one is empty, else the queue appended to the own array.
  // Sets #pieceStart/#pieceEnd.
  #piece(): Uint8Array {
    if (this.#queued > 0) {
      if (this.#end === this.#start && this.#chunks.length === 1) {
        const only = this.#chunks[0]!;
        this.#pieceStart = this.#head;
        this.#pieceEnd = only.length;
        return only;
      }
      this.#flatten(0);
    }
    this.#pieceStart = this.#start;
    this.#pieceEnd = this.#end;
    return this.#buf;
  }

  /** A view of the live bytes (valid until the next change). */
  view(): Uint8Array {
    const piece = this.#piece();
    return piece.subarray(this.#pieceStart, this.#pieceEnd);
  }

  /**
   * The index (from the first live byte) where `sep` starts at or after
   * `from`, or -1.
   */
  indexOf(sep: Uint8Array, from: number): number {
    const buf = this.#piece();
    const start = this.#pieceStart;
    const end = this.#pieceEnd;
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
    const buf = this.#piece();
    const base = this.#pieceStart + at;
    for (let j = 0; j < sep.length; j++) if (buf[base + j] !== sep[j]) return false;
    return true;
  }
}
