// VirtualTimeEventLoop: the clock jumps to the next timer when idle, timer
// order is kept, real host timers and I/O still complete, advance().
import { readFile } from "node:fs/promises";
import {
  createTask,
  EventLoop,
  getRunningLoop,
  run,
  sleep,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

test("VirtualTimeEventLoop: an hour of sleeps advances loop.time() by 3600", async () => {
  const mine = new VirtualTimeEventLoop();
  assert.ok(mine instanceof EventLoop);
  const elapsed = await run(async () => {
    const loop = getRunningLoop();
    assert.equal(loop, mine);
    const t0 = loop.time();
    for (let i = 0; i < 60; i++) await sleep(60);
    return loop.time() - t0;
  }, { loopFactory: () => mine });
  assert.equal(elapsed, 3600);
});

test("VirtualTimeEventLoop starts its clock at options.start", () => {
  const loop = new VirtualTimeEventLoop({ start: 1000 });
  assert.equal(loop.time(), 1000);
  assert.equal(new VirtualTimeEventLoop().time(), 0);
  loop.close();
});

test("VirtualTimeEventLoop keeps timer order and fires each at its deadline", async () => {
  const fired: Array<[string, number]> = [];
  await run(async () => {
    const loop = getRunningLoop();
    for (const [name, delay] of [["c", 30], ["a", 10], ["b", 20], ["a2", 10]] as const) {
      loop.callLater(delay, () => fired.push([name, loop.time()]));
    }
    const tasks = [25, 5].map((d) =>
      createTask(async () => {
        await sleep(d);
        fired.push([`task${d}`, loop.time()]);
      })
    );
    await sleep(40);
    for (const t of tasks) await t;
  }, { loopFactory: () => new VirtualTimeEventLoop() });
  assert.deepEqual(fired, [["task5", 5], ["a", 10], ["a2", 10], ["b", 20], ["task25", 25], [
    "c",
    30,
  ]]);
});

test("VirtualTimeEventLoop lets a real host timer complete", async () => {
  const value = await run(async () => {
    const loop = getRunningLoop();
    const background = createTask(() => sleep(100, "virtual"));
    const real = await new Promise<string>((resolve) => setTimeout(() => resolve("real"), 1));
    return [real, await background, loop.time() >= 100] as const;
  }, { loopFactory: () => new VirtualTimeEventLoop() });
  assert.deepEqual(value, ["real", "virtual", true]);
});

test("VirtualTimeEventLoop lets real I/O complete while timers are pending", async () => {
  const text = await run(async () => {
    const pending = createTask(() => sleep(3600));
    const data = await readFile("deno.json", "utf8");
    pending.cancel();
    return data;
  }, { loopFactory: () => new VirtualTimeEventLoop() });
  assert.match(text, /"name"/);
});

test("VirtualTimeEventLoop with autojump false moves time only through advance()", async () => {
  await run(async () => {
    const loop = getRunningLoop() as VirtualTimeEventLoop;
    const t0 = loop.time();
    const order: string[] = [];
    const sleeper = createTask(async () => {
      await sleep(10);
      order.push(`woke at ${loop.time() - t0}`);
    });
    loop.callLater(3, () => order.push("timer 3"));
    await sleep(0);
    await loop.advance(5);
    assert.equal(loop.time() - t0, 5);
    assert.deepEqual(order, ["timer 3"]);
    assert.equal(sleeper.done(), false);
    await loop.advance(5);
    await sleeper;
    assert.deepEqual(order, ["timer 3", "woke at 10"]);
    assert.equal(loop.time() - t0, 10);
  }, { loopFactory: () => new VirtualTimeEventLoop({ autojump: false }) });
});

test("VirtualTimeEventLoop.advance() rejects a negative step", async () => {
  await run(async () => {
    const loop = getRunningLoop() as VirtualTimeEventLoop;
    assert.throws(() => loop.advance(-1), RangeError);
    assert.throws(() => loop.advance(NaN), RangeError);
    await loop.advance(0);
  }, { loopFactory: () => new VirtualTimeEventLoop({ autojump: false }) });
});

test("VirtualTimeEventLoop runs runForever/stop like any loop", async () => {
  const loop = new VirtualTimeEventLoop();
  const order: number[] = [];
  loop.callLater(2, () => {
    order.push(loop.time());
    loop.stop();
  });
  loop.callLater(1, () => order.push(loop.time()));
  await loop.runForever();
  loop.close();
  assert.deepEqual(order, [1, 2]);
});

test("VirtualTimeEventLoop checks its options: an unknown key, a wrong type, a non-object", () => {
  assert.throws(
    () => new VirtualTimeEventLoop({ autoJump: false } as never),
    (e) =>
      e instanceof TypeError
      && e.message
        === "Cannot create VirtualTimeEventLoop: got an unexpected keyword argument 'autoJump' (did you mean 'autojump'?); known options: autojump, start",
  );
  assert.throws(() => new VirtualTimeEventLoop({ start: "10" } as never), /start must be a number/);
  assert.throws(() => new VirtualTimeEventLoop(false as never), /options must be a plain object/);
  const loop = new VirtualTimeEventLoop({ start: 10 });
  assert.equal(loop.time(), 10);
  loop.close();
});
