// deno-lint-ignore-file require-await -- mains are async functions that may not await
// addSignalHandler / removeSignalHandler in this process, with real signals
// sent to itself: only signals that have a handler registered at the time
// (SIGUSR1, SIGUSR2), so the default action never ends the test runner.
// What needs a whole process (default action restored, nothing kept alive,
// run()'s SIGINT rule) is in tests/integration/signals_process_test.ts.
import process from "node:process";
import {
  addSignalHandler,
  EventLoop,
  type ExceptionContext,
  getRunningLoop,
  removeSignalHandler,
  run,
  RuntimeError,
  validSignals,
  ValueError,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

function raise(sig: "SIGUSR1" | "SIGUSR2"): void {
  process.kill(process.pid, sig);
}

test("addSignalHandler() runs the handler as a loop callback with its arguments", async () => {
  const seen = await run(async () => {
    const loop = getRunningLoop();
    const got = loop.createFuture<unknown[]>();
    addSignalHandler(
      "SIGUSR1",
      (...args: unknown[]) => {
        // a loop callback: the running loop is there
        got.setResult([...args, getRunningLoop() === loop]);
      },
      "a",
      1,
    );
    try {
      raise("SIGUSR1");
      return await got;
    } finally {
      removeSignalHandler("SIGUSR1");
    }
  });
  assert.deepEqual(seen, ["a", 1, true]);
});

test("addSignalHandler() never runs the handler inside the signal event", async () => {
  const order = await run(async () => {
    const loop = getRunningLoop();
    const log: string[] = [];
    const done = loop.createFuture<void>();
    addSignalHandler("SIGUSR1", () => {
      log.push("handler");
      done.setResult();
    });
    try {
      raise("SIGUSR1");
      log.push("after kill");
      await done;
      return log;
    } finally {
      removeSignalHandler("SIGUSR1");
    }
  });
  assert.deepEqual(order, ["after kill", "handler"]);
});

test("addSignalHandler() again for the same signal replaces the handler", async () => {
  const seen = await run(async () => {
    const loop = getRunningLoop();
    const log: string[] = [];
    const done = loop.createFuture<void>();
    addSignalHandler("SIGUSR2", () => log.push("first"));
    addSignalHandler("SIGUSR2", () => {
      log.push("second");
      done.setResult();
    });
    try {
      raise("SIGUSR2");
      await done;
      return log;
    } finally {
      removeSignalHandler("SIGUSR2");
    }
  });
  assert.deepEqual(seen, ["second"]);
});

test("removeSignalHandler() returns true for a registered handler, then false", async () => {
  const result = await run(async () => {
    addSignalHandler("SIGUSR1", () => {});
    return [removeSignalHandler("SIGUSR1"), removeSignalHandler("SIGUSR1")];
  });
  assert.deepEqual(result, [true, false]);
});

test("addSignalHandler() rejects unknown names, uncatchable signals and coroutine functions", async () => {
  await run(async () => {
    assert.throws(() => addSignalHandler("SIGNOPE", () => {}), ValueError);
    assert.throws(() => addSignalHandler("SIGNOPE", () => {}), /invalid signal: 'SIGNOPE'/);
    assert.throws(() => removeSignalHandler("SIGNOPE"), ValueError);
    assert.throws(() => addSignalHandler("SIGKILL", () => {}), RuntimeError);
    assert.throws(() => addSignalHandler("SIGKILL", () => {}), /sig 9 cannot be caught/);
    assert.throws(() => addSignalHandler("SIGSTOP", () => {}), /sig \d+ cannot be caught/);
    assert.throws(() => addSignalHandler("SIGUSR1", async () => {}), TypeError);
    assert.throws(() => addSignalHandler("SIGUSR1", async () => {}), /coroutines cannot be used/);
    // deno-lint-ignore no-explicit-any
    assert.throws(() => addSignalHandler(15 as any, () => {}), TypeError);
    assert.equal(removeSignalHandler("SIGUSR1"), false);
  });
  // cpython: test_unix_events.py SelectorEventLoopSignalTests.test_add_signal_handler
});

test("addSignalHandler() outside a running loop throws no running event loop", () => {
  assert.throws(() => addSignalHandler("SIGUSR1", () => {}), /no running event loop/);
});

test("addSignalHandler() handler that throws goes to the exception handler", async () => {
  const ctx = await run(async () => {
    const loop = getRunningLoop();
    const got = loop.createFuture<ExceptionContext>();
    loop.setExceptionHandler((_l, context) => got.setResult(context));
    const boom = new Error("boom");
    addSignalHandler("SIGUSR1", () => {
      throw boom;
    });
    try {
      raise("SIGUSR1");
      const context = await got;
      assert.equal(context.exception, boom);
      return context;
    } finally {
      removeSignalHandler("SIGUSR1");
    }
  });
  assert.match(ctx.message, /Exception in callback/);
  // cpython: test_unix_events.py (callback exceptions go to the handler like any callback)
});

test("EventLoop.addSignalHandler() works before the loop runs", async () => {
  const loop = new EventLoop();
  try {
    const got = loop.createFuture<string>();
    loop.addSignalHandler("SIGUSR2", (s: string) => got.setResult(s), "before");
    raise("SIGUSR2");
    assert.equal(await loop.runUntilComplete(got), "before");
  } finally {
    loop.close();
  }
});

test("EventLoop.close() removes the loop's signal handlers", async () => {
  const closed = new EventLoop();
  const other = new EventLoop();
  try {
    let closedRan = false;
    closed.addSignalHandler("SIGUSR1", () => (closedRan = true));
    closed.close();
    // the closed loop's handler is gone: removing it finds nothing to remove
    const got = other.createFuture<void>();
    other.addSignalHandler("SIGUSR1", () => got.setResult());
    raise("SIGUSR1");
    await other.runUntilComplete(got);
    assert.equal(closedRan, false);
    assert.throws(() => closed.addSignalHandler("SIGUSR1", () => {}), /Event loop is closed/);
  } finally {
    other.close();
  }
  // cpython: test_unix_events.py SelectorEventLoopSignalTests.test_close
});

test("addSignalHandler(): two loops with a handler for one signal both run theirs", async () => {
  const a = new EventLoop();
  const b = new EventLoop();
  try {
    const fa = a.createFuture<string>();
    const fb = b.createFuture<string>();
    a.addSignalHandler("SIGUSR2", () => fa.setResult("a"));
    b.addSignalHandler("SIGUSR2", () => fb.setResult("b"));
    raise("SIGUSR2");
    assert.equal(await a.runUntilComplete(fa), "a");
    assert.equal(await b.runUntilComplete(fb), "b");
  } finally {
    a.close();
    b.close();
  }
});

test("validSignals() lists this OS's signal names", () => {
  const names = validSignals();
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGKILL", "SIGALRM"]) {
    assert.ok(names.has(name), name);
  }
  assert.equal(names.has("SIGNOPE"), false);
});
