// A binary min-heap on a plain array with the exact layout of Python's
// heapq (same sift rules: heappush sifts the new item up; heappop moves the
// smaller child up to a leaf, then sifts the last item back up), so a
// PriorityQueue's repr and its order among equal items match asyncio's.
//
// Unlike heapq, push and pop are atomic: every comparison is made before
// the array changes, so a comparison that throws (incomparable items)
// leaves the heap as it was.

/** `less(a, b)`: whether `a` sorts before `b`; may throw `TypeError`. */
export type Less<T> = (a: T, b: T) => boolean;

/** Adds `item` to `heap`. */
export function heapPush<T>(heap: T[], item: T, less: Less<T>): void {
  let pos = heap.length;
  while (pos > 0) {
    const parent = (pos - 1) >> 1;
    if (!less(item, heap[parent] as T)) break;
    pos = parent;
  }
  // Shift the ancestors between the new slot and `pos` one level down.
  for (let c = heap.length; c > pos;) {
    const parent = (c - 1) >> 1;
    heap[c] = heap[parent] as T;
    c = parent;
  }
  heap[pos] = item;
}

/** Removes and returns the smallest item; call only on a non-empty heap. */
export function heapPop<T>(heap: T[], less: Less<T>): T {
  const n = heap.length;
  const last = heap[n - 1] as T;
  if (n === 1) {
    heap.pop();
    return last;
  }
  // The heap without its last slot, with `last` put at the root: walk the
  // smaller children down to a leaf...
  const end = n - 1;
  let leaf = 0;
  for (let child = 1; child < end; child = 2 * leaf + 1) {
    const right = child + 1;
    leaf = right < end && !less(heap[child] as T, heap[right] as T) ? right : child;
  }
  // ...(those children move up one level), then sift `last` back up from
  // the leaf: its parent on the path now holds the value now at `pos`.
  let pos = leaf;
  while (pos > 0 && less(last, heap[pos] as T)) pos = (pos - 1) >> 1;
  // Apply: from `pos` up to the root each slot takes its child's value on
  // the path; `pos` takes `last`; the old root is the result.
  let carry = last;
  for (let c = pos;;) {
    const value = heap[c] as T;
    heap[c] = carry;
    carry = value;
    if (c === 0) break;
    c = (c - 1) >> 1;
  }
  heap.pop();
  return carry;
}
