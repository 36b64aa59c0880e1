// 7c. Memory per idle connection: N connections to a stream server in this
// process (each has a client StreamReader/StreamWriter and a server handler
// task waiting in readLine()); heap bytes per connection, both ends counted,
// measured with a forced GC where the runtime allows it. The CPython twin is
// bench/tcp_idle.py. unit: bytes/connection
import { getRunningLoop, openConnection, run, startServer, type StreamWriter } from "../mod.ts";
import { bench, exit, gc, heapUsed } from "./_harness.ts";

await bench({
  name: "tcp_idle",
  unit: "bytes/connection",
  higherIsBetter: false,
  extra: { pyscript: "bench/tcp_idle.py" },
  n: 1_000,
  repeats: 3,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      let connected = 0;
      const server = await startServer(
        async (reader, writer) => {
          connected++;
          await reader.readLine();
          writer.close();
        },
        "127.0.0.1",
        0,
        { backlog: 1024 },
      );
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const loop = getRunningLoop();
      gc();
      const before = heapUsed();
      const writers: StreamWriter[] = [];
      for (let i = 0; i < n; i++) writers.push((await openConnection(host, port))[1]);
      while (connected < n) await new Promise<void>((r) => loop.callLater(0.001, r));
      gc();
      const after = heapUsed();
      for (const w of writers) w.close();
      server.close();
      server.closeClients();
      await server.waitClosed();
      return { value: (after - before) / n };
    }),
});

exit();
