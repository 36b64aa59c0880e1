// 3. ping-pong: two tasks hand a token back and forth. `pingpong` goes
// through two Queue(maxsize=1), the same workload as bench.py `pingpong` and
// js/raw/pingpong.mjs; `pingpong_event` through two Events (set, wait,
// clear), the "handoffs through an Event". n = hand-offs.
// unit: handoffs/s
import { Event, gather, Queue, run } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

await bench({
  name: "pingpong",
  unit: "handoffs/s",
  n: 200_000,
  repeats: 7,
  warmup: 2,
  fn: (n) =>
    run(async () => {
      const ab = new Queue<number>({ maxsize: 1 });
      const ba = new Queue<number>({ maxsize: 1 });
      const rounds = n >> 1;
      const a = async () => {
        let v = -1;
        for (let i = 0; i < rounds; i++) {
          await ab.put(i);
          v = await ba.get();
        }
        return v;
      };
      const b = async () => {
        for (let i = 0; i < rounds; i++) await ba.put(await ab.get());
        return 0;
      };
      const t0 = now();
      const [v] = await gather(a, b);
      const dt = (now() - t0) / 1e3;
      if (v !== rounds - 1) throw new Error(`bad ${v}`);
      return { value: (2 * rounds) / dt };
    }),
});

await bench({
  name: "pingpong_event",
  unit: "handoffs/s",
  n: 200_000,
  repeats: 7,
  warmup: 2,
  extra: { raw: "pingpong.mjs", py: "pingpong" },
  fn: (n) =>
    run(async () => {
      const ping = new Event();
      const pong = new Event();
      const rounds = n >> 1;
      let count = 0;
      const a = async () => {
        for (let i = 0; i < rounds; i++) {
          ping.set();
          await pong.wait();
          pong.clear();
          count++;
        }
      };
      const b = async () => {
        for (let i = 0; i < rounds; i++) {
          await ping.wait();
          ping.clear();
          pong.set();
          count++;
        }
      };
      const t0 = now();
      await gather(a, b);
      const dt = (now() - t0) / 1e3;
      if (count !== 2 * rounds) throw new Error(`bad ${count}`);
      return { value: (2 * rounds) / dt };
    }),
});
exit();
