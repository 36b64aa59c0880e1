// A native call aborted through `currentSignal()` counts as the cancellation
// that aborted it, however the host reports the abort: with the signal's
// reason (Deno, Bun, Node), with `Error: CancelledError` (workerd), or with a
// DOMException named AbortError. Errors the abort did not cause go through.
import {
  CancelledError,
  createTask,
  currentSignal,
  ExceptionGroup,
  run,
  sleep,
  taskGroup,
  timeout,
  TimeoutError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

type HostStyle = "reason" | "workerd" | "abort-error";

/** A native call that never settles on its own and fails when `signal` aborts, as `style`'s host does. */
function hostCall(signal: AbortSignal, style: HostStyle): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener("abort", () => {
      const reason = signal.reason as Error;
      if (style === "reason") reject(reason);
      else if (style === "workerd") reject(new Error(reason.name));
      else reject(new DOMException("The operation was aborted", "AbortError"));
    }, { once: true });
  });
}

for (const style of ["reason", "workerd", "abort-error"] as const) {
  test(`timeout() raises TimeoutError when its deadline aborts a native call (${style})`, async () => {
    await run(async () => {
      const err = await timeout(0.2, () => hostCall(currentSignal(), style)).catch((e) => e);
      assert.ok(err instanceof TimeoutError, `got ${err}`);
      assert.ok((err as TimeoutError).cause instanceof CancelledError);
    }, virtual);
  });

  test(`Task.cancel() of a task awaiting an aborted native call ends it cancelled (${style})`, async () => {
    await run(async () => {
      const task = createTask(() => hostCall(currentSignal(), style));
      await sleep(0);
      task.cancel("stop");
      const err = await task.then(() => null, (e) => e);
      assert.ok(err instanceof CancelledError, `got ${err}`);
      assert.equal(task.cancelled(), true);
    }, virtual);
  });

  test(`taskGroup() cancels a body awaiting a native call without reporting it (${style})`, async () => {
    await run(async () => {
      const boom = new Error("boom");
      const err = await taskGroup(async (tg) => {
        tg.createTask(async () => {
          await sleep(0.1);
          throw boom;
        });
        await hostCall(currentSignal(), style);
      }).catch((e) => e);
      assert.ok(err instanceof ExceptionGroup, `got ${err}`);
      assert.deepEqual((err as ExceptionGroup).exceptions, [boom]);
    }, virtual);
  });
}

test("timeout() lets through an error the abort did not cause", async () => {
  await run(async () => {
    const other = new Error("CancelledError");
    // Thrown before any abort: the same words, but not our cancellation.
    const err = await timeout(1, async () => {
      await sleep(0.1);
      throw other;
    }).catch((e) => e);
    assert.equal(err, other);
  }, virtual);
});

test("timeout() lets through an unrelated error thrown after its deadline aborted the signal", async () => {
  await run(async () => {
    const other = new RangeError("disk full");
    const err = await timeout(0.1, async () => {
      const signal = currentSignal();
      await hostCall(signal, "workerd").catch(() => {});
      throw other;
    }).catch((e) => e);
    assert.equal(err, other);
  }, virtual);
});

test("Task.cancel() leaves a plain Error with another message as the task's error", async () => {
  await run(async () => {
    const other = new Error("connection reset");
    const task = createTask(async () => {
      await hostCall(currentSignal(), "workerd").catch(() => {});
      throw other;
    });
    await sleep(0);
    task.cancel();
    const err = await task.then(() => null, (e) => e);
    assert.equal(err, other);
  }, virtual);
});
