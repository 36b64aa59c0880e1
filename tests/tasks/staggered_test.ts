// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// staggeredRace(): first success wins, the others are cancelled,
// exceptions per started attempt, and cancelling the race.
import {
  allTasks,
  CancelledError,
  createTask,
  currentTask,
  getRunningLoop,
  run,
  sleep,
  staggeredRace,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

test("staggeredRace() of nothing: no winner, no exceptions", async () => {
  await go(async () => {
    const [winner, index, excs] = await staggeredRace<string>([], null);
    assert.equal(winner, null);
    assert.equal(index, null);
    assert.deepEqual(excs, []);
  });
  // cpython: test_staggered.py StaggeredTests.test_empty
});

test("staggeredRace() the first success wins and later attempts never start", async () => {
  await go(async () => {
    let started = 0;
    const coro = async (i: number) => {
      started++;
      return `Res: ${i}`;
    };
    const [winner, index, excs] = await staggeredRace([() => coro(0), () => coro(1)], null);
    assert.equal(winner, "Res: 0");
    assert.equal(index, 0);
    assert.deepEqual(excs, [null]);
    assert.equal(started, 1);
  });
  // cpython: test_staggered.py StaggeredTests.test_one_successful
});

test("staggeredRace() a failure starts the next attempt at once", async () => {
  await go(async () => {
    const coro = async (i: number) => {
      if (i === 0) throw new ValueError(String(i));
      return `Res: ${i}`;
    };
    const [winner, index, excs] = await staggeredRace([() => coro(0), () => coro(1)], null);
    assert.equal(winner, "Res: 1");
    assert.equal(index, 1);
    assert.equal(excs.length, 2);
    assert.ok(excs[0] instanceof ValueError);
    assert.equal(excs[1], null);
    assert.equal(getRunningLoop().time(), 0);
  });
  // cpython: test_staggered.py StaggeredTests.test_first_error_second_successful
});

test("staggeredRace() the delay starts the next attempt; the winner cancels the slow one", async () => {
  await go(async () => {
    const coro = async (i: number) => {
      if (i === 0) await sleep(10);
      return `Res: ${i}`;
    };
    const [winner, index, excs] = await staggeredRace([() => coro(0), () => coro(1)], 0.1);
    assert.equal(winner, "Res: 1");
    assert.equal(index, 1);
    assert.equal(excs.length, 2);
    assert.ok(excs[0] instanceof CancelledError);
    assert.equal(excs[1], null);
    assert.equal(getRunningLoop().time(), 0.1);
  });
  // cpython: test_staggered.py StaggeredTests.test_first_timeout_second_successful
});

test("staggeredRace() every attempt failing: no winner and one exception each", async () => {
  await go(async () => {
    const coro = async (i: number): Promise<string> => {
      throw new ValueError(String(i));
    };
    const [winner, index, excs] = await staggeredRace([() => coro(0), () => coro(1)], null);
    assert.equal(winner, null);
    assert.equal(index, null);
    assert.equal(excs.length, 2);
    assert.ok(excs[0] instanceof ValueError);
    assert.ok(excs[1] instanceof ValueError);
  });
  // cpython: test_staggered.py StaggeredTests.test_none_successful
});

test("staggeredRace() lists exceptions per started attempt, in order", async () => {
  await go(async () => {
    const starts: number[] = [];
    const attempt = (i: number, ms: number, ok: boolean) => async () => {
      starts.push(getRunningLoop().time());
      await sleep(ms);
      if (!ok) throw new ValueError(`attempt ${i}`);
      return i;
    };
    const [winner, index, excs] = await staggeredRace([
      attempt(0, 0.5, false),
      attempt(1, 0.05, false),
      attempt(2, 1, true),
      attempt(3, 1, true),
    ], 0.1);
    // 0 starts at 0; 1 at 0.1 (delay) and fails at 0.15, which starts 2;
    // 3 is started at 0.25 by the delay; 2 wins at 1.15.
    assert.deepEqual(starts.map((t) => Math.round(t * 100) / 100), [0, 0.1, 0.15, 0.25]);
    assert.equal(winner, 2);
    assert.equal(index, 2);
    assert.equal(excs.length, 4);
    assert.equal((excs[0] as Error).message, "attempt 0");
    assert.equal((excs[1] as Error).message, "attempt 1");
    assert.equal(excs[2], null);
    assert.ok(excs[3] instanceof CancelledError);
  });
});

test("staggeredRace() cancelled: every attempt is cancelled and no task is left pending", async () => {
  await go(async () => {
    const cleaned: number[] = [];
    const attempt = (i: number) => async () => {
      try {
        await sleep(10);
      } finally {
        cleaned.push(i);
      }
      return i;
    };
    const race = createTask(() => staggeredRace([attempt(0), attempt(1), attempt(2)], 0.1));
    await sleep(0.15);
    race.cancel("stop");
    await assert.rejects(race.then(), (e) => e instanceof CancelledError && e.message === "stop");
    assert.deepEqual(cleaned.sort(), [0, 1]);
    assert.deepEqual([...allTasks()], [currentTask()]);
  });
});
