// How an ExceptionGroup prints: String() with Python's count, and the
// inspector form (console.log, util.inspect, Deno.inspect) shaped like the
// traceback CPython 3.13 prints for a group, the same on Deno, Bun and Node.
import { execFileSync } from "node:child_process";
import process from "node:process";
import { inspect } from "node:util";
import { ExceptionGroup, TimeoutError, ValueError } from "../../errors.ts";
import { assert, runtime, test } from "../_suite.ts";

// Tracebacks as CPython 3.13 prints them (traceback.print_exception of a
// group never raised, so without frames): each line starts two columns
// further right, and the group's own line behind "| ". The port prints the
// group's line first, flush left.
function fromPython(text: string): string {
  const lines = text.split("\n").filter((l) => l !== "").map((l) => l.slice(2));
  lines[0] = lines[0]!.replace(/^\| /, "");
  return lines.join("\n");
}

// Sets each error's stack to its header alone, so the output has no frames.
function noFrames<E extends Error>(e: E): E {
  Object.defineProperty(e, "stack", { value: `${e.name}: ${e.message}`, configurable: true });
  return e;
}

function group(message: string, members: unknown[]): ExceptionGroup {
  return noFrames(new ExceptionGroup(message, members));
}

test("String(ExceptionGroup) adds the count as Python's str() does; message stays exact", () => {
  const two = new ExceptionGroup("unhandled errors in a TaskGroup", [new Error("a"), 1]);
  assert.equal(String(two), "ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)");
  assert.equal(`${two}`, String(two));
  assert.equal(two.message, "unhandled errors in a TaskGroup");
  assert.equal(
    String(new ExceptionGroup("one", [new Error()])),
    "ExceptionGroup: one (1 sub-exception)",
  );
  // Python: str(ExceptionGroup("", [ValueError()])) == " (1 sub-exception)"
  assert.equal(String(new ExceptionGroup("", [1])), "ExceptionGroup:  (1 sub-exception)");
  // A subclass prints its own name once it sets one, as errors do.
  class MyGroup extends ExceptionGroup {}
  Object.defineProperty(MyGroup.prototype, "name", { value: "MyGroup" });
  assert.equal(String(new MyGroup("m", [1, 2, 3])), "MyGroup: m (3 sub-exceptions)");
});

test("ExceptionGroup prints like Python's traceback group, nested groups nested", () => {
  const withCause = noFrames(
    new ValueError("with cause", { cause: noFrames(new RangeError("c")) }),
  );
  const eg = group("outer", [
    withCause,
    group("inner", [noFrames(new TypeError("t"))]),
    noFrames(new ValueError("")),
  ]);
  // CPython 3.13, with KeyError('c') for the RangeError:
  const expected = fromPython(`
  | ExceptionGroup: outer (3 sub-exceptions)
  +-+---------------- 1 ----------------
    | RangeError: c
    | 
    | The above exception was the direct cause of the following exception:
    | 
    | ValueError: with cause
    +---------------- 2 ----------------
    | ExceptionGroup: inner (1 sub-exception)
    +-+---------------- 1 ----------------
      | TypeError: t
      +------------------------------------
    +---------------- 3 ----------------
    | ValueError
    +------------------------------------
`);
  assert.equal(inspect(eg), expected);
});

test("ExceptionGroup prints 15 members, then how many more, as Python does", () => {
  const eg = group(
    "wide",
    Array.from({ length: 17 }, (_, i) => noFrames(new ValueError(String(i)))),
  );
  const lines = inspect(eg).split("\n");
  assert.equal(lines[0], "ExceptionGroup: wide (17 sub-exceptions)");
  assert.equal(lines[1], "+-+---------------- 1 ----------------");
  assert.equal(lines[2], "  | ValueError: 0");
  assert.equal(lines[3], "  +---------------- 2 ----------------");
  // CPython 3.13's last lines for 17 members:
  assert.deepEqual(
    lines.slice(-5),
    fromPython(`
    +---------------- 15 ----------------
    | ValueError: 14
    +---------------- ... ----------------
    | and 2 more exceptions
    +------------------------------------
`).split("\n").map((l) => l),
  );
});

test("ExceptionGroup prints groups nested 10 deep, then says where it stopped", () => {
  let e: unknown = noFrames(new ValueError("leaf"));
  for (let i = 0; i < 12; i++) e = group(`d${i}`, [e, noFrames(new RangeError(String(i)))]);
  const text = inspect(e);
  const lines = text.split("\n");
  assert.equal(lines[0], "ExceptionGroup: d11 (2 sub-exceptions)");
  // Where CPython 3.13 prints "... (max_group_depth is 10)": behind ten
  // levels of nesting, in place of group d1.
  const cut = lines.findIndex((l) => l.includes("max_group_depth"));
  assert.equal(lines[cut], `${"  ".repeat(10)}| ... (max_group_depth is 10)`);
  assert.equal(lines[cut - 2], `${"  ".repeat(9)}| ExceptionGroup: d2 (2 sub-exceptions)`);
  assert.equal(lines[cut + 2], `${"  ".repeat(10)}| RangeError: 2`);
  assert.equal(text.includes("leaf"), false);
  // Each level closes its box once, after its last member.
  assert.equal(lines.filter((l) => l.endsWith("+------------------------------------")).length, 10);
});

test("ExceptionGroup prints each member's stack frames and any thrown value", () => {
  const member = new ValueError("bad port");
  Object.defineProperty(member, "stack", {
    value:
      "ValueError: bad port\n    at connect (file:///app.ts:3:9)\n    at main (file:///app.ts:9:3)",
  });
  const eg = new ExceptionGroup("errors", [member, "text", 42]);
  Object.defineProperty(eg, "stack", {
    value: "ExceptionGroup: errors\n    at run (file:///app.ts:12:1)",
  });
  assert.equal(
    inspect(eg),
    [
      "ExceptionGroup: errors (3 sub-exceptions)",
      "    at run (file:///app.ts:12:1)",
      "+-+---------------- 1 ----------------",
      "  | ValueError: bad port",
      "  |     at connect (file:///app.ts:3:9)",
      "  |     at main (file:///app.ts:9:3)",
      "  +---------------- 2 ----------------",
      "  | 'text'",
      "  +---------------- 3 ----------------",
      "  | 42",
      "  +------------------------------------",
    ].join("\n"),
  );
});

test("ExceptionGroup prints a member's cause chain and survives a cycle in it", () => {
  const a = noFrames(new TimeoutError("deadline"));
  const b = noFrames(new Error("b", { cause: a }));
  Object.defineProperty(a, "cause", { value: b });
  const text = inspect(group("g", [a]));
  assert.ok(text.includes("  | Error: b\n  | \n  | The above exception"));
  assert.ok(text.endsWith("  | TimeoutError: deadline\n  +------------------------------------"));
});

test("ExceptionGroup prints the same through the runtime's own inspector", () => {
  const eg = group("g", [
    noFrames(new ValueError("a")),
    group("h", [noFrames(new TypeError("b"))]),
  ]);
  const expected = inspect(eg);
  assert.ok(expected.startsWith("ExceptionGroup: g (2 sub-exceptions)\n+-+-------"));
  const deno = (globalThis as { Deno?: { inspect(value: unknown): string } }).Deno;
  if (runtime === "deno") assert.equal(deno!.inspect(eg), expected);
  // Inside another value the inspector indents the form as a whole.
  assert.ok(inspect([eg]).includes("ExceptionGroup: g (2 sub-exceptions)"));
});

if (runtime !== "node") {
  // Node's console.log is util.inspect, tested above; Deno's and Bun's
  // console.log are their own, so print from a child process. (Node runs
  // these tests from a bundle and could not import the source file.)
  test("console.log(ExceptionGroup) prints the traceback form (Deno, Bun)", () => {
    const errors = new URL("../../errors.ts", import.meta.url).href;
    const script = `import { ExceptionGroup } from ${JSON.stringify(errors)};
      const bare = (e) => (Object.defineProperty(e, "stack", { value: e.name + ": " + e.message }), e);
      console.log(bare(new ExceptionGroup("g", [bare(new RangeError("a")), bare(new ExceptionGroup("h", [bare(new TypeError("b"))]))])));`;
    const args = runtime === "deno" ? ["eval", "--ext=js", script] : ["-e", script];
    const env = { ...process.env, NO_COLOR: "1" };
    const out = execFileSync(process.execPath, args, { encoding: "utf8", timeout: 30_000, env });
    assert.equal(
      out,
      [
        "ExceptionGroup: g (2 sub-exceptions)",
        "+-+---------------- 1 ----------------",
        "  | RangeError: a",
        "  +---------------- 2 ----------------",
        "  | ExceptionGroup: h (1 sub-exception)",
        "  +-+---------------- 1 ----------------",
        "    | TypeError: b",
        "    +------------------------------------",
        "",
      ].join("\n"),
    );
  });
}
