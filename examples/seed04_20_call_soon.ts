// loop.callSoon() queues callbacks that run in order once the loop runs;
// a queued loop.stop() ends runForever().
// Seed 004: 将回调函数注册到事件循环. The notebook's loop was already running;
// here loop.stop() is queued after the callbacks and the loop runs until then.
// Python original: examples/python/seed04_20_call_soon.py
import * as asyncio from "../mod.ts";

function helloWorld() {
  console.log("Hello World");
}

const loop = asyncio.getEventLoop();
// Schedule a call to hello_world()
loop.callSoon(helloWorld);
loop.callSoon(helloWorld);
loop.callSoon(helloWorld);
loop.callSoon(helloWorld);
// Blocking call interrupted by loop.stop()
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
