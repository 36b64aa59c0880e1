// 7. TCP echo throughput over loopback, client and echo server in this one
// process, as bench.py `tcp_stream` and js/raw/tcp.mjs --mode=stream: send n
// bytes in 64 KiB writes, read them all back concurrently.
// `tcp_stream` goes through StreamWriter.write/drain and StreamReader.read;
// `tcp_stream_protocol` through the Protocol layer (an echo protocol that
// pauses reading while its transport's buffer is full, and a client
// protocol that counts bytes and writes while not paused); and
// `tcp_stream_buffered` the same with a BufferedProtocol client that
// receives into one reused array (Deno's socket then reads into one reused
// array too; Node and Bun allocate one per read whatever the protocol).
// On Deno, both rows also carry `raw_fresh`: the raw anchor's code with a
// fresh array for every read (bench/_raw_tcp.ts), measured in this process
// after each repeat. StreamReader.read() and dataReceived() hand each read's
// bytes to the caller, so they cannot reuse one array as the anchor does.
// unit: MB/s (1e6 bytes/s, one direction)
import {
  type BaseTransport,
  type BufferedProtocol,
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
import { bench, exit, now, type Sample } from "./_harness.ts";
import { rawStreamFresh } from "./_raw_tcp.ts";

/** `sample` with Deno's `raw_fresh` for `n` bytes added. */
async function withFresh(sample: Sample, n: number): Promise<Sample> {
  const fresh = await rawStreamFresh(n);
  return fresh === null ? sample : { ...sample, raw_fresh: fresh };
}

const CHUNK = 64 * 1024;
const READ = 256 * 1024;

async function echoHandler(reader: StreamReader, writer: StreamWriter): Promise<void> {
  try {
    for (;;) {
      const data = await reader.read(READ);
      if (data.length === 0) break;
      writer.write(data);
      await writer.drain();
    }
  } finally {
    writer.close();
  }
}

await bench({
  name: "tcp_stream",
  unit: "MB/s",
  n: 256 * 1024 * 1024,
  nWarm: 32 * 1024 * 1024,
  repeats: 5,
  warmup: 1,
  fn: async (n) =>
    await withFresh(
      await run(async () => {
        const server = await startServer(echoHandler, "127.0.0.1", 0);
        const [host, port] = server.sockets[0]!.getsockname() as [string, number];
        const [reader, writer] = await openConnection(host, port);
        const payload = new Uint8Array(CHUNK).fill(120);
        const chunks = Math.floor(n / CHUNK);
        const total = chunks * CHUNK;
        const t0 = now();
        const [, got] = await gather(
          async () => {
            for (let i = 0; i < chunks; i++) {
              writer.write(payload);
              await writer.drain();
            }
          },
          async () => {
            let got = 0;
            while (got < total) {
              const d = await reader.read(READ);
              if (d.length === 0) throw new Error("eof");
              got += d.length;
            }
            return got;
          },
        );
        const dt = (now() - t0) / 1e3;
        if (got !== total) throw new Error("bad");
        writer.close();
        await writer.waitClosed().catch(() => {});
        server.close();
        await server.waitClosed();
        return { value: total / dt / 1e6 };
      }),
      n,
    ),
});

/** Echoes; stops reading while its own writes are over the high mark. */
class EchoProtocol implements Protocol {
  #t!: Transport;
  connectionMade(t: Transport): void {
    this.#t = t;
  }
  dataReceived(data: Uint8Array): void {
    this.#t.write(data);
  }
  pauseWriting(): void {
    this.#t.pauseReading();
  }
  resumeWriting(): void {
    this.#t.resumeReading();
  }
}

/** The Protocol-layer stream: an echo server protocol, a client that counts (a BufferedProtocol with `buffered`). */
function protocolStream(n: number, buffered: boolean): Promise<Sample> {
  return run(async () => {
    const loop = getRunningLoop();
    const server = await loop.createServer(() => new EchoProtocol(), "127.0.0.1", 0);
    const [host, port] = server.sockets[0]!.getsockname() as [string, number];
    const payload = new Uint8Array(CHUNK).fill(120);
    const chunks = Math.floor(n / CHUNK);
    const total = chunks * CHUNK;
    const done = loop.createFuture<void>();
    let sent = 0;
    let got = 0;
    let paused = false;
    let transport!: Transport;
    const pump = () => {
      while (!paused && sent < chunks) {
        sent++;
        transport.write(payload);
      }
    };
    const count = (k: number) => {
      got += k;
      if (got >= total && !done.done()) done.setResult(undefined);
    };
    const common = {
      connectionMade: (t: BaseTransport) => void (transport = t as Transport),
      pauseWriting: () => void (paused = true),
      resumeWriting: () => {
        paused = false;
        pump();
      },
    };
    const into = new Uint8Array(READ);
    const client: Protocol | BufferedProtocol = buffered
      ? { ...common, getBuffer: () => into, bufferUpdated: count }
      : { ...common, dataReceived: (d: Uint8Array) => count(d.length) };
    await loop.createConnection(() => client, host, port);
    const t0 = now();
    pump();
    await done;
    const dt = (now() - t0) / 1e3;
    transport.close();
    server.close();
    server.closeClients();
    await server.waitClosed();
    return { value: total / dt / 1e6 };
  });
}

for (
  const [name, buffered] of [["tcp_stream_protocol", false], ["tcp_stream_buffered", true]] as const
) {
  await bench({
    name,
    unit: "MB/s",
    n: 256 * 1024 * 1024,
    nWarm: 32 * 1024 * 1024,
    repeats: 5,
    warmup: 1,
    extra: { raw: "tcp.mjs --mode=stream", py: "tcp_stream" },
    fn: async (n) => await withFresh(await protocolStream(n, buffered), n),
  });
}

exit();
