// StreamReader on its own (fed by hand): reads, limits, errors, waiting,
// cancellation, transport pausing.
import {
  CancelledError,
  createTask,
  IncompleteReadError,
  LimitOverrunError,
  run,
  RuntimeError,
  sleep,
  StreamReader,
  timeout,
  TimeoutError,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import type { Transport } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function fed(text: string, options?: { limit?: number; eof?: boolean }): StreamReader {
  const r = new StreamReader(options?.limit === undefined ? {} : { limit: options.limit });
  r.feedData(enc(text));
  if (options?.eof !== false) r.feedEof();
  return r;
}

test("StreamReader.read(n) returns up to n buffered bytes, read() reads to EOF", async () => {
  await run(async () => {
    const r = fed("hello world");
    assert.equal(dec(await r.read(5)), "hello");
    assert.equal((await r.read(0)).length, 0);
    assert.equal(dec(await r.read()), " world");
    assert.equal((await r.read(10)).length, 0);
    assert.equal(r.atEof(), true);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_read / test_read_zero
});

test("StreamReader.read(n) waits for data, then returns what arrived", async () => {
  await run(async () => {
    const r = new StreamReader();
    const t = createTask(() => r.read(30));
    await sleep(0);
    r.feedData(enc("chunk"));
    assert.equal(dec(await t), "chunk");
  }, virtual);
  // cpython: test_streams.py StreamTests.test_read_line_breaks
});

test("StreamReader.readLine() returns lines with their newline, the last without", async () => {
  await run(async () => {
    const r = fed("one\ntwo\nthree");
    assert.equal(dec(await r.readLine()), "one\n");
    assert.equal(dec(await r.readLine()), "two\n");
    assert.equal(dec(await r.readLine()), "three");
    assert.equal((await r.readLine()).length, 0);
    assert.equal(r.atEof(), true);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readline_eof
});

test("StreamReader async iteration yields lines until EOF", async () => {
  await run(async () => {
    const r = fed("a\nb\nc");
    const lines: string[] = [];
    for await (const line of r) lines.push(dec(line));
    assert.deepEqual(lines, ["a\n", "b\n", "c"]);
  }, virtual);
  // cpython: test_streams.py StreamTests.test___aiter__
});

test("StreamReader async iteration reads on after an error, as asyncio's __anext__ does", async () => {
  await run(async () => {
    const it = fed("ab\ntoolongline\ncd\n", { limit: 4 })[Symbol.asyncIterator]();
    assert.equal(dec((await it.next()).value!), "ab\n");
    const err = await it.next().catch((e) => e);
    assert.ok(err instanceof ValueError);
    assert.equal(err.message, "Separator is found, but chunk is longer than limit");
    assert.equal(dec((await it.next()).value!), "cd\n");
    assert.equal((await it.next()).done, true);
    assert.equal((await it.next()).done, true);
  }, virtual);
  // python: async for over a StreamReader after readline() raised ValueError
});

test("StreamReader.readExactly() waits for n bytes; at EOF throws IncompleteReadError", async () => {
  await run(async () => {
    const r = new StreamReader();
    const t = createTask(() => r.readExactly(6));
    r.feedData(enc("abc"));
    await sleep(0);
    assert.equal(t.done(), false);
    r.feedData(enc("defgh"));
    assert.equal(dec(await t), "abcdef");
    r.feedEof();
    const err = await r.readExactly(5).catch((e) => e);
    assert.ok(err instanceof IncompleteReadError);
    assert.equal(dec(err.partial), "gh");
    assert.equal(err.expected, 5);
    assert.equal(err.message, "2 bytes read on a total of 5 expected bytes");
    assert.equal(r.atEof(), true);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readexactly / test_readexactly_eof
});

test("StreamReader.readUntil() takes one separator or several; the earliest end wins", async () => {
  await run(async () => {
    const r = fed("lineAAA|rest|ABCDEFG", { eof: false });
    assert.equal(dec(await r.readUntil("AAA")), "lineAAA");
    assert.equal(dec(await r.readUntil(enc("|"))), "|");
    assert.equal(dec(await r.readUntil(["rest|"])), "rest|");
    assert.equal(dec(await r.readUntil([enc("DEF"), "BCDE"])), "ABCDE");
    r.feedEof();
    const err = await r.readUntil("X").catch((e) => e);
    assert.ok(err instanceof IncompleteReadError);
    assert.equal(dec(err.partial), "FG");
    assert.equal(err.expected, null);
    assert.match(err.message, /undefined expected bytes/);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readuntil_multi_chunks / test_readuntil_multi_separator
});

test("StreamReader.readUntil() waits across chunks, with a separator split between two", async () => {
  await run(async () => {
    const r = new StreamReader();
    const t = createTask(() => r.readUntil("END"));
    for (const part of ["ab", "cE", "N"]) {
      await sleep(0);
      assert.equal(t.done(), false, `done after ${part}`);
      r.feedData(enc(part));
    }
    await sleep(0);
    r.feedData(enc("Dtail"));
    assert.equal(dec(await t), "abcEND");
    assert.equal(dec(await r.read(10)), "tail");
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readuntil_multi_chunks_1
});

test("StreamReader.readLine() waiting for a line over the limit drops it and throws ValueError", async () => {
  await run(async () => {
    const r = new StreamReader({ limit: 4 });
    const t = createTask(() => r.readLine());
    await sleep(0);
    r.feedData(enc("ab"));
    await sleep(0);
    assert.equal(t.done(), false);
    r.feedData(enc("cdefg"));
    const err = await t.then(() => null, (e) => e);
    assert.ok(err instanceof ValueError);
    assert.equal(err.message, "Separator is not found, and chunk exceed the limit");
    r.feedData(enc("ok\n"));
    assert.equal(dec(await r.readLine()), "ok\n");
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readline_limit
});

test("StreamReader.readUntil() throws LimitOverrunError with consumed and keeps the data", async () => {
  await run(async () => {
    const r = fed("aaaaaaa", { limit: 3, eof: false });
    const notFound = await r.readUntil("\n").catch((e) => e);
    assert.ok(notFound instanceof LimitOverrunError);
    assert.equal(notFound.message, "Separator is not found, and chunk exceed the limit");
    assert.equal(notFound.consumed, 7);
    r.feedData(enc("\n"));
    const found = await r.readUntil("\n").catch((e) => e);
    assert.ok(found instanceof LimitOverrunError);
    assert.equal(found.message, "Separator is found, but chunk is longer than limit");
    assert.equal(found.consumed, 7);
    assert.equal(dec(await r.readExactly(8)), "aaaaaaa\n");
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readuntil_limit_found_sep
});

test("StreamReader.readLine() drops a line over the limit up to its newline and throws ValueError", async () => {
  await run(async () => {
    const r = fed("line1\nline2\n", { limit: 3 });
    await assert.rejects(r.readLine(), ValueError);
    assert.equal(dec(await r.read()), "line2\n");
    const ok = fed("1234567\n", { limit: 7 });
    assert.equal(dec(await ok.readLine()), "1234567\n");
    const long = fed("12345678\nnext\n", { limit: 7 });
    await assert.rejects(long.readLine(), /Separator is found, but chunk is longer than limit/);
    assert.equal(dec(await long.readLine()), "next\n");
    const noSep = fed("xxxxxxxxxxxx", { limit: 4, eof: false });
    await assert.rejects(noSep.readLine(), /Separator is not found/);
    noSep.feedEof();
    assert.equal(noSep.atEof(), true);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readline_limit_with_existing_data / test_readline_limit
});

test("StreamReader: a second concurrent read throws RuntimeError 'already waiting'", async () => {
  await run(async () => {
    const r = new StreamReader();
    const first = createTask(() => r.read(1));
    await sleep(0);
    const err = await r.readLine().catch((e) => e);
    assert.ok(err instanceof RuntimeError);
    assert.match(
      err.message,
      /readuntil\(\) called while another coroutine is already waiting for incoming data/,
    );
    r.feedData(enc("x"));
    assert.equal(dec(await first), "x");
  }, virtual);
  // (asyncio-semantics.md 9.2 rule 2)
});

test("StreamReader.setException() makes the waiting and every later read throw that object", async () => {
  await run(async () => {
    const r = new StreamReader();
    const exc = new ValueError("boom");
    const waiting = createTask(() => r.readLine());
    await sleep(0);
    r.setException(exc);
    assert.equal(await waiting.then(() => null, (e) => e), exc);
    assert.equal(await r.read(1).catch((e) => e), exc);
    assert.equal(await r.readExactly(2).catch((e) => e), exc);
    assert.equal(await r.readUntil("x").catch((e) => e), exc);
    assert.equal(r.exception(), exc);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_exception_waiter / test_read_exception
});

test("StreamReader rejects bad input with messages naming the value", async () => {
  assert.throws(() => new StreamReader({ limit: 0 }), ValueError);
  assert.throws(() => new StreamReader({ limit: -5 }), /Limit cannot be <= 0 \(got -5\)/);
  assert.throws(() => new StreamReader({ limit: "big" as unknown as number }), /'big'/);
  await run(async () => {
    const r = fed("abc");
    await assert.rejects(
      r.readExactly(-1),
      /readexactly size can not be less than zero \(got -1\)/,
    );
    await assert.rejects(r.readExactly(1.5), TypeError);
    await assert.rejects(r.readUntil(""), /Separator should be at least one-byte string/);
    await assert.rejects(r.readUntil([]), /Separator should contain at least one element/);
    await assert.rejects(r.read("2" as unknown as number), /'2'/);
    assert.throws(() => r.feedData(enc("late")), RuntimeError);
  }, virtual);
  // cpython: test_streams.py StreamTests.test_readexactly_limit, test_readuntil_separator
});

test("StreamReader.readLine() cancelled by timeout() leaves every byte for the next read", async () => {
  await run(async () => {
    const r = new StreamReader();
    r.feedData(enc("partial "));
    const err = await timeout(0.5, () => r.readLine()).catch((e) => e);
    assert.ok(err instanceof TimeoutError);
    r.feedData(enc("line\n"));
    assert.equal(dec(await r.readLine()), "partial line\n");
  }, virtual);
});

test("StreamReader keeps data that arrives while the reading task is being cancelled", async () => {
  await run(async () => {
    const r = new StreamReader();
    const t = createTask(() => r.readLine());
    await sleep(0);
    r.feedData(enc("whole line\n")); // wakes the read...
    t.cancel(); // ...but the task is cancelled before it resumes
    const err = await t.then(() => null, (e) => e);
    assert.ok(err instanceof CancelledError);
    assert.equal(dec(await r.readLine()), "whole line\n");
  }, virtual);
  // (DESIGN.md §9: a cancelled wait leaves the bytes in the buffer)
});

test("StreamReader pauses its transport above twice the limit and resumes at the limit", async () => {
  await run(async () => {
    const calls: string[] = [];
    const transport = {
      pauseReading: () => calls.push("pause"),
      resumeReading: () => calls.push("resume"),
    } as unknown as Transport;
    const r = new StreamReader({ limit: 4 });
    r.setTransport(transport);
    r.feedData(enc("12345678"));
    assert.deepEqual(calls, []);
    r.feedData(enc("9"));
    assert.deepEqual(calls, ["pause"]);
    await r.read(2);
    assert.deepEqual(calls, ["pause"]);
    await r.read(3);
    assert.deepEqual(calls, ["pause", "resume"]);
    assert.throws(() => r.setTransport(transport), /Transport already set/);
  }, virtual);
  // (asyncio-semantics.md 9.2 rule 1)
});

test("StreamReader repr shows buffer, EOF and limit", () => {
  const r = new StreamReader({ limit: 10 });
  assert.equal(String(r), "<StreamReader limit=10>");
  r.feedData(enc("abc"));
  r.feedEof();
  assert.equal(String(r), "<StreamReader 3 bytes eof limit=10>");
});
