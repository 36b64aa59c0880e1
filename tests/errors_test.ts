import {
  BrokenBarrierError,
  BrokenPipeError,
  CancelledError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  ExceptionGroup,
  FileNotFoundError,
  IncompleteReadError,
  InvalidStateError,
  IsADirectoryError,
  isCancelledError,
  LimitOverrunError,
  OSError,
  osErrorFromCode,
  PermissionError,
  ProcessLookupError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  SendfileNotAvailableError,
  TimeoutError,
  ValueError,
} from "../errors.ts";
import type * as ErrorsModule from "../errors.ts";
import type { ErrorClass } from "../errors.ts";
import { assert, runtime, test } from "./_suite.ts";

// ---------------------------------------------------------------------------
// The simple classes
// ---------------------------------------------------------------------------

type MessageClass = new(message?: string, options?: ErrorOptions) => Error;

const simpleClasses: [string, MessageClass, MessageClass[]][] = [
  ["CancelledError", CancelledError, []],
  ["TimeoutError", TimeoutError, []],
  ["InvalidStateError", InvalidStateError, []],
  ["QueueEmpty", QueueEmpty, []],
  ["QueueFull", QueueFull, []],
  ["QueueShutDown", QueueShutDown, []],
  ["RuntimeError", RuntimeError, []],
  ["ValueError", ValueError, []],
  ["BrokenBarrierError", BrokenBarrierError, [RuntimeError]],
  ["SendfileNotAvailableError", SendfileNotAvailableError, [RuntimeError]],
];

for (const [name, Class, ancestors] of simpleClasses) {
  test(`${name} sets its name, keeps the message and chains cause`, () => {
    const cause = new Error("root");
    const e = new Class("something failed", { cause });
    assert.equal(e.name, name);
    assert.equal(e.message, "something failed");
    assert.equal(e.cause, cause);
    assert.ok(e instanceof Class);
    assert.ok(e instanceof Error);
    for (const Ancestor of ancestors) assert.ok(e instanceof Ancestor);
    assert.equal(String(e), `${name}: something failed`);
    assert.equal(new Class().message, "");
    assert.equal(Object.hasOwn(new Class(), "cause"), false);
  });
}

test("CancelledError is not caught as any other error class of the family", () => {
  const e = new CancelledError("stop");
  for (const [name, Class] of simpleClasses) {
    if (name !== "CancelledError") assert.equal(e instanceof Class, false, name);
  }
  assert.equal(e instanceof OSError, false);
  assert.equal(e instanceof ExceptionGroup, false);
});

test("isCancelledError() recognises only CancelledError", () => {
  assert.equal(isCancelledError(new CancelledError()), true);
  class Sub extends CancelledError {}
  assert.equal(isCancelledError(new Sub()), true);
  assert.equal(isCancelledError(new TimeoutError()), false);
  assert.equal(isCancelledError(new Error("CancelledError")), false);
  assert.equal(isCancelledError({ name: "CancelledError" }), false);
  assert.equal(isCancelledError("cancelled"), false);
  assert.equal(isCancelledError(null), false);
  assert.equal(isCancelledError(undefined), false);
});

test("TimeoutError extends Error directly, not OSError, and carries the CancelledError as cause", () => {
  const cancelled = new CancelledError();
  const e = new TimeoutError("", { cause: cancelled });
  assert.equal(e.cause, cancelled);
  assert.equal(e instanceof OSError, false);
  assert.equal(Object.getPrototypeOf(TimeoutError.prototype), Error.prototype);
});

test("IncompleteReadError formats its message from partial and expected", () => {
  const partial = new Uint8Array([1, 2, 3]);
  const e = new IncompleteReadError(partial, 10);
  assert.equal(e.name, "IncompleteReadError");
  assert.equal(e.message, "3 bytes read on a total of 10 expected bytes");
  assert.equal(e.partial, partial);
  assert.equal(e.expected, 10);
  const unknown = new IncompleteReadError(new Uint8Array(0), null);
  assert.equal(unknown.message, "0 bytes read on a total of undefined expected bytes");
  assert.equal(unknown.expected, null);
  const cause = new Error("eof");
  assert.equal(new IncompleteReadError(partial, 4, { cause }).cause, cause);
});

test("LimitOverrunError keeps its message and consumed", () => {
  const e = new LimitOverrunError("Separator is found, but chunk is longer than limit", 7);
  assert.equal(e.name, "LimitOverrunError");
  assert.equal(e.message, "Separator is found, but chunk is longer than limit");
  assert.equal(e.consumed, 7);
  assert.equal(new LimitOverrunError("m", 0, { cause: 1 }).cause, 1);
});

// ---------------------------------------------------------------------------
// OSError and its subclasses
// ---------------------------------------------------------------------------

test("OSError has no code or errno unless given", () => {
  const e = new OSError("failed");
  assert.equal(e.name, "OSError");
  assert.equal(e.message, "failed");
  assert.equal(e.code, undefined);
  assert.equal(e.errno, undefined);
  assert.equal("syscall" in e, false);
  assert.equal("address" in e, false);
  assert.equal("port" in e, false);
  assert.equal(new OSError().message, "");
});

test("OSError derives errno from code and code from errno", () => {
  assert.equal(new OSError("m", { code: "EADDRINUSE" }).errno, 98);
  assert.equal(new OSError("m", { errno: 111 }).code, "ECONNREFUSED");
  const both = new OSError("m", { code: "ECONNREFUSED", errno: -111 });
  assert.equal(both.code, "ECONNREFUSED");
  assert.equal(both.errno, -111);
  const unknown = new OSError("m", { code: "EWHATEVER" });
  assert.equal(unknown.code, "EWHATEVER");
  assert.equal(unknown.errno, undefined);
  // Object.prototype keys are not error codes.
  assert.equal(new OSError("m", { code: "constructor" }).errno, undefined);
});

test("OSError keeps syscall, address, port and cause", () => {
  const cause = new Error("runtime error");
  const e = new OSError("Cannot connect", {
    code: "ETIMEDOUT",
    syscall: "connect",
    address: "10.0.0.1",
    port: 8080,
    cause,
  });
  assert.equal(e.syscall, "connect");
  assert.equal(e.address, "10.0.0.1");
  assert.equal(e.port, 8080);
  assert.equal(e.cause, cause);
  assert.equal(e.errno, 110);
});

const osSubclasses: [string, typeof OSError, string | undefined, number | undefined, boolean][] = [
  ["ConnectionError", ConnectionError, undefined, undefined, false],
  ["ConnectionRefusedError", ConnectionRefusedError, "ECONNREFUSED", 111, true],
  ["ConnectionResetError", ConnectionResetError, "ECONNRESET", 104, true],
  ["ConnectionAbortedError", ConnectionAbortedError, "ECONNABORTED", 103, true],
  ["BrokenPipeError", BrokenPipeError, "EPIPE", 32, true],
  ["FileNotFoundError", FileNotFoundError, "ENOENT", 2, false],
  ["PermissionError", PermissionError, "EACCES", 13, false],
  ["ProcessLookupError", ProcessLookupError, "ESRCH", 3, false],
  ["IsADirectoryError", IsADirectoryError, "EISDIR", 21, false],
];

for (const [name, Class, code, errno, isConnection] of osSubclasses) {
  test(`${name} defaults code to ${code} and errno to ${errno}`, () => {
    const e = new Class("it failed", { syscall: "op" });
    assert.equal(e.name, name);
    assert.equal(e.message, "it failed");
    assert.equal(e.code, code);
    assert.equal(e.errno, errno);
    assert.equal(e.syscall, "op");
    assert.ok(e instanceof Class);
    assert.ok(e instanceof OSError);
    assert.ok(e instanceof Error);
    assert.equal(e instanceof ConnectionError, isConnection || Class === ConnectionError);
    assert.equal(e instanceof RuntimeError, false);
    assert.equal(new Class("m", { code: "EXYZ", errno: 999 }).code, "EXYZ");
  });
}

test("ConnectionRefusedError is a ConnectionError and an OSError but no sibling", () => {
  const e = new ConnectionRefusedError();
  assert.ok(e instanceof ConnectionRefusedError);
  assert.ok(e instanceof ConnectionError);
  assert.ok(e instanceof OSError);
  assert.equal(e instanceof ConnectionResetError, false);
  assert.equal(e instanceof FileNotFoundError, false);
  assert.equal(new OSError() instanceof ConnectionError, false);
});

test("PermissionError takes EPERM with errno 1", () => {
  const e = new PermissionError("Cannot signal process", { code: "EPERM" });
  assert.equal(e.code, "EPERM");
  assert.equal(e.errno, 1);
});

test("osErrorFromCode() picks the subclass for each code", () => {
  const cases: [string, typeof OSError, number][] = [
    ["ECONNREFUSED", ConnectionRefusedError, 111],
    ["ECONNRESET", ConnectionResetError, 104],
    ["ECONNABORTED", ConnectionAbortedError, 103],
    ["EPIPE", BrokenPipeError, 32],
    ["ESHUTDOWN", BrokenPipeError, 108],
    ["ENOENT", FileNotFoundError, 2],
    ["EACCES", PermissionError, 13],
    ["EPERM", PermissionError, 1],
    ["ESRCH", ProcessLookupError, 3],
    ["EISDIR", IsADirectoryError, 21],
  ];
  for (const [code, Class, errno] of cases) {
    const e = osErrorFromCode(code, `failed with ${code}`);
    assert.equal(e.constructor, Class, code);
    assert.equal(e.code, code);
    assert.equal(e.errno, errno);
    assert.equal(e.message, `failed with ${code}`);
  }
});

test("osErrorFromCode() gives a plain OSError for other codes and keeps the options", () => {
  const cause = new Error("native");
  const e = osErrorFromCode("EADDRINUSE", "Cannot bind", {
    syscall: "bind",
    address: "::1",
    port: 80,
    cause,
  });
  assert.equal(e.constructor, OSError);
  assert.equal(e.name, "OSError");
  assert.equal(e.code, "EADDRINUSE");
  assert.equal(e.errno, 98);
  assert.equal(e.syscall, "bind");
  assert.equal(e.address, "::1");
  assert.equal(e.port, 80);
  assert.equal(e.cause, cause);
  assert.equal(osErrorFromCode("ETIMEDOUT", "m").constructor, OSError);
  assert.equal(osErrorFromCode("ENOTREAL", "m").errno, undefined);
  assert.equal(osErrorFromCode("ECONNRESET", "m", { errno: -104 }).errno, -104);
});

// ---------------------------------------------------------------------------
// instanceof across copies of the module
// ---------------------------------------------------------------------------

const BRAND = (name: string): symbol => Symbol.for(`@asyncio/asyncio.error.${name}`);

/** A class shaped like another copy's: it carries the brands, not our prototypes. */
function foreignClass(base: typeof Error, ...names: string[]): new(message?: string) => Error {
  const Foreign = class extends base {};
  for (const name of names) Object.defineProperty(Foreign.prototype, BRAND(name), { value: true });
  return Foreign;
}

test("instanceof recognises errors branded by another copy of the module", () => {
  const cancelled = new (foreignClass(Error, "CancelledError"))("stop");
  assert.ok(cancelled instanceof CancelledError);
  assert.ok(isCancelledError(cancelled));
  assert.equal(cancelled instanceof TimeoutError, false);

  const ForeignRefused = foreignClass(
    Error,
    "ConnectionRefusedError",
    "ConnectionError",
    "OSError",
  );
  const refused = new ForeignRefused("refused");
  assert.ok(refused instanceof ConnectionRefusedError);
  assert.ok(refused instanceof ConnectionError);
  assert.ok(refused instanceof OSError);
  assert.ok(refused instanceof Error);
  assert.equal(refused instanceof ConnectionResetError, false);
  assert.equal(refused instanceof FileNotFoundError, false);
});

test("instanceof keeps working for built-ins, plain values and user subclasses", () => {
  const value = new ValueError("v");
  assert.ok(value instanceof Error);
  assert.equal(value instanceof TypeError, false);
  assert.equal(new TypeError("t") instanceof ValueError, false);
  for (const v of [null, undefined, 0, "ValueError", Symbol("x"), {}, () => 0]) {
    assert.equal(v instanceof ValueError, false);
  }
  class MyError extends ValueError {}
  const mine = new MyError("mine");
  assert.ok(mine instanceof MyError);
  assert.ok(mine instanceof ValueError);
  assert.equal(value instanceof MyError, false);
  // Like a subclass of a built-in error, it inherits the name.
  assert.equal(mine.name, "ValueError");
});

test("Error classes keep their brand and name on the prototype, not on instances", () => {
  const e = new ConnectionResetError("x");
  assert.deepEqual(Object.getOwnPropertySymbols(e), []);
  assert.equal(Object.hasOwn(e, "name"), false);
  assert.deepEqual(Object.keys(new CancelledError("c")), []);
  const descriptor = Object.getOwnPropertyDescriptor(ConnectionResetError.prototype, "name");
  assert.equal(descriptor?.enumerable, false);
});

if (runtime !== "node") {
  // Node runs these tests from a single bundle, where a second copy of the
  // module cannot be loaded by URL; the branded-class test above covers it.
  test("instanceof recognises errors from a second loaded copy of errors.ts (Deno, Bun)", async () => {
    // A second copy of each file of the family (errors.ts only re-exports
    // them). Relative specifiers: Bun ignores the query of a file: URL.
    const files = ["builtin_errors", "cancelled", "connection_errors", "exception_group"];
    const other = {} as typeof ErrorsModule;
    for (const file of files) {
      const specifier: string = `../errors/${file}.ts?copy=2`;
      Object.assign(other, await import(specifier));
    }
    assert.notEqual(other.CancelledError, CancelledError);

    assert.ok(new other.CancelledError() instanceof CancelledError);
    assert.ok(new CancelledError() instanceof other.CancelledError);
    assert.ok(isCancelledError(new other.CancelledError()));
    assert.ok(other.isCancelledError(new CancelledError()));
    const refused = new other.ConnectionRefusedError("refused");
    assert.ok(refused instanceof ConnectionRefusedError);
    assert.ok(refused instanceof ConnectionError);
    assert.ok(refused instanceof OSError);
    assert.equal(refused instanceof ConnectionResetError, false);
    assert.ok(new other.BrokenBarrierError() instanceof RuntimeError);
    assert.ok(new other.ExceptionGroup("g", [1]) instanceof ExceptionGroup);

    // split() recurses into a nested group from the other copy and matches
    // the other copy's errors by class.
    const eg = new ExceptionGroup("outer", [
      new other.ExceptionGroup("inner", [new other.ValueError("a"), new TypeError("b")]),
    ]);
    const [match, rest] = eg.split(ValueError);
    assert.deepEqual(shape(match), { outer: [{ inner: ["ValueError(a)"] }] });
    assert.deepEqual(shape(rest), { outer: [{ inner: ["TypeError(b)"] }] });
  });
}

// ---------------------------------------------------------------------------
// ExceptionGroup
// ---------------------------------------------------------------------------

type Shape = string | { [message: string]: Shape[] } | null;

/** A group as `{ message: [children] }`, a leaf as `Name(message)`. */
function shape(e: unknown): Shape {
  if (e === null) return null;
  if (e instanceof ExceptionGroup) return { [e.message]: e.exceptions.map(shape) };
  if (e instanceof Error) return `${e.name}(${e.message})`;
  return String(e);
}

// The structure of CPython's test_exception_group.py create_simple_eg().
function simpleGroup(): ExceptionGroup {
  return new ExceptionGroup("simple eg", [
    new ValueError("1"),
    new TypeError("int"),
    new ValueError("2"),
  ]);
}
const simpleTemplate = { "simple eg": ["ValueError(1)", "TypeError(int)", "ValueError(2)"] };

test("ExceptionGroup keeps its message, a frozen copy of the errors and the cause", () => {
  const list = [new ValueError("1"), new TypeError("2")];
  const cause = new Error("why");
  const eg = new ExceptionGroup("two errors", list, { cause });
  assert.equal(eg.name, "ExceptionGroup");
  assert.equal(eg.message, "two errors");
  assert.equal(eg.cause, cause);
  assert.deepEqual(eg.exceptions, list);
  assert.notEqual(eg.exceptions, list);
  assert.ok(Object.isFrozen(eg.exceptions));
  assert.equal(eg.errors, eg.exceptions);
  list.pop();
  assert.equal(eg.exceptions.length, 2);
  assert.ok(eg instanceof AggregateError);
  assert.ok(eg instanceof Error);
  assert.equal(eg instanceof ValueError, false);
}); // cpython: test_exception_group.py ExceptionGroupFields.test_basics_ExceptionGroup_fields

test("ExceptionGroup.exceptions cannot be reassigned", () => {
  const eg = new ExceptionGroup("eg", [new TypeError("1"), new OSError("2")]);
  assert.throws(() => {
    (eg as { exceptions: unknown }).exceptions = [];
  }, TypeError);
  assert.throws(() => {
    (eg.exceptions as unknown[]).push(1);
  }, TypeError);
}); // cpython: test_exception_group.py ExceptionGroupFields.test_fields_are_readonly

test("ExceptionGroup constructor throws TypeError for a bad message or a non-sequence", () => {
  const make = (message: unknown, excs: unknown) => () =>
    new ExceptionGroup(message as string, excs as unknown[]);
  assert.throws(make(new ValueError("12"), [new ValueError("12")]), TypeError);
  assert.throws(make(null, [new ValueError("12")]), TypeError);
  assert.throws(make("eg", null), TypeError);
  assert.throws(make("eg", undefined), TypeError);
  assert.throws(make("eg", 42), TypeError);
  assert.throws(make("eg", new ValueError("42")), TypeError);
  assert.throws(make("eg", "not a sequence"), TypeError);
}); // cpython: test_exception_group.py BadConstructorArgs.test_bad_EG_construction__bad_message, test_bad_EG_construction__bad_excs_sequence

test("ExceptionGroup constructor throws ValueError for no errors", () => {
  assert.throws(() => new ExceptionGroup("eg", []), ValueError);
  assert.throws(() => new ExceptionGroup("eg", new Set()), ValueError);
}); // cpython: test_exception_group.py BadConstructorArgs.test_bad_EG_construction__bad_excs_sequence

test("ExceptionGroup constructor takes any non-string iterable", () => {
  const a = new Error("a");
  const b = new Error("b");
  function* gen(): Generator<Error> {
    yield a;
    yield b;
  }
  assert.deepEqual(new ExceptionGroup("g", gen()).exceptions, [a, b]);
  assert.deepEqual(new ExceptionGroup("g", new Set([a, b])).exceptions, [a, b]);
  // Thrown values need not be Errors in JavaScript.
  assert.deepEqual(new ExceptionGroup("g", ["boom", 42]).exceptions, ["boom", 42]);
});

test("ExceptionGroup.split() and subgroup() throw TypeError for a bad condition", () => {
  const eg = simpleGroup();
  class NotAnError {}
  const bad: unknown[] = [
    "bad arg",
    NotAnError,
    new OSError("instance, not class"),
    [
      OSError,
      42,
    ],
    42,
    null,
  ];
  for (const arg of bad) {
    assert.throws(() => eg.subgroup(arg as ErrorClass), TypeError);
    assert.throws(() => eg.split(arg as ErrorClass), TypeError);
  }
}); // cpython: test_exception_group.py ExceptionGroupSubgroupTests.test_basics_subgroup_split__bad_arg_type

test("ExceptionGroup.subgroup() returns the group itself when it matches as a whole", () => {
  const eg = simpleGroup();
  for (const Class of [Error, AggregateError, ExceptionGroup]) {
    assert.equal(eg.subgroup(Class), eg);
  }
  assert.equal(eg.subgroup(() => true), eg);
}); // cpython: test_exception_group.py ExceptionGroupSubgroupTests.test_basics_subgroup_by_type__passthrough, test_basics_subgroup_by_predicate__passthrough

test("ExceptionGroup.subgroup() returns null when nothing matches", () => {
  const eg = simpleGroup();
  assert.equal(eg.subgroup(OSError), null);
  assert.equal(eg.subgroup(() => false), null);
}); // cpython: test_exception_group.py ExceptionGroupSubgroupTests.test_basics_subgroup_by_type__no_match, test_basics_subgroup_by_predicate__no_match

test("ExceptionGroup.subgroup() keeps the matching errors by class, class list or predicate", () => {
  const eg = simpleGroup();
  const cases: [ErrorClass | ErrorClass[], string[]][] = [
    [ValueError, ["ValueError(1)", "ValueError(2)"]],
    [TypeError, ["TypeError(int)"]],
    [[ValueError, TypeError], ["ValueError(1)", "TypeError(int)", "ValueError(2)"]],
  ];
  for (const [cond, leaves] of cases) {
    const byClass = eg.subgroup(cond);
    assert.deepEqual(shape(byClass), { "simple eg": leaves });
    assert.equal(byClass?.constructor, ExceptionGroup);
    const classes = Array.isArray(cond) ? cond : [cond];
    const byPredicate = eg.subgroup((e) => classes.some((C) => e instanceof C));
    assert.deepEqual(shape(byPredicate), { "simple eg": leaves });
  }
}); // cpython: test_exception_group.py ExceptionGroupSubgroupTests.test_basics_subgroup_by_type__match, test_basics_subgroup_by_predicate__match

test("ExceptionGroup.split() returns [self, null] when the group matches as a whole", () => {
  const eg = simpleGroup();
  for (const cond of [Error, AggregateError, ExceptionGroup, () => true]) {
    const [match, rest] = eg.split(cond);
    assert.equal(match, eg);
    assert.equal(rest, null);
  }
}); // cpython: test_exception_group.py ExceptionGroupSplitTests.test_basics_split_by_type__passthrough, test_basics_split_by_predicate__passthrough

test("ExceptionGroup.split() returns [null, copy] when nothing matches", () => {
  const eg = simpleGroup();
  for (const cond of [OSError, () => false]) {
    const [match, rest] = eg.split(cond);
    assert.equal(match, null);
    assert.deepEqual(shape(rest), simpleTemplate);
    assert.notEqual(rest, eg); // Python derives a new group here too
  }
}); // cpython: test_exception_group.py ExceptionGroupSplitTests.test_basics_split_by_type__no_match, test_basics_split_by_predicate__no_match

test("ExceptionGroup.split() divides the errors by class, class list or predicate", () => {
  const eg = simpleGroup();
  const V1 = "ValueError(1)", T = "TypeError(int)", V2 = "ValueError(2)";
  const cases: [ErrorClass | ErrorClass[], string[], string[] | null][] = [
    [ValueError, [V1, V2], [T]],
    [TypeError, [T], [V1, V2]],
    [[ValueError, TypeError], [V1, T, V2], null],
    [[OSError, ValueError], [V1, V2], [T]],
  ];
  for (const [cond, matched, rest] of cases) {
    const classes = Array.isArray(cond) ? cond : [cond];
    for (const c of [cond, (e: unknown) => classes.some((C) => e instanceof C)]) {
      const [m, r] = eg.split(c);
      assert.deepEqual(shape(m), { "simple eg": matched });
      assert.deepEqual(shape(r), rest === null ? null : { "simple eg": rest });
    }
  }
}); // cpython: test_exception_group.py ExceptionGroupSplitTests.test_basics_split_by_type__match, test_basics_split_by_predicate__match

// The nested structure below and the expected results were checked against
// CPython 3.13 (RangeError stands in for KeyError):
//   inner = ExceptionGroup("inner", [ValueError("v2"), TypeError("t2")])
//   eg = ExceptionGroup("outer", [ValueError("v1"), TypeError("t1"), inner, KeyError("k")])
function nestedGroup(): { eg: ExceptionGroup; inner: ExceptionGroup; cause: Error } {
  const inner = new ExceptionGroup("inner", [new ValueError("v2"), new TypeError("t2")]);
  const cause = new Error("cause");
  const eg = new ExceptionGroup("outer", [
    new ValueError("v1"),
    new TypeError("t1"),
    inner,
    new RangeError("k"),
  ], { cause });
  return { eg, inner, cause };
}

test("ExceptionGroup.split() keeps nesting and returns null for an empty side", () => {
  const { eg } = nestedGroup();
  let [match, rest] = eg.split(ValueError);
  assert.deepEqual(shape(match), { outer: ["ValueError(v1)", { inner: ["ValueError(v2)"] }] });
  assert.deepEqual(shape(rest), {
    outer: ["TypeError(t1)", { inner: ["TypeError(t2)"] }, "RangeError(k)"],
  });
  [match, rest] = eg.split(TypeError);
  assert.deepEqual(shape(match), { outer: ["TypeError(t1)", { inner: ["TypeError(t2)"] }] });
  assert.deepEqual(shape(rest), {
    outer: ["ValueError(v1)", { inner: ["ValueError(v2)"] }, "RangeError(k)"],
  });
  [match, rest] = eg.split([ValueError, RangeError]);
  assert.deepEqual(shape(match), {
    outer: ["ValueError(v1)", { inner: ["ValueError(v2)"] }, "RangeError(k)"],
  });
  assert.deepEqual(shape(rest), { outer: ["TypeError(t1)", { inner: ["TypeError(t2)"] }] });
  [match, rest] = eg.split(ExceptionGroup);
  assert.equal(match, eg);
  assert.equal(rest, null);
}); // cpython: test_exception_group.py NestedExceptionGroupSplitTest.test_split_by_type

test("ExceptionGroup.split() rebuilds a nested group whose leaves all match", () => {
  const { eg, inner } = nestedGroup();
  const [match, rest] = eg.split((e) => e instanceof ValueError || e instanceof TypeError);
  assert.deepEqual(shape(match), {
    outer: ["ValueError(v1)", "TypeError(t1)", { inner: ["ValueError(v2)", "TypeError(t2)"] }],
  });
  assert.notEqual(match?.exceptions[2], inner); // as in CPython: derived, not reused
  assert.deepEqual(shape(rest), { outer: ["RangeError(k)"] });
});

test("ExceptionGroup.split() keeps a nested group that matches as a whole", () => {
  const { eg, inner } = nestedGroup();
  const [match, rest] = eg.split((e) => e === inner);
  assert.equal(match?.exceptions.length, 1);
  assert.equal(match?.exceptions[0], inner);
  assert.deepEqual(shape(rest), { outer: ["ValueError(v1)", "TypeError(t1)", "RangeError(k)"] });
});

test("ExceptionGroup.split() and subgroup() leave the leaves themselves untouched", () => {
  const { eg, inner } = nestedGroup();
  const [match, rest] = eg.split(ValueError);
  assert.equal(match?.exceptions[0], eg.exceptions[0]);
  assert.equal((match?.exceptions[1] as ExceptionGroup).exceptions[0], inner.exceptions[0]);
  assert.equal(rest?.exceptions[2], eg.exceptions[3]);
  assert.equal(eg.subgroup(ValueError)?.exceptions[0], eg.exceptions[0]);
});

test("ExceptionGroup.split() copies cause and stack onto both sides", () => {
  const { eg, cause } = nestedGroup();
  const sub = eg.subgroup(TypeError);
  const [match, rest] = eg.split(ValueError);
  for (const part of [match, rest, sub]) {
    assert.ok(part !== null);
    assert.equal(part.message, "outer");
    assert.equal(part.cause, cause);
    assert.equal(part.stack, eg.stack);
  }
  // A group made without a cause gives parts without one.
  const [plain] = simpleGroup().split(ValueError);
  assert.equal(plain !== null && Object.hasOwn(plain, "cause"), false);
}); // cpython: test_exception_group.py ExceptionGroupSplitTestBase.split_exception_group

test("ExceptionGroup.subgroup() keeps nesting and matches the split() match", () => {
  const { eg } = nestedGroup();
  assert.deepEqual(shape(eg.subgroup(ValueError)), {
    outer: ["ValueError(v1)", { inner: ["ValueError(v2)"] }],
  });
  for (const cond of [ValueError, TypeError, RangeError, OSError]) {
    assert.deepEqual(shape(eg.subgroup(cond)), shape(eg.split(cond)[0]));
  }
  const leaves = eg.subgroup((e) => !(e instanceof ExceptionGroup));
  assert.deepEqual(shape(leaves), shape(eg));
  assert.notEqual(leaves, eg); // as in CPython: rebuilt, since only leaves matched
});

test("ExceptionGroup.derive() keeps the message and nothing else", () => {
  const { eg } = nestedGroup();
  const derived = eg.derive([eg.exceptions[3]]);
  assert.equal(derived.constructor, ExceptionGroup);
  assert.equal(derived.message, "outer");
  assert.deepEqual(shape(derived), { outer: ["RangeError(k)"] });
  assert.equal(derived.cause, undefined);
});

test("ExceptionGroup.split() of a subclass without derive() gives plain ExceptionGroups", () => {
  class EG extends ExceptionGroup {}
  const nested = new EG("nested", [new TypeError("2")]);
  const eg = new EG("eg", [new ValueError("1"), nested]);
  assert.equal(eg.name, "ExceptionGroup");

  let [match, rest] = eg.split(OSError);
  assert.equal(match, null);
  assert.equal(rest?.constructor, ExceptionGroup);
  assert.deepEqual(shape(rest), { eg: ["ValueError(1)", { nested: ["TypeError(2)"] }] });

  [match, rest] = eg.split([ValueError, TypeError]);
  assert.equal(match?.constructor, ExceptionGroup);
  assert.deepEqual(shape(match), { eg: ["ValueError(1)", { nested: ["TypeError(2)"] }] });
  assert.equal(rest, null);

  [match, rest] = eg.split(ValueError);
  assert.deepEqual(shape(match), { eg: ["ValueError(1)"] });
  assert.deepEqual(shape(rest), { eg: [{ nested: ["TypeError(2)"] }] });
  assert.equal(rest?.exceptions[0]?.constructor, ExceptionGroup);
}); // cpython: test_exception_group.py NestedExceptionGroupSubclassSplitTest.test_split_ExceptionGroup_subclass_no_derive_no_new_override

test("ExceptionGroup.split() of a subclass that overrides derive() keeps the subclass", () => {
  class EG extends ExceptionGroup {
    code: number;
    constructor(message: string, excs: Iterable<unknown>, code: number) {
      super(message, excs);
      this.code = code;
    }
    override derive(excs: Iterable<unknown>): EG {
      return new EG(this.message, excs, this.code);
    }
  }
  const nested = new EG("nested", [new TypeError("2")], 101);
  const eg = new EG("eg", [new ValueError("1"), nested], 42);

  let [match, rest] = eg.split(OSError);
  assert.equal(match, null);
  assert.ok(rest instanceof EG);
  assert.equal(rest.code, 42);
  assert.equal((rest.exceptions[1] as EG).code, 101);

  [match, rest] = eg.split([ValueError, TypeError]);
  assert.ok(match instanceof EG);
  assert.equal(match.code, 42);
  assert.equal((match.exceptions[1] as EG).code, 101);
  assert.equal(rest, null);

  [match, rest] = eg.split(ValueError);
  assert.ok(match instanceof EG && rest instanceof EG);
  assert.deepEqual(shape(match), { eg: ["ValueError(1)"] });
  assert.deepEqual(shape(rest), { eg: [{ nested: ["TypeError(2)"] }] });
  assert.equal(rest.code, 42);
}); // cpython: test_exception_group.py NestedExceptionGroupSubclassSplitTest.test_split_ExceptionGroup_subclass_derive_and_new_overrides

test("ExceptionGroup.split() throws TypeError when derive() returns something else", () => {
  class BadEG extends ExceptionGroup {
    override derive(): ExceptionGroup {
      return 42 as unknown as ExceptionGroup;
    }
  }
  const eg = new BadEG("eg", [new TypeError("1"), new ValueError("2")]);
  assert.throws(() => eg.split(TypeError), TypeError);
  assert.throws(() => eg.subgroup(TypeError), TypeError);
}); // cpython: test_exception_group.py NestedExceptionGroupSplitTest.test_drive_invalid_return_value

test("ExceptionGroup.split() tries the predicate on nested groups and on non-Error values", () => {
  const inner = new ExceptionGroup("inner", ["s", 1]);
  const eg = new ExceptionGroup("outer", [inner, "t"]);
  const seen: unknown[] = [];
  const [match, rest] = eg.split((e) => {
    seen.push(e);
    return typeof e === "string";
  });
  assert.deepEqual(seen, [eg, inner, "s", 1, "t"]);
  assert.deepEqual(shape(match), { outer: [{ inner: ["s"] }, "t"] });
  assert.deepEqual(shape(rest), { outer: [{ inner: ["1"] }] });
});

test("ExceptionGroup.split() matches a branded class from another copy by brand", () => {
  const ForeignValueError = foreignClass(Error, "ValueError");
  const eg = new ExceptionGroup("g", [new ForeignValueError("a"), new TypeError("b")]);
  const [match, rest] = eg.split(ValueError);
  assert.equal(match?.exceptions.length, 1);
  assert.ok(match?.exceptions[0] instanceof ForeignValueError);
  assert.ok(rest?.exceptions[0] instanceof TypeError);
});

test("OSError and its subclasses check their options", () => {
  assert.throws(
    () => new OSError("x", { errNo: 2 } as never),
    (e) =>
      e instanceof TypeError
      && e.message
        === "Cannot create OSError: got an unexpected keyword argument 'errNo' (did you mean 'errno'?); known options: errno, code, syscall, address, port, cause",
  );
  assert.throws(
    () => new ConnectionRefusedError("x", { host: "h" } as never),
    /Cannot create ConnectionRefusedError: got an unexpected keyword argument 'host'/,
  );
  assert.throws(() => osErrorFromCode("ENOENT", "x", { path: "/x" } as never), /'path'/);
  assert.throws(() => new OSError("x", 2 as never), /options must be a plain object/);
  assert.equal(new FileNotFoundError("x", { syscall: "open" }).syscall, "open");
});
