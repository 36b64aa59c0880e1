// The raw-runtime code of ../shared/bench/js/raw/tcp.mjs, for anchors taken
// inside bench/tcp_rr.ts and bench/tcp_stream.ts's own process, in modes the
// shared anchor lacks:
// - request/response on several connections at once, one request in flight
//   on each (the shared anchor has one connection);
// - on Deno, the stream echo with a fresh array for every read, as a read API
//   that hands its result to the caller must allocate (the shared anchor
//   reads into one reused array). Node and Bun hand out fresh arrays anyway.
// Runtime globals are fine here: benchmarks are not library code.

// deno-lint-ignore-file no-explicit-any
const g = globalThis as any;
const SIZE = 100;
const CHUNK = 64 * 1024;
const READ = 256 * 1024;

const rt = typeof g.Deno !== "undefined" ? "deno" : typeof g.Bun !== "undefined" ? "bun" : "node";
const net = rt === "node" ? g.process.getBuiltinModule("node:net") : null;

/** A client connection of the raw echo pair: send bytes, await `size` bytes back. */
interface RawClient {
  roundTrip(msg: Uint8Array): Promise<void>;
  close(): void;
}

/** An echo server and `conns` clients on loopback, with the runtime's own sockets. */
interface RawPair {
  clients: RawClient[];
  close(): void;
}

async function denoWriteAll(conn: any, data: Uint8Array): Promise<void> {
  let off = 0;
  while (off < data.length) off += await conn.write(data.subarray(off));
}

/** A Deno echo server on a free loopback port; `fresh`: a fresh array for every read. */
function denoEchoListener(fresh: boolean): any {
  const listener = g.Deno.listen({ hostname: "127.0.0.1", port: 0 });
  (async () => {
    for await (const conn of listener) {
      (async () => {
        conn.setNoDelay(true);
        let buf = new Uint8Array(READ);
        try {
          for (;;) {
            if (fresh) buf = new Uint8Array(READ);
            const k = await conn.read(buf);
            if (k === null) break;
            await denoWriteAll(conn, buf.subarray(0, k));
          }
        } catch { /* closed */ }
        try {
          conn.close();
        } catch { /* already */ }
      })();
    }
  })().catch(() => {});
  return listener;
}

async function denoPair(conns: number): Promise<RawPair> {
  const listener = denoEchoListener(false);
  const clients: RawClient[] = [];
  for (let c = 0; c < conns; c++) {
    const conn = await g.Deno.connect({ hostname: "127.0.0.1", port: listener.addr.port });
    conn.setNoDelay(true);
    const buf = new Uint8Array(READ);
    clients.push({
      async roundTrip(msg) {
        await denoWriteAll(conn, msg);
        let got = 0;
        while (got < msg.length) {
          const k = await conn.read(buf.subarray(got));
          if (k === null) throw new Error("eof");
          got += k;
        }
      },
      close: () => conn.close(),
    });
  }
  return { clients, close: () => listener.close() };
}

/** Counts a client's reply bytes and ends the pending round trip at each full reply. */
class Replies {
  #got = 0;
  #wake: (() => void) | null = null;
  readonly onData = (d: Uint8Array): void => {
    this.#got += d.length;
    if (this.#got >= SIZE && this.#wake) {
      this.#got -= SIZE;
      const wake = this.#wake;
      this.#wake = null;
      wake();
    }
  };
  /** Sends a request with `send` and resolves when its reply is in. */
  roundTrip(send: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#wake = resolve;
      send();
    });
  }
}

async function bunPair(conns: number): Promise<RawPair> {
  // The shared anchor's echo server: what the socket does not take is kept
  // and reading pauses until it drains.
  const server = g.Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      open(s: any) {
        s.setNoDelay(true);
        s.data = { pending: [] as Uint8Array[] };
      },
      data(s: any, d: Uint8Array) {
        const p = s.data.pending;
        if (p.length) return void p.push(new Uint8Array(d));
        const w = s.write(d);
        if (w < d.length) {
          p.push(new Uint8Array(d.subarray(Math.max(w, 0))));
          s.pause();
        }
      },
      drain(s: any) {
        const p = s.data.pending;
        while (p.length) {
          const w = s.write(p[0]);
          if (w < p[0].length) {
            p[0] = p[0].subarray(Math.max(w, 0));
            return;
          }
          p.shift();
        }
        s.resume();
      },
      close() {},
      error() {},
    },
  });
  const clients: RawClient[] = [];
  for (let c = 0; c < conns; c++) {
    const replies = new Replies();
    const sock = await g.Bun.connect({
      hostname: "127.0.0.1",
      port: server.port,
      socket: {
        open(s: any) {
          s.setNoDelay(true);
        },
        data: (_s: any, d: Uint8Array) => replies.onData(d),
        close() {},
        error() {},
      },
    });
    clients.push({
      roundTrip: (msg) =>
        replies.roundTrip(() => {
          if (sock.write(msg) < msg.length) throw new Error("short write");
        }),
      close: () => sock.end(),
    });
  }
  return { clients, close: () => server.stop(true) };
}

async function nodePair(conns: number): Promise<RawPair> {
  const server = net.createServer((s: any) => {
    s.setNoDelay(true);
    s.on("error", () => {});
    s.pipe(s);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  const clients: RawClient[] = [];
  for (let c = 0; c < conns; c++) {
    const sock = net.connect({ port, host: "127.0.0.1" });
    await new Promise<void>((resolve, reject) => {
      sock.once("connect", resolve);
      sock.once("error", reject);
    });
    sock.setNoDelay(true);
    const replies = new Replies();
    sock.on("data", replies.onData);
    clients.push({
      roundTrip: (msg) => replies.roundTrip(() => sock.write(msg)),
      close: () => sock.destroy(),
    });
  }
  return {
    clients,
    close: () => {
      server.close();
    },
  };
}

/**
 * Request/response with the runtime's own sockets: `conns` connections, one
 * 100-byte request in flight on each, `n` round trips in all; requests/s.
 */
export async function rawRr(n: number, conns: number): Promise<number> {
  const pair = await { deno: denoPair, bun: bunPair, node: nodePair }[rt]!(conns);
  const msg = new Uint8Array(SIZE).fill(114);
  const each = Math.floor(n / conns);
  const t0 = performance.now();
  await Promise.all(pair.clients.map(async (c) => {
    for (let i = 0; i < each; i++) await c.roundTrip(msg);
  }));
  const dt = (performance.now() - t0) / 1e3;
  for (const c of pair.clients) c.close();
  pair.close();
  return (each * conns) / dt;
}

/**
 * Deno only: the shared anchor's stream echo (64 KiB writes, 256 KiB reads
 * on both ends), with a fresh array for every read instead of one reused
 * array; MB/s. `null` on the other runtimes.
 */
export async function rawStreamFresh(total: number): Promise<number | null> {
  if (rt !== "deno") return null;
  const listener = denoEchoListener(true);
  const client = await g.Deno.connect({ hostname: "127.0.0.1", port: listener.addr.port });
  client.setNoDelay(true);
  const payload = new Uint8Array(CHUNK).fill(120);
  const chunks = Math.floor(total / CHUNK);
  const t0 = performance.now();
  const send = (async () => {
    for (let i = 0; i < chunks; i++) await denoWriteAll(client, payload);
  })();
  let got = 0;
  while (got < chunks * CHUNK) {
    const k = await client.read(new Uint8Array(READ));
    if (k === null) throw new Error("eof");
    got += k;
  }
  await send;
  const dt = (performance.now() - t0) / 1e3;
  client.close();
  listener.close();
  return got / dt / 1e6;
}
