// The loop's timer heap (a private module): order by deadline, then by
// scheduling sequence; removing the last item keeps the order.
import { TimerHeap } from "../../loop/_timer_heap.ts";
import { assert, test } from "../_suite.ts";

interface T {
  _when: number;
  _seq: number;
  _cancelled: boolean;
}

const timer = (when: number, seq: number): T => ({ _when: when, _seq: seq, _cancelled: false });

function drain(heap: TimerHeap<T>): number[] {
  const out: number[] = [];
  for (let t = heap.pop(); t !== undefined; t = heap.pop()) out.push(t._seq);
  return out;
}

test("TimerHeap pops by deadline, equal deadlines in scheduling order", () => {
  const heap = new TimerHeap<T>();
  [5, 1, 3, 1, 4].forEach((when, seq) => heap.push(timer(when, seq)));
  assert.deepEqual(drain(heap), [1, 3, 2, 4, 0]);
});

test("TimerHeap.removeLast() removes only the last item and keeps the order", () => {
  const heap = new TimerHeap<T>();
  const items = [1, 2, 3, 4, 5, 6].map((when, seq) => timer(when, seq));
  for (const t of items) heap.push(t);
  assert.equal(heap.removeLast(items[0]!), false); // the earliest sits first, not last
  assert.equal(heap.removeLast(items[5]!), true);
  assert.equal(heap.removeLast(items[5]!), false); // already gone
  assert.equal(heap.length, 5);
  heap.push(timer(0, 6));
  assert.deepEqual(drain(heap), [6, 0, 1, 2, 3, 4]);
  assert.equal(new TimerHeap<T>().removeLast(items[0]!), false);
});
