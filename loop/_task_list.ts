// The loop's registry of pending tasks (for allTasks() and run()'s cleanup):
// an intrusive doubly linked list through the tasks themselves, so adding a
// task and removing a finished one cost two pointer writes, no hashing and
// no allocation.

/** The link fields a listed task carries. */
export interface Listed {
  _prevTask: Listed | null;
  _nextTask: Listed | null;
}

/** Pending tasks of one loop, in creation order. */
export class TaskList<T extends Listed> implements Iterable<T> {
  #head: T | null = null;
  #tail: T | null = null;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(task: T): void {
    if (this.has(task)) return;
    task._prevTask = this.#tail;
    task._nextTask = null;
    if (this.#tail !== null) this.#tail._nextTask = task;
    else this.#head = task;
    this.#tail = task;
    this.#size++;
  }

  delete(task: T): boolean {
    if (!this.has(task)) return false;
    const prev = task._prevTask as T | null;
    const next = task._nextTask as T | null;
    if (prev !== null) prev._nextTask = next;
    else this.#head = next;
    if (next !== null) next._prevTask = prev;
    else this.#tail = prev;
    task._prevTask = null;
    task._nextTask = null;
    this.#size--;
    return true;
  }

  has(task: T): boolean {
    return task._prevTask !== null || this.#head === task;
  }

  /** A snapshot, safe to iterate while tasks finish. */
  toArray(): T[] {
    const out: T[] = [];
    for (let t = this.#head; t !== null; t = t._nextTask as T | null) out.push(t);
    return out;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.toArray()[Symbol.iterator]();
  }
}
