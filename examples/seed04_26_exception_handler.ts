// loop.setExceptionHandler() replaces the default report; callExceptionHandler()
// hands it a context by hand.
// Seed 004: 事件循环中的错误处理. The 1 s sleeps are 0.1 s; main() ends after
// reporting (the seed loops forever). The handler prints the context the way
// Python prints the dict.
// Python original: examples/python/seed04_26_exception_handler.py
import * as asyncio from "../mod.ts";

class AttributeError extends Error {
  override name = "AttributeError";
}

/** Python's repr() of the values in this program: str, exception, dict. */
function pyRepr(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (value instanceof Error) return `${value.name}(${pyRepr(value.message)})`;
  if (typeof value === "object" && value !== null) {
    const items = Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`);
    return `{${items.join(", ")}}`;
  }
  return String(value);
}

const main = asyncio.coroutine(async function main() {
  let count = 0;
  const loop = asyncio.getEventLoop();
  while (true) {
    count += 1;
    console.log("ok");
    await asyncio.sleep(0.1);
    if (count === 3) {
      const context = {
        message: "错误消息",
        exception: new AttributeError("错误消息"),
      };
      loop.callExceptionHandler(context);
      break; // added: end the program
    }
  }
});

// deno-lint-ignore no-unused-vars
function AttributeErrorHaddler(loop: asyncio.AbstractEventLoop, context: asyncio.ExceptionContext) {
  loop.callExceptionHandler(context);
}

const loop = asyncio.getEventLoop();
loop.setExceptionHandler((_loop, context) => console.log(pyRepr(context)));
await loop.runUntilComplete(main());
