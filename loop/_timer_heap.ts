// A binary min-heap of timer handles ordered by (deadline, sequence number),
// so timers with equal deadlines fire in the order they were scheduled.

/** What the heap needs from a timer handle. */
export interface HeapTimer {
  readonly _when: number;
  readonly _seq: number;
  _cancelled: boolean;
}

function before(a: HeapTimer, b: HeapTimer): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

/** Min-heap of timers. */
export class TimerHeap<T extends HeapTimer> {
  #items: T[] = [];

  get length(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(timer: T): void {
    const items = this.#items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) this.#siftDown(last, 0);
    return top;
  }

  /**
   * Removes `timer` if it is the last item (removing the last item keeps the
   * heap ordered). Timers made with growing deadlines and cancelled soon
   * after, as each `timeout()` scope does, usually are.
   */
  removeLast(timer: T): boolean {
    const items = this.#items;
    if (items.length === 0 || items[items.length - 1] !== timer) return false;
    items.pop();
    return true;
  }

  /** Drops cancelled timers and rebuilds the heap (asyncio's compaction). */
  compact(): void {
    const live = this.#items.filter((t) => !t._cancelled);
    this.#items = [];
    for (const t of live) this.push(t);
  }

  clear(): void {
    this.#items = [];
  }

  toArray(): readonly T[] {
    return this.#items;
  }

  #siftDown(item: T, start: number): void {
    const items = this.#items;
    const n = items.length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right] as T, items[child] as T)) child = right;
      const c = items[child] as T;
      if (!before(c, item)) break;
      items[i] = c;
      i = child;
    }
    items[i] = item;
  }
}
