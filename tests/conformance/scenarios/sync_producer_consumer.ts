// The producer/consumer example of seed 004: a producer puts ten items into
// an unbounded Queue, sleeping before each, then null; a consumer takes them
// until null, sleeping after each. The seed slept random.random() seconds:
// a fixed table of such values stands in (the same on both sides). No times
// are printed: CPython's run sleeps for real, and its jitter would show.
import { gather, Queue, sleep } from "../../../mod.ts";

const PRODUCE = [0.2, 0.34, 0.32, 0.51, 0.73, 0.85, 0.46, 0.84, 0.12, 0.88];
const CONSUME = [0.39, 0.98, 0.67, 0.01, 0.08, 0.27, 0.8, 0.14, 0.19, 0.28];

export default async function main(print: (line: string) => void): Promise<void> {
  const produce = async (queue: Queue<string | null>, n: number) => {
    for (let x = 1; x <= n; x++) {
      print(`producing ${x}/${n}`);
      await sleep(PRODUCE[x - 1]!);
      const item = String(x);
      await queue.put(item);
      print(`  queue after put: ${queue}`);
    }
    await queue.put(null);
    return null;
  };
  const consume = async (queue: Queue<string | null>) => {
    let k = 0;
    for (;;) {
      const item = await queue.get();
      if (item === null) break;
      print(`consuming item ${item}...`);
      await sleep(CONSUME[k]!);
      k++;
    }
    return null;
  };

  const queue = new Queue<string | null>();
  const results = await gather(() => produce(queue, 10), () => consume(queue));
  print(`[${results.map(() => "None").join(", ")}] ${String(queue).replaceAll("'", "")}`);
}
