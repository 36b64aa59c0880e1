// PriorityQueue: Python's default order for numbers, strings, booleans,
// bigints, Dates and arrays as tuples; incomparable values; the compare
// option; heapq's layout.
import { createTask, PriorityQueue, run, sleep, VirtualTimeEventLoop } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function drain<T>(q: PriorityQueue<T>): T[] {
  const out: T[] = [];
  while (!q.empty()) out.push(q.getNowait());
  return out;
}

function sorted<T>(items: T[]): T[] {
  const q = new PriorityQueue<T>();
  for (const item of items) q.putNowait(item);
  return drain(q);
}

test("PriorityQueue orders numbers, bigints and booleans together, as Python does", () => {
  assert.deepEqual(sorted([3, -1.5, 2, 0]), [-1.5, 0, 2, 3]);
  assert.deepEqual(sorted([3n, 1, 2n, 0.5]), [0.5, 1, 2n, 3n]);
  assert.deepEqual(sorted([2, true, false, 0.5]), [false, 0.5, true, 2]);
  assert.deepEqual(sorted([Infinity, -Infinity, 0]), [-Infinity, 0, Infinity]);
});

test("PriorityQueue orders strings by code point", () => {
  assert.deepEqual(sorted(["b", "a", "ab", "", "B"]), ["", "B", "a", "ab", "b"]);
  // UTF-16 order would put the emoji (a surrogate pair) before U+FFFF.
  assert.deepEqual(sorted(["a\u{1F600}", "a\uffff", "a\ue000"]), [
    "a\ue000",
    "a\uffff",
    "a\u{1F600}",
  ]);
});

test("PriorityQueue orders Dates by time", () => {
  const d = (s: string) => new Date(s);
  const items = sorted([d("2024-03-01"), d("2023-12-31"), d("2024-01-15")]);
  assert.deepEqual(items.map((x) => x.toISOString().slice(0, 10)), [
    "2023-12-31",
    "2024-01-15",
    "2024-03-01",
  ]);
});

test("PriorityQueue compares arrays element by element, like tuples", () => {
  assert.deepEqual(sorted([[2, "b"], [1, "z"], [1, "a"], [3, "c"]]), [
    [1, "a"],
    [1, "z"],
    [2, "b"],
    [3, "c"],
  ]);
  // A prefix sorts first; equal elements (even incomparable ones) are skipped.
  assert.deepEqual(sorted<unknown[]>([[1, 2, 0], [1, 2], [0, null]]), [[0, null], [1, 2], [
    1,
    2,
    0,
  ]]);
  // [priority, seq, item]: the sequence number keeps insertion order among equals.
  const obj = { name: "x" };
  assert.deepEqual(sorted<unknown[]>([[1, 1, obj], [0, 2, obj], [1, 0, obj]]), [[0, 2, obj], [
    1,
    0,
    obj,
  ], [1, 1, obj]]);
  assert.deepEqual(sorted<unknown[]>([[1, [2, 3]], [1, [2, 1]]]), [[1, [2, 1]], [1, [2, 3]]]);
});

test("PriorityQueue.putNowait() of an incomparable item throws TypeError and leaves the queue unchanged", () => {
  const q = new PriorityQueue<unknown>();
  q.putNowait(1);
  q.putNowait(2);
  assert.throws(
    () => q.putNowait("3"),
    (e) =>
      e instanceof TypeError
      && /'<' not supported between instances of 'string' and 'number'/.test(e.message),
  );
  assert.throws(() => q.putNowait(null), TypeError);
  assert.throws(() => q.putNowait({}), TypeError);
  assert.throws(() => q.putNowait([1]), TypeError);
  assert.equal(q.qsize(), 2);
  assert.equal(String(q), "<PriorityQueue maxsize=0 _queue=[1, 2] tasks=2>");
  const tuples = new PriorityQueue<unknown[]>();
  tuples.putNowait([1, { a: 1 }]);
  assert.throws(() => tuples.putNowait([1, { a: 2 }]), TypeError);
  assert.equal(tuples.qsize(), 1);
  // Two plain objects never compare, but one object alone is fine.
  const single = new PriorityQueue<object>();
  single.putNowait({});
  assert.equal(single.qsize(), 1);
});

test("PriorityQueue.put() of an incomparable item rejects with TypeError", async () => {
  await run(async () => {
    const q = new PriorityQueue<unknown>();
    await q.put(1);
    await assert.rejects(() => q.put("x"), TypeError);
    assert.equal(q.qsize(), 1);
  }, virtual);
});

test("PriorityQueue({ compare }) orders with the given comparator", async () => {
  await run(async () => {
    const q = new PriorityQueue<{ p: number; name: string }>({ compare: (a, b) => b.p - a.p });
    for (const [p, name] of [[1, "low"], [5, "high"], [3, "mid"]] as const) {
      await q.put({ p, name });
    }
    const names = [];
    while (!q.empty()) names.push((await q.get()).name);
    assert.deepEqual(names, ["high", "mid", "low"]);
    assert.throws(() => new PriorityQueue({ compare: 3 as unknown as () => number }), TypeError);
  }, virtual);
});

test("PriorityQueue keeps heapq's layout", () => {
  const q = new PriorityQueue<number>();
  for (const x of [10, 4, 12, 20, 1, 2, 17, 3, 11, 18, 1, 16, 6, 1, 2]) q.putNowait(x);
  assert.equal(
    String(q),
    "<PriorityQueue maxsize=0 _queue=[1, 1, 1, 4, 3, 6, 2, 20, 11, 18, 10, 16, 12, 17, 2] tasks=15>",
  );
  const out = [1, 2, 3, 4, 5].map(() => q.getNowait());
  assert.deepEqual(out, [1, 1, 1, 2, 2]);
  assert.equal(q._format(), "maxsize=0 _queue=[3, 4, 6, 11, 10, 16, 12, 20, 17, 18] tasks=15");
});

test("PriorityQueue.get() waits for an item and returns the smallest", async () => {
  await run(async () => {
    const q = new PriorityQueue<[number, string]>({ maxsize: 2 });
    const getter = createTask(() => q.get());
    await sleep(0);
    await q.put([2, "b"]);
    assert.deepEqual(await getter, [2, "b"]);
    await q.put([3, "c"]);
    await q.put([1, "a"]);
    const putter = createTask(() => q.put([0, "z"]));
    await sleep(0);
    assert.ok(!putter.done());
    assert.deepEqual(await q.get(), [1, "a"]);
    await putter;
    assert.deepEqual(await q.get(), [0, "z"]);
  }, virtual);
});
