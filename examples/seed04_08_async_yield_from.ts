// One async generator re-yielding another's values (Python has no async
// yield from; JavaScript's yield* works in async generators too, but the seed's
// point is the explicit loop).
// Seed 004: 关于yield from.
// Python original: examples/python/seed04_08_async_yield_from.py
import * as asyncio from "../mod.ts";

async function* g1(x: number) {
  for (let i = 0; i < x; i++) {
    yield i;
  }
}

async function* g2() {
  for await (const v of g1(5)) {
    yield v;
  }
}

const main = asyncio.coroutine(async function main() {
  for await (const i of g2()) {
    console.log(i);
  }
});

await asyncio.run(main());
