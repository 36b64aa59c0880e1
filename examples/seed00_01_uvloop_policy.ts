// Event loop policies: a custom policy decides which loop class run() and
// getEventLoop() use, and setEventLoop() installs a loop by hand.
// Seed 000 (also 001, 003): 设置事件循环策略 / 手动指定 loop 类型 (uvloop).
// uvloop is a Python package; the policy mechanics are ported with a policy
// class of our own (extending DefaultEventLoopPolicy) that makes loops of our
// own class, standing in for uvloop.EventLoopPolicy() and uvloop.new_event_loop().
// Python original: examples/python/seed00_01_uvloop_policy.py
import * as asyncio from "../mod.ts";

/** Stands in for uvloop's loop class. */
class UvLoop extends asyncio.EventLoop {}

/** Stands in for uvloop.EventLoopPolicy(): makes UvLoop loops. */
class UvloopPolicy extends asyncio.DefaultEventLoopPolicy {
  override newEventLoop(): asyncio.AbstractEventLoop {
    return new UvLoop();
  }
}

// An async def without await, as in the seed.
// deno-lint-ignore require-await
const main = asyncio.coroutine(async function main() {
  console.log("running on", asyncio.getRunningLoop().constructor.name);
});

asyncio.setEventLoopPolicy(new UvloopPolicy());
console.log(asyncio.getEventLoopPolicy().constructor.name);
await asyncio.run(main());

// 或者手动指定 loop 类型使用
asyncio.setEventLoop(new UvLoop());
const loop = asyncio.getEventLoop();
console.log(loop.constructor.name);
await loop.runUntilComplete(main());
loop.close();
