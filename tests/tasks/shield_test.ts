// shield(): the inner work survives the cancellation of its awaiter.
import {
  CancelledError,
  createTask,
  Future,
  gather,
  run,
  shield,
  sleep,
  TimeoutError,
  VirtualTimeEventLoop,
  waitFor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

async function turns(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await sleep(0);
}

async function settle(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    await aw;
    return undefined;
  } catch (e) {
    return e;
  }
}

test("shield() follows the inner future's result and error", async () => {
  await go(async () => {
    const inner = new Future<number>();
    const outer = shield(inner);
    inner.setResult(42);
    assert.equal(await outer, 42);
    const inner2 = new Future<number>();
    const outer2 = shield(inner2);
    await turns(1);
    const exc = new RangeError("expected");
    inner2.setException(exc);
    await turns();
    assert.equal(outer2.exception(), exc);
  });
  // cpython: test_tasks.py BaseTaskTests.test_shield_result
  // cpython: test_tasks.py BaseTaskTests.test_shield_exception
});

test("shield() inner cancelled: the outer is cancelled too", async () => {
  await go(async () => {
    const inner = new Future<number>();
    const outer = shield(inner);
    await turns(1);
    inner.cancel();
    await turns();
    assert.equal(outer.cancelled(), true);
  });
  // cpython: test_tasks.py BaseTaskTests.test_shield_cancel_inner
});

test("shield() outer cancelled: the inner goes on and the outer drops its callback", async () => {
  await go(async () => {
    const inner = new Future<number>();
    const outer = shield(inner);
    await turns(1);
    outer.cancel();
    await turns();
    assert.equal(outer.cancelled(), true);
    assert.equal(inner.done(), false);
    // The inner future no longer references the outer one.
    assert.equal(String(inner), "<Future pending>");
    inner.setResult(1);
  });
  // cpython: test_tasks.py BaseTaskTests.test_shield_cancel_outer
});

test("shield() of an already-done future returns it as it is", async () => {
  await go(async () => {
    const fut = new Future<number>();
    fut.setResult(42);
    assert.equal(shield(fut), fut);
    assert.equal(await shield(fut), 42);
  });
  // cpython: test_tasks.py BaseTaskTests.test_shield_shortcut
});

test("shield() cancelling the awaiting task leaves the inner running to completion", async () => {
  await go(async () => {
    let proof = 0;
    const waiter = new Future<void>();
    const inner = async () => {
      await waiter;
      proof += 1;
    };
    const f = createTask(async () => {
      await shield(inner);
      proof += 100;
    });
    await sleep(0);
    f.cancel();
    assert.ok(await settle(f) instanceof CancelledError);
    waiter.setResult();
    await turns();
    assert.equal(proof, 1);
  });
  // cpython: test_tasks.py BaseTaskTests.test_shield_effect
});

test("shield() around gather(): cancelling the shield leaves the gather alone", async () => {
  await go(async () => {
    const child1 = new Future<number>();
    const child2 = new Future<number>();
    const parent = gather(child1, child2);
    const outer = shield(parent);
    await turns(1);
    outer.cancel();
    await turns();
    assert.equal(outer.cancelled(), true);
    child1.setResult(1);
    child2.setResult(2);
    await turns();
    assert.deepEqual(parent.result(), [1, 2]);
  });
  // cpython: test_tasks.py BaseTaskTests.test_shield_gather
});

test("gather() of shields: cancelling the gather cancels the shields, not the children", async () => {
  await go(async () => {
    const child1 = new Future<number>();
    const child2 = new Future<number>();
    const inner1 = shield(child1);
    const inner2 = shield(child2);
    const parent = gather(inner1, inner2);
    await turns(1);
    parent.cancel();
    await turns();
    assert.ok(parent.exception() instanceof CancelledError);
    assert.equal(inner1.cancelled(), true);
    assert.equal(inner2.cancelled(), true);
    assert.equal(child1.done() || child2.done(), false);
    child1.setResult(1);
    child2.setResult(2);
    await turns();
  });
  // cpython: test_tasks.py BaseTaskTests.test_gather_shield
});

test("waitFor(shield(task)) times out while the task keeps running", async () => {
  await go(async () => {
    const task = createTask(() => sleep(0.1, "done"));
    assert.ok(await settle(waitFor(shield(task), 0.01)) instanceof TimeoutError);
    assert.equal(task.done(), false);
    assert.equal(await task, "done");
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_shielded_timeout
});
