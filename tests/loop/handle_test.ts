// Handle and TimerHandle: running, cancelling, reprs in every inspector.
import { inspect } from "node:util";
import { EventLoop, Handle, TimerHandle, VirtualTimeEventLoop } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

test("Handle runs its callback with its arguments until cancelled", async () => {
  const loop = new EventLoop();
  const calls: unknown[][] = [];
  const h = loop.callSoon((...args: unknown[]) => void calls.push(args), 1, "two");
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  assert.deepEqual(calls, [[1, "two"]]);
  assert.equal(h.cancelled(), false);
  h.cancel();
  assert.equal(h.cancelled(), true);
  loop.close();
  // cpython: test_events.py HandleTests.test_handle
});

test("Handle repr names the callback and its arguments", () => {
  const loop = new EventLoop();
  const h = loop.callSoon(function print(_a: number, _b: string) {}, 5, "x");
  assert.equal(String(h), "<Handle print(5, 'x')>");
  assert.equal(inspect(h), "<Handle print(5, 'x')>");
  h.cancel();
  assert.equal(String(h), "<Handle cancelled>");
  loop.close();
  // cpython: test_events.py HandleTests.test_handle_repr
});

test("TimerHandle repr shows when= and the callback", () => {
  const loop = new VirtualTimeEventLoop({ start: 500 });
  const h = loop.callLater(6.87, function print() {});
  assert.ok(h instanceof TimerHandle && h instanceof Handle);
  assert.equal(String(h), "<TimerHandle when=506.87 print()>");
  assert.equal(inspect(h), "<TimerHandle when=506.87 print()>");
  h.cancel();
  assert.equal(String(h), "<TimerHandle cancelled when=506.87>");
  loop.close();
  // cpython: test_events.py TimerTests.test_timer_repr
});

test("Handle repr is used by Deno.inspect on Deno", () => {
  const deno = (globalThis as { Deno?: { inspect(v: unknown): string } }).Deno;
  const loop = new EventLoop();
  const h = loop.callSoon(function cb() {});
  if (deno) assert.equal(deno.inspect(h), "<Handle cb()>");
  else assert.equal(inspect(h), "<Handle cb()>");
  h.cancel();
  loop.close();
});

test("Handle constructed directly runs nothing until scheduled", () => {
  const loop = new EventLoop();
  let ran = false;
  const h = new Handle(() => (ran = true), [], loop);
  assert.equal(ran, false);
  assert.equal(h.cancelled(), false);
  const t = new TimerHandle(3, () => {}, [], loop);
  assert.equal(t.when(), 3);
  loop.close();
});
