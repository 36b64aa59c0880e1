// deno-lint-ignore-file require-await -- request handlers and task bodies are async functions that may not await
/**
 * The Cloudflare Worker that `workerd_test.ts` runs in workerd, bundled with
 * esbuild from the npm package's `"."` entry. Each route runs one scenario
 * on a loop of its own (`run()` per request) and answers JSON; the test
 * asserts on it. `/slow` answers after 30 s, for a fetch to abort.
 *
 * @module
 */
import {
  allTasks,
  createTask,
  currentSignal,
  currentTask,
  Event,
  ExceptionGroup,
  gather,
  getRunningLoop,
  Lock,
  Queue,
  run,
  RuntimeError,
  sleep,
  taskGroup,
  timeout,
  TimeoutError,
} from "@asyncio/asyncio";

type Json = Record<string, unknown>;

/** A number per loop, so that a response can say which loop it ran on. */
const loopIds = new WeakMap<object, number>();
let nextLoopId = 1;

function loopId(): number {
  const loop = getRunningLoop();
  let id = loopIds.get(loop);
  if (id === undefined) loopIds.set(loop, id = nextLoopId++);
  return id;
}

/** Requests of /isolation that have started, by their `id`. */
const started = new Set<string>();

function errorJson(e: unknown): Json {
  const err = e as Error;
  return { name: err?.name, message: err?.message, ctor: err?.constructor?.name };
}

const routes: Record<string, (url: URL) => Promise<Json>> = {
  health: () => Promise.resolve({ ok: true }),

  run: () => run(async () => ({ loop: loopId(), task: currentTask()?.getName() })),

  gather: () =>
    run(async () => {
      const double = async (x: number) => {
        await sleep(0.01);
        return 2 * x;
      };
      return { values: await gather(double(1), double(2), double(3)) };
    }),

  timeout: () =>
    run(async () => {
      const events: string[] = [];
      const sibling = createTask(async () => {
        await sleep(0.2);
        events.push("sibling done");
        return "sibling";
      });
      let raised: Json = {};
      try {
        await timeout(0.05, async () => {
          await sleep(10);
          events.push("body finished");
        });
      } catch (e) {
        raised = errorJson(e);
        events.push("timeout raised");
      }
      const siblingResult = await sibling;
      return { raised, events, siblingResult, timeoutError: raised.ctor === TimeoutError.name };
    }),

  taskgroup: () =>
    run(async () => {
      const events: string[] = [];
      try {
        await taskGroup(async (tg) => {
          tg.createTask(async () => {
            try {
              await sleep(10);
            } finally {
              events.push("sibling cancelled");
            }
          });
          tg.createTask(async () => {
            await sleep(0.01);
            throw new Error("child failed");
          });
        });
        return { events, raised: null };
      } catch (e) {
        const group = e instanceof ExceptionGroup;
        const inner = group
          ? (e as ExceptionGroup).exceptions.map((x) => (x as Error).message)
          : [];
        return { events, raised: errorJson(e), group, inner };
      }
    }),

  queue: () =>
    run(async () => {
      const q = new Queue<number | null>({ maxsize: 2 });
      const got: number[] = [];
      const consumer = createTask(async () => {
        for (let item = await q.get(); item !== null; item = await q.get()) {
          got.push(item);
          q.taskDone();
        }
        q.taskDone();
      });
      for (let i = 0; i < 10; i++) await q.put(i);
      await q.put(null);
      await q.join();
      await consumer;
      return { got };
    }),

  lock: () =>
    run(async () => {
      const lock = new Lock();
      const order: number[] = [];
      await lock.acquire();
      const waiters = [0, 1, 2, 3, 4].map((i) =>
        createTask(async () => {
          await lock.acquire();
          try {
            order.push(i);
            await sleep(0.001);
          } finally {
            lock.release();
          }
        })
      );
      await sleep(0.01);
      lock.release();
      await gather(...waiters);
      return { order };
    }),

  sleep: () =>
    run(async () => {
      const loop = getRunningLoop();
      const t0 = loop.time();
      const d0 = Date.now();
      await sleep(0.1);
      return { loopElapsed: loop.time() - t0, wallElapsedMs: Date.now() - d0 };
    }),

  "fetch-abort": (url) =>
    run(async () => {
      try {
        await timeout(0.2, () => fetch(new URL("/slow", url), { signal: currentSignal() }));
        return { raised: null };
      } catch (e) {
        return { raised: errorJson(e), timeoutError: e instanceof TimeoutError };
      }
    }),

  isolation: async (url) => {
    const id = url.searchParams.get("id") ?? "?";
    const other = url.searchParams.get("other") ?? "?";
    return await run(async () => {
      currentTask()?.setName(`main-${id}`);
      const listed = new Event();
      const helpers = [1, 2, 3].map((i) =>
        createTask(() => listed.wait(), { name: `helper-${id}-${i}` })
      );
      started.add(id);
      // Wait, on real time, until the other request runs too: then both
      // loops exist at once in this isolate.
      let overlapped = false;
      for (let i = 0; i < 500 && !overlapped; i++) {
        overlapped = started.has(other);
        if (!overlapped) await sleep(0.01);
      }
      const names = [...allTasks()].map((t) => t.getName()).sort();
      const loop = loopId();
      listed.set();
      await gather(...helpers);
      await sleep(0.05);
      started.delete(id);
      return { id, loop, overlapped, names, current: currentTask()?.getName() };
    });
  },

  capabilities: () =>
    run(async () => {
      const loop = getRunningLoop() as unknown as Record<string, unknown>;
      const noop = () => {};
      const probes: Record<string, [string, unknown[]]> = {
        sockets: ["createConnection", [() => ({}), "127.0.0.1", 9]],
        processes: ["subprocessExec", [() => ({}), "true", []]],
        signals: ["addSignalHandler", ["SIGTERM", noop]],
        workers: ["runInExecutor", [null, noop]],
      };
      const out: Json = {};
      for (const [capability, [method, args]] of Object.entries(probes)) {
        const fn = loop[method];
        if (typeof fn !== "function") {
          out[capability] = { method, missing: true };
          continue;
        }
        try {
          await (fn as (...a: unknown[]) => unknown).apply(loop, args);
          out[capability] = { method, raised: null };
        } catch (e) {
          out[capability] = {
            method,
            raised: errorJson(e),
            runtimeError: e instanceof RuntimeError,
          };
        }
      }
      return out;
    }),
};

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/slow") {
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      return new Response("slow");
    }
    const route = routes[url.pathname.slice(1)];
    if (route === undefined) return new Response("no such route", { status: 404 });
    try {
      return Response.json(await route(url));
    } catch (e) {
      return Response.json({ failed: errorJson(e), stack: (e as Error)?.stack }, { status: 500 });
    }
  },
};
