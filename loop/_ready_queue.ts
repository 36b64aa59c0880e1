// deno-lint-ignore-file no-explicit-any -- each entry's function takes its own argument type.
// The loop's ready queue: a FIFO of (function, argument) pairs in a ring
// buffer. Pairs let the loop schedule internal work (a task step, a future's
// done callback) without allocating a Handle per entry; user callbacks are
// scheduled as (runHandle, handle). Array.prototype.shift() would make every
// pop O(n); the ring keeps push and pop O(1).

/** A scheduled unit of work: `fn(arg)`. */
export type ReadyFn = (arg: any) => void;

/** FIFO of `(fn, arg)` pairs. */
export class ReadyQueue {
  #fns: Array<ReadyFn | undefined>;
  #args: unknown[];
  #head = 0;
  #size = 0;
  #mask: number;

  constructor(capacity = 64) {
    this.#fns = new Array(capacity).fill(undefined);
    this.#args = new Array(capacity).fill(undefined);
    this.#mask = capacity - 1;
  }

  get length(): number {
    return this.#size;
  }

  push(fn: ReadyFn, arg: unknown): void {
    if (this.#size === this.#fns.length) this.#grow();
    const i = (this.#head + this.#size) & this.#mask;
    this.#fns[i] = fn;
    this.#args[i] = arg;
    this.#size++;
  }

  /** Pops the next pair; call only when `length > 0`. Returns the function, sets `lastArg`. */
  shift(): ReadyFn {
    const i = this.#head;
    const fn = this.#fns[i] as ReadyFn;
    this.lastArg = this.#args[i];
    this.#fns[i] = undefined;
    this.#args[i] = undefined;
    this.#head = (i + 1) & this.#mask;
    this.#size--;
    return fn;
  }

  /** The argument of the pair last returned by {@linkcode ReadyQueue.shift}. */
  lastArg: unknown = undefined;

  /** Calls `visit` on every queued pair, oldest first (for introspection). */
  forEach(visit: (fn: ReadyFn, arg: unknown) => void): void {
    for (let k = 0; k < this.#size; k++) {
      const i = (this.#head + k) & this.#mask;
      visit(this.#fns[i] as ReadyFn, this.#args[i]);
    }
  }

  clear(): void {
    this.#fns.fill(undefined);
    this.#args.fill(undefined);
    this.#head = 0;
    this.#size = 0;
  }

  #grow(): void {
    const cap = this.#fns.length;
    const fns = new Array<ReadyFn | undefined>(cap * 2).fill(undefined);
    const args = new Array<unknown>(cap * 2).fill(undefined);
    for (let k = 0; k < this.#size; k++) {
      const i = (this.#head + k) & this.#mask;
      fns[k] = this.#fns[i];
      args[k] = this.#args[i];
    }
    this.#fns = fns;
    this.#args = args;
    this.#head = 0;
    this.#mask = cap * 2 - 1;
  }
}
