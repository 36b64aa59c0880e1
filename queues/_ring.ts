// The FIFO storage of Queue: a ring buffer with a power-of-two capacity.
// Array.prototype.shift() is O(n) on long arrays; the ring keeps push and
// shift O(1). It grows by doubling and shrinks back when it empties after
// a burst, so a queue that once held a million items does not keep them
// allocated.

const MIN_CAPACITY = 16;

/** FIFO of items. */
export class Ring<T> {
  #items: Array<T | undefined> = new Array(MIN_CAPACITY).fill(undefined);
  #head = 0;
  #mask = MIN_CAPACITY - 1;
  length = 0;

  push(item: T): void {
    if (this.length > this.#mask) this.#grow();
    this.#items[(this.#head + this.length) & this.#mask] = item;
    this.length++;
  }

  /** Removes and returns the oldest item; call only when `length > 0`. */
  shift(): T {
    const head = this.#head;
    const item = this.#items[head] as T;
    this.#items[head] = undefined;
    this.#head = (head + 1) & this.#mask;
    if (--this.length === 0 && this.#mask >= 4096) this.clear();
    return item;
  }

  /** Removes every item. */
  clear(): void {
    this.#items = new Array(MIN_CAPACITY).fill(undefined);
    this.#head = 0;
    this.#mask = MIN_CAPACITY - 1;
    this.length = 0;
  }

  /** The items, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let k = 0; k < this.length; k++) out.push(this.#items[(this.#head + k) & this.#mask] as T);
    return out;
  }

  #grow(): void {
    const old = this.#items;
    const cap = old.length;
    const items = new Array<T | undefined>(cap * 2).fill(undefined);
    for (let k = 0; k < this.length; k++) items[k] = old[(this.#head + k) & this.#mask];
    this.#items = items;
    this.#head = 0;
    this.#mask = cap * 2 - 1;
  }
}
