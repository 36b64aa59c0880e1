// future.result() in a done callback re-throws the task's error; the loop
// reports the failing callback (with the stack) on standard error.
// Seed 000 (also 001): 不要简单的用done()判断是否执行完毕, second program. The
// 1 s sleep is 0.1 s; the callback first stops the loop (the seed runs forever;
// its last line throws, so the stop comes first).
// Python original: examples/python/seed00_06_done_callback_result.py
import * as asyncio from "../mod.ts";

/** Python prints booleans as True / False. */
const pyBool = (b: boolean) => (b ? "True" : "False");

function myCallback(future: asyncio.Future<string>) {
  loop.stop(); // added: end the program
  console.log("callback");
  console.log(pyBool(future.done()));
  // print(exc) shows str(exc): the message, empty here.
  console.log((future.exception() as Error).message);
  console.log("返回值：", future.result()); // 增加此行
}

const coroutineExample = asyncio.coroutine(async function coroutineExample(): Promise<string> {
  await asyncio.sleep(0.1);
  throw new TypeError();
});

const coro = coroutineExample();

const loop = asyncio.getEventLoop();

const task = loop.createTask(coro);
task.addDoneCallback(myCallback);

await loop.runForever();
