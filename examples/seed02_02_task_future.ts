// Three ways to make a task (new Task, ensureFuture, loop.createTask),
// ensureFuture() returning a future as is, and a Future from
// loop.createFuture() with setResult() and addDoneCallback().
// Seed 002 (async库的使用): the Task and Future snippets assembled into one
// program (the seed lists them as separate snippets).
// Python original: examples/python/seed02_02_task_future.py
import * as asyncio from "../mod.ts";

/** Python prints booleans as True / False. */
const pyBool = (b: boolean) => (b ? "True" : "False");

const func = asyncio.coroutine(async function func(n: number) {
  await asyncio.sleep(0);
  return n * 10;
});

const main = asyncio.coroutine(async function main() {
  const loop = asyncio.getRunningLoop();
  // 显示创建Task的3种方式
  const task1 = new asyncio.Task(func(1));
  const task2 = asyncio.ensureFuture(func(2));
  const task3 = loop.createTask(func(3));
  console.log(await task1, await task2, await task3);
  // ensure_future: 接受到future直接return
  console.log("ensure_future(task) is task:", pyBool(asyncio.ensureFuture(task1) === task1));

  // 显示创建Future
  const future = loop.createFuture<string>();
  future.addDoneCallback((f) => console.log("callback:", f.result()));
  loop.callSoon((result: string) => future.setResult(result), "ok");
  console.log("await:", await future);

  // func() --> 返回一个协程
  const c = func(4);
  console.log("iscoroutine:", pyBool(asyncio.isCoroutine(c)));
  console.log(await c);
});

await asyncio.run(main());
