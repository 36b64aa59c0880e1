// Graceful shutdown on SIGTERM: a pool of workers takes jobs from a queue;
// SIGTERM stops the producer, the queue is shut down, and the workers finish
// every job already accepted before the program ends. Here the program sends
// itself SIGTERM once the fifth job is done.
// Python original: examples/python/graceful_shutdown.py
import process from "node:process";
import * as asyncio from "../mod.ts";

async function main(): Promise<void> {
  const loop = asyncio.getRunningLoop();
  const queue = new asyncio.Queue<number>({ maxsize: 4 });
  const stopping = new asyncio.Event();
  let accepted = 0;
  let finished = 0;

  function onSigterm(): void {
    console.log("SIGTERM received: no new jobs, draining");
    stopping.set();
  }

  loop.addSignalHandler("SIGTERM", onSigterm);

  async function producer(): Promise<void> {
    let job = 0;
    while (!stopping.isSet()) {
      job += 1;
      await queue.put(job);
      accepted += 1;
      await asyncio.sleep(0.01);
    }
    queue.shutdown(); // workers take what is queued, then stop
  }

  async function worker(): Promise<void> {
    while (true) {
      try {
        await queue.get();
      } catch (e) {
        if (e instanceof asyncio.QueueShutDown) return;
        throw e;
      }
      await asyncio.sleep(0.03); // the work
      finished += 1;
      if (finished === 5) process.kill(process.pid, "SIGTERM");
    }
  }

  console.log("worker pool running");
  await asyncio.taskGroup((tg) => {
    tg.createTask(producer);
    for (let i = 0; i < 3; i++) tg.createTask(worker);
  });
  loop.removeSignalHandler("SIGTERM");
  const lost = accepted - finished;
  console.log(`drained: every accepted job finished (lost ${lost})`);
}

await asyncio.run(main);
