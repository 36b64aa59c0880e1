// A task's error does not surface by itself: a done callback sees done() is
// true and reads the error with exception().
// Seed 000 (also 001): 不要简单的用done()判断是否执行完毕, first program. The
// 1 s sleep is 0.1 s; the callback stops the loop (the seed runs forever).
// Python original: examples/python/seed00_05_done_callback_exception.py
import * as asyncio from "../mod.ts";

/** Python prints booleans as True / False. */
const pyBool = (b: boolean) => (b ? "True" : "False");

function myCallback(future: asyncio.Future<string>) {
  console.log("callback");
  console.log(pyBool(future.done()));
  // print(exc) shows str(exc): the message.
  console.log((future.exception() as Error).message);
  loop.stop(); // added: end the program
}

const coroutineExample = asyncio.coroutine(async function coroutineExample(): Promise<string> {
  await asyncio.sleep(0.1);
  throw new TypeError("F**k");
});

const coro = coroutineExample();

const loop = asyncio.getEventLoop();

const task = loop.createTask(coro);
task.addDoneCallback(myCallback);

await loop.runForever();
