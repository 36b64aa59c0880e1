// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// Cancellation: before the first step, during an await (finally runs),
// caught and continued, uncancel rescinding an undelivered request,
// self-cancel then return, repeated cancel().
import { CancelledError, createTask, currentTask, sleep, type Task } from "../../../mod.ts";
import { py } from "../_harness.ts";

function args(e: CancelledError): string {
  return e.message === "" ? "()" : `(${py.repr(e.message)},)`;
}

export default async function main(print: (line: string) => void): Promise<void> {
  // 1.
  let t: Task<unknown> = createTask(async () => {
    print("never runs");
  });
  print(`cancel before start ${py.repr(t.cancel("early"))}`);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`awaiting raised CancelledError ${args(e)} cancelled=${py.repr(t.cancelled())}`);
  }

  // 2.
  const inner = async () => {
    try {
      await sleep(10);
    } finally {
      print("inner finally");
    }
  };
  const outer = async () => {
    try {
      await inner();
    } finally {
      print("outer finally");
    }
  };
  t = createTask(outer);
  await sleep(0);
  print(
    `cancel during await ${py.repr(t.cancel("stop"))} ${
      py.repr(t.cancel("again"))
    } ${t.cancelling()}`,
  );
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`task ended CancelledError ${args(e)} cancelled=${py.repr(t.cancelled())}`);
  }

  // 3.
  t = createTask(async () => {
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`stubborn caught ${args(e)}`);
    }
    await sleep(0.1);
    return "kept going";
  });
  await sleep(0);
  t.cancel("please");
  const kept = await t;
  print(
    `stubborn result ${py.repr(kept)} cancelled=${
      py.repr(t.cancelled())
    } cancelling=${t.cancelling()}`,
  );

  // 4.
  const answer = createTask(async () => {
    print("answer runs");
    return 42;
  });
  answer.cancel();
  print(`uncancel ${answer.uncancel()}`);
  print(`answer result ${await answer} cancelled=${py.repr(answer.cancelled())}`);

  // 5.
  t = createTask(async () => {
    currentTask()!.cancel("myself");
    return "ignored";
  });
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`self-cancel ended CancelledError ${args(e)}`);
  }

  // 6.
  print(`cancel done task ${py.repr(t.cancel())}`);
  const sleeper = async (name: string) => {
    try {
      await sleep(5);
    } catch (e) {
      if (e instanceof CancelledError) print(`${name} cancelled`);
      throw e;
    }
  };
  const ts = ["p", "q", "r"].map((n) => createTask(() => sleeper(n)));
  await sleep(0);
  for (const x of [...ts].reverse()) x.cancel();
  const names: string[] = [];
  for (const x of ts) {
    try {
      await x;
      names.push("NoneType");
    } catch (e) {
      names.push((e as Error).name);
    }
  }
  print(py.repr(names));
  print("end");
}
