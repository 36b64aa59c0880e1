// The reader's buffer: growing, compacting, adopting arrays given away.
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

test("ByteBuffer adopts an array given away into an empty buffer and hands it on whole", () => {
  const b = new ByteBuffer();
  const chunk = bytes(8192, 7);
  b.push(chunk, true);
  const out = b.take(8192);
  assert.equal(out.buffer, chunk.buffer, "copied instead of handed on");
  // partly taken: the rest stays, later chunks append after it
  const c2 = bytes(8192, 1);
  b.push(c2, true);
  const head = b.take(100);
  assert.notEqual(head.buffer, c2.buffer);
  b.push(bytes(10, 2), true); // not empty: copied
  assert.equal(b.length, 8192 - 100 + 10);
  c2.fill(9); // the giver's array is no longer read
  const rest = b.take(b.length);
  assert.deepEqual([...new Set(rest.subarray(0, 8092))], [1]);
  assert.deepEqual([...rest.subarray(8092)], new Array(10).fill(2));
  // a copied push never keeps the caller's array
  const mine = bytes(8192, 3);
  b.push(mine);
  mine.fill(4);
  assert.deepEqual([...new Set(b.take(8192))], [3]);
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
