// The policy and loop calls: get/set the policy, newEventLoop(),
// setEventLoop(), getEventLoop(), runUntilComplete(), runForever() until
// stop(), close().
// Seed 002 (async库的使用): the calls listed under 事件循环策略 and loop,
// assembled into one program (the seed lists them as separate snippets).
// Python original: examples/python/seed02_01_loop_api.py
import * as asyncio from "../mod.ts";

/** Python prints booleans as True / False. */
const pyBool = (b: boolean) => (b ? "True" : "False");

// 获取当前Python进程的事件循环策略
const policy = asyncio.getEventLoopPolicy();
// 设置当前Python进程的事件循环策略
asyncio.setEventLoopPolicy(policy);
console.log("default policy:", pyBool(policy instanceof asyncio.DefaultEventLoopPolicy));

// 创建
const loop = asyncio.newEventLoop();
// 设置
asyncio.setEventLoop(loop);
// 获取: asyncio.get_event_loop() 等于 asyncio.get_event_loop_policy().get_event_loop()
console.log("get_event_loop:", pyBool(asyncio.getEventLoop() === loop));
console.log(
  "policy.get_event_loop:",
  pyBool(asyncio.getEventLoopPolicy().getEventLoop() === loop),
);

// An async def without await, as in the seed.
// deno-lint-ignore require-await
const coro = asyncio.coroutine(async function coro() {
  console.log("is_running inside:", pyBool(loop.isRunning()));
  return "done";
});

// 运行loop 直至future set_result即协程执行完成或返回错误
console.log(await loop.runUntilComplete(coro()));
console.log("is_running after:", pyBool(loop.isRunning()));

// 一直运行loop, 直至loop被stop; callbacks already queued when stop() is called still run
loop.callSoon(console.log, "callback 1");
loop.callSoon(() => loop.stop());
loop.callSoon(console.log, "callback 2");
await loop.runForever();
console.log("stopped");

// 关闭: 当loop关闭即close后,该loop就不能再使用
loop.close();
console.log("is_closed:", pyBool(loop.isClosed()));
try {
  await loop.runUntilComplete(coro());
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  console.log("RuntimeError:", e.message);
}
