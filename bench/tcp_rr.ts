// 7b. TCP request/response over loopback, as bench.py `tcp_rr` and
// js/raw/tcp.mjs --mode=rr: n round trips of 100 bytes, one in flight, on
// one connection to an echo server in this process.
// `tcp_rr` goes through StreamWriter.write/drain and StreamReader.readExactly
// (server: StreamReader.read, StreamWriter.write/drain); `tcp_rr_protocol`
// through the Protocol layer on both sides; `tcp_rr_10` runs the streams
// version on 10 connections at once, one request in flight on each (n round
// trips in total). The shared anchors have one connection, so tcp_rr_10's
// raw median is the anchor's code on 10 connections, measured in this
// process after each repeat (`raw_median`, bench/_raw_tcp.ts), and its
// CPython twin is bench/tcp_rr_10.py.
// unit: requests/s
import {
  gather,
  getRunningLoop,
  openConnection,
  type Protocol,
  run,
  startServer,
  type StreamReader,
  type StreamWriter,
  type Transport,
} from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";
import { rawRr } from "./_raw_tcp.ts";

const SIZE = 100;

async function echoHandler(reader: StreamReader, writer: StreamWriter): Promise<void> {
  try {
    for (;;) {
      const data = await reader.read(256 * 1024);
      if (data.length === 0) break;
      writer.write(data);
      await writer.drain();
    }
  } finally {
    writer.close();
  }
}

async function streamsRr(n: number, conns: number): Promise<number> {
  return await run(async () => {
    const server = await startServer(echoHandler, "127.0.0.1", 0);
    const [host, port] = server.sockets[0]!.getsockname() as [string, number];
    const pairs = await gather(
      ...Array.from({ length: conns }, () => () => openConnection(host, port)),
    );
    const msg = new Uint8Array(SIZE).fill(114);
    const each = Math.floor(n / conns);
    const t0 = now();
    await gather(...pairs.map(([reader, writer]) => async () => {
      for (let i = 0; i < each; i++) {
        writer.write(msg);
        await writer.drain();
        await reader.readExactly(SIZE);
      }
    }));
    const dt = (now() - t0) / 1e3;
    for (const [, writer] of pairs) writer.close();
    server.close();
    server.closeClients();
    await server.waitClosed();
    return (each * conns) / dt;
  });
}

await bench({
  name: "tcp_rr",
  unit: "requests/s",
  n: 10_000,
  nWarm: 2_000,
  repeats: 5,
  warmup: 1,
  fn: async (n) => ({ value: await streamsRr(n, 1) }),
});

await bench({
  name: "tcp_rr_10",
  unit: "requests/s",
  n: 20_000,
  nWarm: 2_000,
  repeats: 5,
  warmup: 1,
  extra: { pyscript: "bench/tcp_rr_10.py" },
  fn: async (n) => ({ value: await streamsRr(n, 10), raw_median: await rawRr(n, 10) }),
});

class EchoProtocol implements Protocol {
  #t!: Transport;
  connectionMade(t: Transport): void {
    this.#t = t;
  }
  dataReceived(data: Uint8Array): void {
    this.#t.write(data);
  }
}

await bench({
  name: "tcp_rr_protocol",
  unit: "requests/s",
  n: 10_000,
  nWarm: 2_000,
  repeats: 5,
  warmup: 1,
  extra: { raw: "tcp.mjs --mode=rr", py: "tcp_rr" },
  fn: (n) =>
    run(async () => {
      const loop = getRunningLoop();
      const server = await loop.createServer(() => new EchoProtocol(), "127.0.0.1", 0);
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const msg = new Uint8Array(SIZE).fill(114);
      const done = loop.createFuture<void>();
      let i = 0;
      let got = 0;
      let transport!: Transport;
      const client: Protocol = {
        connectionMade: (t) => void (transport = t as Transport),
        dataReceived: (d) => {
          got += d.length;
          if (got < SIZE) return;
          got = 0;
          if (++i === n) done.setResult(undefined);
          else transport.write(msg);
        },
      };
      await loop.createConnection(() => client, host, port);
      const t0 = now();
      transport.write(msg);
      await done;
      const dt = (now() - t0) / 1e3;
      transport.close();
      server.close();
      server.closeClients();
      await server.waitClosed();
      return { value: n / dt };
    }),
});

exit();
