// The reader's buffer: growing, compacting, queueing arrays given away.
import { ByteBuffer } from "../../streams/_byte_buffer.ts";
import { assert, test } from "../_suite.ts";

const bytes = (n: number, v: number) => new Uint8Array(n).fill(v);

test("ByteBuffer grows and compacts while keeping the bytes in order", () => {
  const b = new ByteBuffer();
  for (let i = 0; i < 50; i++) {
    b.push(bytes(1000 + i, i));
    if (i % 3 === 0) b.skip(500);
  }
  let expectLen = 0;
  for (let i = 0; i < 50; i++) expectLen += 1000 + i - (i % 3 === 0 ? 500 : 0);
  assert.equal(b.length, expectLen);
  const all = b.take(b.length);
  assert.equal(all.length, expectLen);
  assert.equal(b.length, 0);
});

test("ByteBuffer hands arrays given away on without copying, copies what it must", () => {
  const b = new ByteBuffer();
  const chunk = bytes(8192, 7);
  b.push(chunk, true);
  const out = b.take(8192);
  assert.equal(out.buffer, chunk.buffer, "copied instead of handed on");
  // most of a given array: a view of it; a small part: a copy
  const c2 = bytes(8192, 1);
  b.push(c2, true);
  const most = b.take(6000);
  assert.equal(most.buffer, c2.buffer);
  assert.equal(most.byteOffset, 0);
  const small = b.take(100);
  assert.notEqual(small.buffer, c2.buffer);
  // the rest of it and a later array: queued, then joined into a copy
  b.push(bytes(10, 2), true);
  assert.equal(b.length, 8192 - 6100 + 10);
  const rest = b.take(b.length);
  assert.notEqual(rest.buffer, c2.buffer);
  assert.deepEqual([...new Set(rest.subarray(0, 2092))], [1]);
  assert.deepEqual([...rest.subarray(2092)], new Array(10).fill(2));
  // a copied push never keeps the caller's array
  const mine = bytes(8192, 3);
  b.push(mine);
  mine.fill(4);
  assert.deepEqual([...new Set(b.take(8192))], [3]);
});

test("ByteBuffer keeps order across its own array and queued arrays", () => {
  const b = new ByteBuffer();
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  b.push(enc.encode("ab")); // copied into the own array
  b.push(enc.encode("cd\nef"), true); // queued
  b.push(enc.encode("gh\n"), true);
  assert.equal(b.length, 10);
  assert.equal(dec.decode(b.take(1)), "a");
  // a search joins the queue into one piece
  assert.equal(b.indexOf(enc.encode("\n"), 0), 3);
  assert.equal(b.startsWith(enc.encode("ef"), 4), true);
  assert.equal(dec.decode(b.take(4)), "bcd\n");
  b.push(enc.encode("ij"), true);
  assert.equal(dec.decode(b.view()), "efgh\nij");
  b.skip(3);
  assert.equal(dec.decode(b.take(b.length)), "h\nij");
  assert.equal(b.length, 0);
});

test("ByteBuffer.indexOf finds separators across the live bytes only", () => {
  const b = new ByteBuffer();
  const enc = new TextEncoder();
  b.push(enc.encode("xxabcab"));
  b.skip(2);
  assert.equal(b.indexOf(enc.encode("ab"), 0), 0);
  assert.equal(b.indexOf(enc.encode("ab"), 1), 3);
  assert.equal(b.indexOf(enc.encode("abc"), 1), -1);
  assert.equal(b.startsWith(enc.encode("ca"), 2), true);
  b.clear();
  assert.equal(b.indexOf(enc.encode("a"), 0), -1);
});
