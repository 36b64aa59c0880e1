// The socket interface of `_platform/socket_types.ts`, through `_platform/mod.ts`,
// on the runtime the tests run on: real loopback sockets, no timing.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { promisify } from "node:util";
import {
  type ConnectOptions,
  type ListenOptions,
  type PlatformListener,
  type PlatformSocket,
  type PlatformTlsOptions,
  sockets,
} from "../../_platform/mod.ts";
import {
  BrokenPipeError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileNotFoundError,
  OSError,
} from "../../errors.ts";
import { assert, runtime, test } from "../_suite.ts";

const pem = (name: string) => readFileSync(resolve("tests/fixtures/tls", name), "utf8");
const SERVER_TLS: PlatformTlsOptions = { cert: pem("server.pem"), key: pem("server.key") };
const CLIENT_TLS: PlatformTlsOptions = { caCerts: [pem("ca.pem")], serverName: "localhost" };
const enc = new TextEncoder();
const dec = new TextDecoder();

/** A socket's events, recorded; `until()` waits for a condition on them. */
class Peer {
  events: string[] = [];
  received = 0;
  chunks: Uint8Array[] = [];
  drains = 0;
  closes: Array<Error | null> = [];
  keep = true;
  /** Given up to `startTls()`: its handlers are not called again. */
  upgraded = false;
  #wake: Array<() => void> = [];
  constructor(readonly socket: PlatformSocket, echo = false) {
    socket.setHandlers({
      onData: (data) => {
        this.#event("data");
        this.received += data.byteLength;
        if (this.keep) this.chunks.push(data.slice());
        if (echo) socket.write(data.slice());
      },
      onEnd: () => {
        this.#event("end");
        if (echo) socket.end();
      },
      onDrain: () => {
        this.#event("drain");
        this.drains++;
      },
      onClose: (error) => {
        this.#event("close");
        this.closes.push(error);
      },
    });
  }
  #event(name: string): void {
    assert.equal(this.closes.length, 0, `${name} after close`);
    this.events.push(name);
    const wake = this.#wake;
    this.#wake = [];
    for (const f of wake) f();
  }
  get text(): string {
    return dec.decode(concat(this.chunks));
  }
  get closed(): boolean {
    return this.closes.length > 0;
  }
  /** Waits until `cond()` holds (checked after every event); fails after 20 s. */
  async until(cond: () => boolean, what = "condition"): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      while (!cond()) {
        await new Promise<void>((wake, fail) => {
          this.#wake.push(wake);
          timer ??= setTimeout(
            () => fail(new Error(`gave up waiting for ${what}: ${this.events}`)),
            20_000,
          );
        });
      }
    } finally {
      clearTimeout(timer);
    }
  }
  /** Closes (abort) unless closed, and waits for the one `onClose`. */
  async finish(): Promise<void> {
    if (this.upgraded) return;
    if (!this.closed) this.socket.abort();
    await this.until(() => this.closed, "close");
    assert.equal(this.closes.length, 1);
    assert.equal(this.events.at(-1), "close");
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A few turns of the host loop, for what must *not* happen (no timing). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

/** A listener whose accepted sockets arrive through `next()`. */
class Accepting {
  #queue: PlatformSocket[] = [];
  #wake: (() => void) | undefined;
  errors: Error[] = [];
  constructor(readonly listener: PlatformListener) {
    listener.accept((socket) => {
      this.#queue.push(socket);
      this.#wake?.();
    }, (error) => this.errors.push(error));
  }
  async next(): Promise<PlatformSocket> {
    while (this.#queue.length === 0) await new Promise<void>((r) => this.#wake = r);
    return this.#queue.shift()!;
  }
}

interface Pair {
  client: Peer;
  server: Peer;
  accepting: Accepting;
}

/** Runs `body` with a connected pair and closes everything afterwards. */
async function withPair(
  where: { tcp: true } | { unix: true },
  body: (pair: Pair) => Promise<void>,
  tls?: { server: PlatformTlsOptions; client: PlatformTlsOptions },
  echo = false,
): Promise<void> {
  let dir: string | undefined;
  let listener: PlatformListener | undefined;
  const peers: Peer[] = [];
  try {
    let path: string | undefined;
    if ("unix" in where) {
      dir = mkdtempSync(join(tmpdir(), "asyncio-sock-"));
      path = join(dir, "s.sock");
    }
    const secure = (options: ListenOptions & ConnectOptions, side: "server" | "client") =>
      tls ? { ...options, tls: tls[side] } : options;
    listener = await sockets.listen(
      secure(path ? { path } : { host: "127.0.0.1", port: 0 }, "server"),
    );
    const accepting = new Accepting(listener);
    const address = listener.address;
    const clientSocket = await sockets.connect(
      secure(
        typeof address === "string" ? { path: address } : { host: address[0], port: address[1] },
        "client",
      ),
    );
    const client = new Peer(clientSocket);
    peers.push(client);
    const server = new Peer(await accepting.next(), echo);
    peers.push(server);
    await body({ client, server, accepting });
  } finally {
    listener?.close();
    await Promise.all(peers.map((p) => p.finish()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

for (const kind of ["tcp", "unix"] as const) {
  const where = kind === "tcp" ? { tcp: true as const } : { unix: true as const };

  test(`sockets.connect()/listen() ${kind}: echo, addresses, close() ends the peer, onClose once and last`, async () => {
    await withPair(
      where,
      async ({ client, server }) => {
        client.socket.resume();
        server.socket.resume();
        assert.equal(client.socket.write(enc.encode("hello")), true);
        await client.until(() => client.text === "hello", "echo");
        assert.equal(client.socket.tlsInfo(), null);
        client.socket.setNoDelay(true);
        if (kind === "tcp") {
          const [host, port] = server.socket.localAddress as [string, number];
          assert.equal(host, "127.0.0.1");
          assert.deepEqual(client.socket.remoteAddress, [host, port]);
          const [, clientPort] = client.socket.localAddress as [string, number];
          assert.deepEqual(server.socket.remoteAddress, ["127.0.0.1", clientPort]);
          assert.ok(port > 0 && clientPort > 0);
        } else {
          const path = server.socket.localAddress;
          assert.equal(typeof path, "string");
          assert.ok((path as string).endsWith("s.sock"));
          assert.equal(client.socket.remoteAddress, path);
          assert.equal(client.socket.localAddress, "");
          assert.equal(server.socket.remoteAddress, "");
        }
        client.socket.close();
        assert.equal(client.closed, false, "onClose inside close()");
        await server.until(() => server.closed);
        await client.until(() => client.closed);
        assert.deepEqual(client.closes, [null]);
        assert.deepEqual(server.closes, [null]);
        assert.deepEqual(client.events, ["data", "close"]);
        assert.deepEqual(server.events, ["data", "end", "close"]);
      },
      undefined,
      true,
    );
  });

  test(`PlatformSocket ${kind}: starts paused; pause() stops delivery and resume() restarts it`, async () => {
    await withPair(where, async ({ client, server }) => {
      server.socket.resume();
      assert.equal(server.socket.write(enc.encode("one")), true);
      await settle();
      assert.deepEqual(client.events, [], "data delivered before the first resume()");
      client.socket.resume();
      assert.deepEqual(client.events, [], "data delivered inside resume()");
      await client.until(() => client.text === "one");
      client.socket.pause();
      server.socket.write(enc.encode("two"));
      server.socket.end();
      await settle();
      assert.equal(client.text, "one", "data delivered while paused");
      assert.deepEqual(client.events, ["data"]);
      client.socket.resume();
      await client.until(() => client.events.includes("end"));
      assert.equal(client.text, "onetwo");
      assert.equal(client.events.at(-1), "end");
    });
  });

  test(`PlatformSocket ${kind}: write() returns false to a paused reader and onDrain follows`, async () => {
    await withPair(where, async ({ client, server }) => {
      server.keep = false;
      client.socket.resume();
      const size = 16 << 20;
      const data = new Uint8Array(size).fill(7);
      assert.equal(client.socket.write(data), false);
      assert.ok(client.socket.bufferedAmount > 0);
      assert.equal(client.drains, 0, "onDrain inside write()");
      await settle();
      server.socket.resume();
      await client.until(() => client.drains > 0, "drain");
      assert.equal(client.socket.bufferedAmount, 0);
      await server.until(() => server.received === size, "all bytes");
    });
  });

  test(`PlatformSocket ${kind}: end() half-closes while the peer keeps writing`, async () => {
    await withPair(where, async ({ client, server }) => {
      assert.equal(client.socket.canEnd, true);
      client.socket.resume();
      server.socket.resume();
      client.socket.write(enc.encode("last words"));
      client.socket.end();
      await server.until(() => server.events.includes("end"));
      assert.equal(server.text, "last words");
      for (let i = 0; i < 3; i++) server.socket.write(enc.encode(`reply ${i};`));
      server.socket.close();
      await client.until(() => client.closed);
      assert.equal(client.text, "reply 0;reply 1;reply 2;");
      assert.deepEqual(client.events.slice(-2), ["end", "close"]);
      assert.deepEqual(client.closes, [null]);
    });
  });

  test(`PlatformSocket ${kind}: close() writes what is buffered first, abort() drops it`, async () => {
    await withPair(where, async ({ client, server }) => {
      server.keep = false;
      client.socket.resume();
      const size = 16 << 20;
      assert.equal(client.socket.write(new Uint8Array(size)), false);
      client.socket.close();
      client.socket.write(enc.encode("ignored after close"));
      server.socket.resume();
      await server.until(() => server.events.includes("end"), "end");
      assert.equal(server.received, size);
      await client.until(() => client.closed);
      assert.deepEqual(client.closes, [null]);
      assert.equal(client.drains, 0);
    });
    await withPair(where, async ({ client, server }) => {
      server.keep = false;
      client.socket.resume();
      const size = 16 << 20;
      assert.equal(client.socket.write(new Uint8Array(size)), false);
      client.socket.abort();
      assert.equal(client.closed, false, "onClose inside abort()");
      assert.equal(client.socket.bufferedAmount, 0);
      await client.until(() => client.closed);
      assert.deepEqual(client.closes, [null]);
      server.socket.resume();
      await server.until(() => server.closed || server.events.includes("end"), "end");
      assert.ok(server.received < size, `${server.received} of ${size} bytes after abort()`);
    });
  });
}

test("PlatformSocket: after end(), the peer's close reached while paused waits for resume(): onEnd, then onClose", async () => {
  await withPair({ tcp: true }, async ({ client, server }) => {
    client.socket.resume();
    server.socket.resume();
    client.socket.end();
    await server.until(() => server.events.includes("end"));
    client.socket.pause();
    server.socket.write(enc.encode("bye"));
    server.socket.close();
    await server.until(() => server.closed);
    await settle();
    assert.deepEqual(client.events, [], "events while paused");
    client.socket.resume();
    await client.until(() => client.closed);
    assert.equal(client.text, "bye");
    assert.deepEqual(client.events.slice(-2), ["end", "close"]);
    assert.deepEqual(client.closes, [null]);
  });
});

test("PlatformSocket: a peer that aborts with unread data resets the connection (ConnectionResetError)", async () => {
  await withPair({ tcp: true }, async ({ client, server }) => {
    client.socket.resume();
    assert.equal(client.socket.write(enc.encode("never read")), true);
    await settle();
    server.socket.abort();
    await client.until(() => client.closed);
    const [error] = client.closes;
    assert.ok(error instanceof ConnectionResetError, String(error));
    assert.equal(error.code, "ECONNRESET");
    assert.equal(error.errno, 104);
  });
});

test("PlatformSocket: writing to a peer that went away fails with BrokenPipeError or ConnectionResetError", async () => {
  await withPair({ tcp: true }, async ({ client, server }) => {
    client.socket.resume();
    server.socket.abort();
    await client.until(() => client.events.includes("end"), "end");
    const chunk = new Uint8Array(64 * 1024);
    // Write until the OS reports the peer gone (a few writes: RST, then EPIPE).
    for (let i = 0; i < 1000 && !client.closed; i++) {
      if (!client.socket.write(chunk)) {
        await client.until(() => client.drains > 0 || client.closed, "drain");
      }
      client.drains = 0;
      await settle();
    }
    await client.until(() => client.closed);
    const [error] = client.closes;
    assert.ok(
      error instanceof BrokenPipeError || error instanceof ConnectionResetError,
      String(error),
    );
    assert.ok(error.code === "EPIPE" || error.code === "ECONNRESET", String(error.code));
  });
});

test("sockets.connect() binds localAddress first (Deno cannot: it refuses)", async () => {
  const free = await sockets.listen({ host: "127.0.0.1", port: 0 });
  const [, localPort] = free.address as [string, number];
  free.close();
  const listener = await sockets.listen({ host: "127.0.0.1", port: 0 });
  const peers: Peer[] = [];
  try {
    const accepting = new Accepting(listener);
    const [host, port] = listener.address as [string, number];
    const connecting = sockets.connect({ host, port, localAddress: ["127.0.0.1", localPort] });
    if (runtime === "deno") {
      const error = await connecting.then(() => null, (e) => e);
      assert.match(String(error?.message), /Cannot bind the local address/);
      return;
    }
    const client = new Peer(await connecting);
    peers.push(client);
    assert.deepEqual(client.socket.localAddress, ["127.0.0.1", localPort]);
    const server = new Peer(await accepting.next());
    peers.push(server);
    assert.deepEqual(server.socket.remoteAddress, ["127.0.0.1", localPort]);
  } finally {
    listener.close();
    await Promise.all(peers.map((p) => p.finish()));
  }
});

test("sockets.connect() to a closed port rejects with ConnectionRefusedError (ECONNREFUSED)", async () => {
  const listener = await sockets.listen({ host: "127.0.0.1", port: 0 });
  const [host, port] = listener.address as [string, number];
  listener.close();
  const error = await sockets.connect({ host, port }).then(() => null, (e) => e);
  assert.ok(error instanceof ConnectionRefusedError, String(error));
  assert.equal(error.code, "ECONNREFUSED");
  assert.equal(error.errno, 111);
  assert.equal(error.port, port);
});

test("sockets.connect() to an unknown host rejects with OSError carrying the resolver's code", async () => {
  const error = await sockets.connect({ host: "no-such-host.invalid", port: 80 }).then(
    () => null,
    (e) => e,
  );
  assert.ok(error instanceof OSError, String(error));
  assert.match(String(error.code), /^EAI_/);
  assert.ok((error.errno ?? 0) < 0, `errno ${error.errno}`);
});

test("sockets.listen() on an address in use rejects with OSError EADDRINUSE (TCP and Unix)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-sock-"));
  const listeners: PlatformListener[] = [];
  try {
    const tcp = await sockets.listen({ host: "127.0.0.1", port: 0 });
    listeners.push(tcp);
    const [host, port] = tcp.address as [string, number];
    const path = join(dir, "s.sock");
    listeners.push(await sockets.listen({ path }));
    for (const options of [{ host, port }, { path }]) {
      const error = await sockets.listen(options).then((l) => {
        listeners.push(l);
        return null;
      }, (e) => e);
      assert.ok(error instanceof OSError, String(error));
      assert.equal(error.code, "EADDRINUSE");
      assert.equal(error.errno, 98);
    }
  } finally {
    for (const listener of listeners) listener.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sockets.connect() to a missing Unix path rejects with FileNotFoundError (ENOENT)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-sock-"));
  try {
    const error = await sockets.connect({ path: join(dir, "missing.sock") }).then(
      () => null,
      (e) => e,
    );
    assert.ok(error instanceof FileNotFoundError, String(error));
    assert.equal(error.code, "ENOENT");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("PlatformListener: connections before accept() wait for it; close() refuses new ones, keeps accepted", async () => {
  const listener = await sockets.listen({ host: "127.0.0.1", port: 0 });
  const peers: Peer[] = [];
  try {
    const [host, port] = listener.address as [string, number];
    const client = new Peer(await sockets.connect({ host, port }));
    peers.push(client);
    await settle();
    const accepting = new Accepting(listener);
    const server = new Peer(await accepting.next());
    peers.push(server);
    listener.close();
    listener.close();
    const error = await sockets.connect({ host, port }).then(() => null, (e) => e);
    assert.ok(error instanceof ConnectionRefusedError, String(error));
    client.socket.resume();
    server.socket.resume();
    server.socket.write(enc.encode("still open"));
    await client.until(() => client.text === "still open");
  } finally {
    listener.close();
    await Promise.all(peers.map((p) => p.finish()));
  }
});

test("sockets.connect() with an aborted signal rejects with its reason and leaves nothing open", async () => {
  const listener = await sockets.listen({ host: "127.0.0.1", port: 0 });
  const peers: Peer[] = [];
  try {
    const [host, port] = listener.address as [string, number];
    const before = new AbortController();
    before.abort(new Error("before"));
    const early = await sockets.connect({ host, port, signal: before.signal }).then(
      () => null,
      (e) => e,
    );
    assert.equal(early?.message, "before");
    // A TLS handshake that never ends: the listener speaks no TLS.
    const accepting = new Accepting(listener);
    const controller = new AbortController();
    const pending = sockets.connect({ host, port, tls: CLIENT_TLS, signal: controller.signal });
    const server = new Peer(await accepting.next());
    peers.push(server);
    server.socket.resume();
    const reason = new Error("gave up");
    controller.abort(reason);
    const error = await pending.then(() => null, (e) => e);
    assert.equal(error, reason);
    await server.until(() => server.closed || server.events.includes("end"), "client gone");
  } finally {
    listener.close();
    await Promise.all(peers.map((p) => p.finish()));
  }
});

const ALPN_TLS = {
  server: { ...SERVER_TLS, alpnProtocols: ["h2", "echo"] },
  client: { ...CLIENT_TLS, alpnProtocols: ["echo"] },
};

test("sockets TLS: client and server verify with the test CA, echo, ALPN and tlsInfo()", async () => {
  await withPair(
    { tcp: true },
    async ({ client, server }) => {
      client.socket.resume();
      server.socket.resume();
      client.socket.setNoDelay(true);
      client.socket.write(enc.encode("secret"));
      await client.until(() => client.text === "secret", "echo");
      const info = client.socket.tlsInfo();
      assert.ok(info);
      assert.equal(info.alpnProtocol, "echo");
      assert.equal(server.socket.tlsInfo()?.alpnProtocol, "echo");
      if (info.peerCertificate !== undefined) {
        const cert = info.peerCertificate;
        assert.deepEqual(cert?.subject, [[["commonName", "localhost"]]]);
        assert.deepEqual(cert?.issuer, [[["commonName", "asyncio test CA"]]]);
        // Python's getpeercert() shape, IPv6 as OpenSSL prints it.
        assert.deepEqual(cert?.subjectAltName, [
          ["DNS", "localhost"],
          ["IP Address", "127.0.0.1"],
          ["IP Address", "0:0:0:0:0:0:0:1"],
        ]);
        assert.match(String(cert?.notAfter), /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
      }
      if (info.cipher !== undefined) {
        const [name, version, bits] = info.cipher;
        assert.ok(name.length > 0 && version.startsWith("TLS") && bits >= 128, String(info.cipher));
      }
      client.socket.close();
      await server.until(() => server.closed);
    },
    ALPN_TLS,
    true,
  );
});

test("sockets TLS: a self-signed server is refused by default with an SSL error", async () => {
  const listener = await sockets.listen({
    host: "127.0.0.1",
    port: 0,
    tls: { cert: pem("self_signed.pem"), key: pem("self_signed.key") },
  });
  const peers: Peer[] = [];
  try {
    // The server may finish its side of a handshake the client then refuses:
    // every accepted socket echoes.
    listener.accept((socket) => {
      peers.push(new Peer(socket, true));
      socket.resume();
    }, () => {});
    const [host, port] = listener.address as [string, number];
    for (const tls of [{ serverName: "localhost" }, CLIENT_TLS]) {
      const error = await sockets.connect({ host, port, tls }).then(() => null, (e) => e);
      assert.ok(error instanceof OSError, String(error));
      assert.equal(error.code, "CERTIFICATE_VERIFY_FAILED");
      assert.match(error.message, /^\[SSL: CERTIFICATE_VERIFY_FAILED\]/);
    }
    const client = new Peer(
      await sockets.connect({
        host,
        port,
        tls: { serverName: "localhost", rejectUnauthorized: false },
      }),
    );
    peers.push(client);
    client.socket.resume();
    client.socket.write(enc.encode("unverified"));
    await client.until(() => client.text === "unverified");
  } finally {
    listener.close();
    await Promise.all(peers.map((p) => p.finish()));
  }
});

test("sockets TLS: the name verified is serverName, else the host (an address against the IP names)", async () => {
  const listener = await sockets.listen({ host: "127.0.0.1", port: 0, tls: SERVER_TLS });
  const peers: Peer[] = [];
  try {
    listener.accept((socket) => {
      peers.push(new Peer(socket, true));
      socket.resume();
    }, () => {});
    const [host, port] = listener.address as [string, number];
    const caCerts = [pem("ca.pem")];
    const wrong = await sockets.connect({
      host,
      port,
      tls: { caCerts, serverName: "wrong.example" },
    })
      .then(() => null, (e) => e);
    assert.ok(wrong instanceof OSError, String(wrong));
    assert.equal(wrong.code, "CERTIFICATE_VERIFY_FAILED");
    for (const tls of [{ caCerts }, { caCerts, serverName: "localhost" }]) {
      const client = new Peer(await sockets.connect({ host, port, tls }));
      peers.push(client);
      client.socket.resume();
      client.socket.write(enc.encode("named"));
      await client.until(() => client.text === "named");
    }
  } finally {
    listener.close();
    await Promise.all(peers.map((p) => p.finish()));
  }
});

test("sockets: nothing keeps the process alive once every socket and listener is closed", async () => {
  // A child uses plain and TLS sockets, closes them, and must exit by itself.
  const fixture = "tests/platform/fixtures/sockets_exit.ts";
  const run = promisify(execFile);
  let dir: string | undefined;
  try {
    let args = runtime === "deno" ? ["run", "-A", fixture] : [fixture];
    if (runtime === "node") {
      dir = mkdtempSync(join(tmpdir(), "asyncio-exit-"));
      const out = join(dir, "sockets_exit.mjs");
      await run(resolve("node_modules/.bin/esbuild"), [
        fixture,
        "--bundle",
        "--platform=node",
        "--format=esm",
        `--outfile=${out}`,
        "--log-level=warning",
      ]);
      args = [out];
    }
    const { stdout } = await run(process.execPath, args, { timeout: 60_000 });
    assert.equal(stdout.trim(), "done");
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

test("PlatformSocket.startTls(): a plain connection upgraded on both sides (STARTTLS)", async () => {
  await withPair({ tcp: true }, async ({ client, server }) => {
    client.socket.resume();
    server.socket.resume();
    client.socket.write(enc.encode("STARTTLS"));
    await server.until(() => server.text === "STARTTLS");
    server.socket.pause();
    server.socket.write(enc.encode("OK"));
    const serverTls = server.socket.startTls({
      ...SERVER_TLS,
      alpnProtocols: ["echo"],
      serverSide: true,
    });
    await client.until(() => client.text === "OK");
    client.socket.pause();
    const [secureClient, secureServer] = await Promise.all([
      client.socket.startTls({ ...CLIENT_TLS, alpnProtocols: ["echo"], serverSide: false }),
      serverTls,
    ]);
    client.upgraded = server.upgraded = true;
    const sc = new Peer(secureClient);
    const ss = new Peer(secureServer, true);
    try {
      sc.socket.resume();
      ss.socket.resume();
      sc.socket.write(enc.encode("over TLS"));
      await sc.until(() => sc.text === "over TLS");
      assert.equal(sc.socket.tlsInfo()?.alpnProtocol, "echo");
      assert.ok(ss.socket.tlsInfo());
      sc.socket.close();
      await ss.until(() => ss.closed);
    } finally {
      await Promise.all([sc.finish(), ss.finish()]);
    }
  });
});

// Deno reads ahead (a read is pending while the socket is resumed): what that
// read gets after pause() must wait for resume(), and a resume() undone by
// pause() before the socket's next turn must deliver nothing.
test("PlatformSocket: bytes that arrive while paused wait for resume(); resume() then pause() delivers nothing", async () => {
  await withPair({ tcp: true }, async ({ client, server }) => {
    server.socket.resume();
    await settle();
    server.socket.pause();
    client.socket.write(enc.encode("held"));
    await settle();
    assert.deepEqual(server.events, [], "data delivered while paused");
    server.socket.resume();
    server.socket.pause();
    await settle();
    assert.deepEqual(server.events, [], "data delivered after resume() then pause()");
    server.socket.resume();
    await server.until(() => server.text === "held");
  });
});
