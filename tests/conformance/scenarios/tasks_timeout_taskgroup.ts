// timeout() and TaskGroup together: expiry, nested deadlines, a failing
// child cancelling its siblings and the body, outside cancellation.
import {
  CancelledError,
  createTask,
  currentTask,
  ExceptionGroup,
  getRunningLoop,
  sleep,
  type Task,
  taskGroup,
  timeout,
  TimeoutError,
  ValueError,
} from "../../../mod.ts";
import { py } from "../_harness.ts";

type Names = Array<string | Names>;
function names(eg: ExceptionGroup): Names {
  return eg.exceptions.map((e) => e instanceof ExceptionGroup ? names(e) : (e as Error).name);
}
function pyNames(n: Names): string {
  return `[${n.map((x) => typeof x === "string" ? py.repr(x) : pyNames(x)).join(", ")}]`;
}

export default async function main(print: (line: string) => void): Promise<void> {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const t = () => py.round1(loop.time() - t0);
  const task = currentTask() as Task<unknown>;
  const child = async (name: string, delay: number, fail = false) => {
    try {
      await sleep(delay);
    } catch (e) {
      if (e instanceof CancelledError) print(`${name} cancelled at t=${t()}`);
      throw e;
    }
    if (fail) {
      print(`${name} fails at t=${t()}`);
      throw new ValueError(name);
    }
    print(`${name} done at t=${t()}`);
    return name;
  };

  let expired = false;
  try {
    await timeout(1, async (cm) => {
      try {
        await child("body", 5);
      } finally {
        expired = cm.expired();
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`TimeoutError at t=${t()} expired=${py.repr(expired)} cause=${(e.cause as Error).name}`);
  }
  print(`cancelling()=${task.cancelling()}`);

  try {
    await timeout(1, async () => {
      try {
        await timeout(1, () => sleep(5));
      } catch (e) {
        if (e instanceof CancelledError) print(`inner let CancelledError through at t=${t()}`);
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`outer TimeoutError at t=${t()}`);
  }

  const cm = await timeout(5, async (cm) => {
    await sleep(1);
    return cm;
  });
  print(`no expiry: expired=${py.repr(cm.expired())} at t=${t()}`);

  try {
    await taskGroup(async (tg) => {
      tg.createTask(() => child("a", 1));
      tg.createTask(() => child("b", 2, true));
      tg.createTask(() => child("c", 3));
      await child("tg-body", 10);
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(`ExceptionGroup ${pyNames(names(e))} at t=${t()}`);
  }
  print(`cancelling()=${task.cancelling()}`);

  try {
    await taskGroup(async (outer) => {
      outer.createTask(() => child("outer-child", 1, true));
      await taskGroup(async (inner) => {
        inner.createTask(() => child("inner-child", 0.5, true));
        await sleep(5);
      });
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(`nested ${pyNames(names(e))} at t=${t()}`);
  }

  const runner = createTask(async () => {
    await taskGroup((tg) => {
      // One child: asyncio cancels a group's children in set order.
      tg.createTask(() => child("x", 5));
    });
    print("not reached");
  });
  await sleep(1);
  runner.cancel();
  try {
    await runner;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`runner cancelled=${py.repr(runner.cancelled())} at t=${t()}`);
  }

  try {
    await timeout(1, () =>
      taskGroup(async (tg) => {
        tg.createTask(() => child("slow", 5));
        await sleep(5);
      }));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`timeout around a group: TimeoutError at t=${t()}`);
  }
}
