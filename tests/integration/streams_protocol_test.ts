// Transports and protocols over real loopback sockets: callback order, a
// BufferedProtocol, flow control both ways, abort; faults; cancellation.
import {
  BrokenPipeError,
  type BufferedProtocol,
  CancelledError,
  ConnectionRefusedError,
  ConnectionResetError,
  createTask,
  currentTask,
  getRunningLoop,
  openConnection,
  OSError,
  type Protocol,
  run,
  sleep,
  startServer,
  type Transport,
  ValueError,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const dec = (b: Uint8Array) => new TextDecoder().decode(b);

class Recorder implements Protocol {
  events: string[] = [];
  transport: Transport | null = null;
  received = 0;
  lost: Promise<void>;
  #lost!: () => void;
  constructor() {
    this.lost = new Promise((resolve) => (this.#lost = resolve));
  }
  connectionMade(t: Transport): void {
    this.transport = t;
    this.events.push("made");
  }
  dataReceived(data: Uint8Array): void {
    this.received += data.length;
    if (this.events.at(-1) !== "data") this.events.push("data");
  }
  eofReceived(): boolean {
    this.events.push("eof");
    return false;
  }
  connectionLost(exc: Error | null): void {
    this.events.push(exc === null ? "lost" : `lost:${exc.name}`);
    this.#lost();
  }
}

/** A server whose protocol echoes, then closes on EOF. */
class EchoProtocol implements Protocol {
  #t: Transport | null = null;
  connectionMade(t: Transport): void {
    this.#t = t;
  }
  dataReceived(data: Uint8Array): void {
    this.#t!.write(data);
  }
}

test("loop.createConnection/createServer with a Protocol: made, data*, eof, lost exactly once", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const server = await loop.createServer(() => new EchoProtocol(), "127.0.0.1", 0);
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const p = new Recorder();
      const [t, proto] = await loop.createConnection(() => p, host, port);
      assert.equal(proto, p);
      assert.equal(t, p.transport);
      t.write("ping");
      while (p.received < 4) await sleep(0.005);
      server.closeClients(); // the server closes: EOF here
      await p.lost;
      assert.deepEqual(p.events, ["made", "data", "eof", "lost"]);
      assert.equal(t.isClosing(), true);
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
  // cpython: test_events.py EventLoopTestsMixin.test_create_connection
});

test("loop.createConnection with a BufferedProtocol reads into its own buffer", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const server = await loop.createServer(() => new EchoProtocol(), "127.0.0.1", 0);
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const buf = new Uint8Array(3);
      let text = "";
      let eof!: () => void;
      const ended = new Promise<void>((resolve) => (eof = resolve));
      const p: BufferedProtocol = {
        getBuffer: (hint) => {
          assert.ok(hint > 0);
          return buf;
        },
        bufferUpdated: (n) => (text += dec(buf.subarray(0, n))),
        eofReceived: () => eof(),
      };
      const [t] = await loop.createConnection(() => p, host, port);
      t.write("buffered protocol");
      while (text.length < 17) await sleep(0.005);
      assert.equal(text, "buffered protocol");
      server.closeClients();
      await ended;
      t.close();
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
  // cpython: test_buffered_proto.py BaseTestBufferedProtocol.test_buffered_proto_create_connection
});

test("Transport.pauseReading() stops delivery and resumeReading() restarts it (real socket)", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const server = await startServer(
      async (_r, w) => {
        w.write("first");
        await w.drain();
        await sleep(0.05);
        w.write("second");
        await w.drain();
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const p = new Recorder();
      const [t] = await loop.createConnection(() => p, host, port);
      while (p.received < 5) await sleep(0.005);
      t.pauseReading();
      assert.equal(t.isReading(), false);
      await sleep(0.15);
      assert.equal(p.received, 5, "data delivered while paused");
      t.resumeReading();
      while (p.received < 11) await sleep(0.005);
      assert.equal(p.received, 11);
      t.close();
      await p.lost;
    } finally {
      server.close();
      server.closeClients();
      await server.waitClosed();
    }
  });
});

test("Transport write buffer limits: pauseWriting/resumeWriting at the marks, getWriteBufferSize, abort", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    // The server never reads: the client's writes pile up.
    const server = await loop.createServer(
      () => ({
        connectionMade: (t) => (t as Transport).pauseReading(),
      }),
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const calls: string[] = [];
      let lost: Error | null | undefined;
      const p: Protocol = {
        pauseWriting: () => calls.push("pause"),
        resumeWriting: () => calls.push("resume"),
        connectionLost: (exc) => (lost = exc),
      };
      const [t] = await loop.createConnection(() => p, host, port);
      t.setWriteBufferLimits(1024, 256);
      assert.deepEqual(t.getWriteBufferLimits(), [256, 1024]);
      const block = new Uint8Array(1024 * 1024);
      for (let i = 0; i < 64 && t.getWriteBufferSize() <= 1024; i++) {
        t.write(block);
        await sleep(0.01);
      }
      assert.ok(t.getWriteBufferSize() > 1024);
      // Strict alternation; paused now (earlier blocks may have drained
      // into the kernel's buffers, each with its resume).
      assert.ok(calls.length % 2 === 1);
      calls.forEach((c, i) => assert.equal(c, i % 2 === 0 ? "pause" : "resume"));
      const before = calls.length;
      t.abort();
      assert.equal(t.isClosing(), true);
      await sleep(0.01);
      assert.equal(lost, null);
      assert.equal(t.getWriteBufferSize(), 0);
      assert.equal(calls.length, before, "no resume after abort");
      // resumeWriting comes when the buffer drains
      calls.length = 0;
      const [t2] = await loop.createConnection(() => p, host, port);
      t2.setWriteBufferLimits(0);
      t2.write("x");
      await sleep(0.05);
      // (a runtime that hands "x" to the OS at once never pauses)
      if (calls.length > 0) assert.deepEqual(calls, ["pause", "resume"]);
      t2.abort();
    } finally {
      server.close();
      server.abortClients();
      await server.waitClosed();
    }
  });
});

test("Protocol callbacks run in the loop's context over a real socket", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const server = await loop.createServer(() => new EchoProtocol(), "127.0.0.1", 0);
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const seen: unknown[] = [];
      let got!: () => void;
      const done = new Promise<void>((resolve) => (got = resolve));
      const [t] = await loop.createConnection(
        () => ({
          dataReceived: () => {
            seen.push(getRunningLoop() === loop, currentTask());
            got();
          },
        }),
        host,
        port,
      );
      t.write("x");
      await done;
      assert.deepEqual(seen, [true, null]);
      t.close();
    } finally {
      server.close();
      server.closeClients();
      await server.waitClosed();
    }
  });
});

test("Faults: refused is ConnectionRefusedError/ECONNREFUSED; unknown host is OSError with the resolver's code", async () => {
  await run(async () => {
    const server = await startServer(() => {}, "127.0.0.1", 0);
    const [, port] = server.sockets[0]!.getsockname() as [string, number];
    server.close();
    await server.waitClosed();
    await sleep(0.05);
    const refused = await openConnection("127.0.0.1", port).catch((e) => e);
    assert.ok(refused instanceof ConnectionRefusedError, String(refused));
    assert.equal(refused.code, "ECONNREFUSED");
    const unknown = await openConnection("no-such-host.invalid", 80).catch((e) => e);
    assert.ok(unknown instanceof OSError, String(unknown));
    assert.match(String(unknown.code), /^(ENOTFOUND|EAI_NONAME|EAI_AGAIN|EAI_FAIL)$/);
  });
});

test("Faults: a peer reset while reading is ConnectionResetError; writing to a gone peer fails drain()", async () => {
  await run(async () => {
    const server = await startServer(
      async (_r, w) => {
        // Leave the client's bytes unread in the kernel: closing then resets.
        w.transport.pauseReading();
        await sleep(0.1);
        w.transport.abort();
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const [r, w] = await openConnection(host, port);
      // More than a runtime reads ahead into a paused socket: some stays
      // unread in the server's kernel buffer, so its close is a reset.
      w.write(new Uint8Array(1024 * 1024));
      const err = await r.read().catch((e) => e);
      assert.ok(err instanceof ConnectionResetError, String(err));
      assert.equal(err.code, "ECONNRESET");
      let failure: unknown = null;
      for (let i = 0; i < 50 && failure === null; i++) {
        try {
          w.write(new Uint8Array(64 * 1024));
          await w.drain();
          await sleep(0.005);
        } catch (e) {
          failure = e;
        }
      }
      // asyncio's drain() throws the error the reader got: EPIPE or ECONNRESET.
      assert.ok(
        failure instanceof BrokenPipeError || failure instanceof ConnectionResetError,
        String(failure),
      );
      w.close();
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
  // cpython: test_streams.py StreamTests.test_drain_raises
});

test("Bad input: port out of range or not an integer, limit <= 0, non-bytes write, unknown option", async () => {
  await run(async () => {
    await assert.rejects(openConnection("127.0.0.1", 70000), /port must be 0-65535, not 70000/);
    await assert.rejects(openConnection("127.0.0.1", -1), RangeError);
    await assert.rejects(openConnection("127.0.0.1", 1.5), /port must be an integer, not 1.5/);
    await assert.rejects(openConnection("127.0.0.1", "80" as unknown as number), TypeError);
    await assert.rejects(startServer(() => {}, "127.0.0.1", 0, { limit: 0 }), ValueError);
    await assert.rejects(openConnection("127.0.0.1", 1, { limit: -1 }), /Limit cannot be <= 0/);
    await assert.rejects(
      openConnection("127.0.0.1", 1, { tsl: true } as unknown as object),
      /unexpected keyword argument 'tsl'/,
    );
    await assert.rejects(
      openConnection("127.0.0.1", 1, { serverHostname: "x" }),
      /server_hostname is only meaningful with ssl/,
    );
    const server = await startServer((_r, w) => w.close(), "127.0.0.1", 0);
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const [, w] = await openConnection(host, port);
      assert.throws(() => w.write(123 as unknown as string), /not 123/);
      w.close();
      await w.waitClosed();
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
});

test("Cancellation: a cancelled openConnection leaves no socket; the signal reaches the pending connect", async () => {
  await run(async () => {
    // A TLS connect to a plain server that never answers the handshake stays pending.
    const server = await startServer(
      async (r, w) => {
        await r.read().catch(() => null);
        w.close();
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const connecting = createTask(() => openConnection(host, port, { tls: true }));
      await sleep(0.05);
      assert.equal(connecting.done(), false);
      connecting.cancel();
      const err = await connecting.then(() => null, (e) => e);
      assert.ok(err instanceof CancelledError, String(err));
      const ac = new AbortController();
      const aborted = openConnection(host, port, { tls: true, signal: ac.signal });
      await sleep(0.05);
      ac.abort(new ValueError("gave up"));
      await assert.rejects(aborted, /gave up/);
      // The server sees both client sockets close.
      for (let i = 0; i < 100 && server._activeCount > 0; i++) await sleep(0.01);
      assert.equal(server._activeCount, 0, "a socket stayed open");
    } finally {
      server.close();
      server.closeClients();
      await server.waitClosed();
    }
  });
});

test("Cancellation: a task cancelled in drain() stops waiting; closing cleans up", async () => {
  await run(async () => {
    const server = await startServer(
      async (r) => {
        await sleep(10); // never reads; cancelled at close
        await r.read();
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const [, w] = await openConnection(host, port);
      const writer = createTask(async () => {
        for (;;) {
          w.write(new Uint8Array(1024 * 1024));
          await w.drain();
        }
      });
      while (w.transport.getWriteBufferSize() <= 64 * 1024) await sleep(0.01);
      await sleep(0.02);
      writer.cancel();
      const err = await writer.then(() => null, (e) => e);
      assert.ok(err instanceof CancelledError);
      w.transport.abort();
      await w.waitClosed();
    } finally {
      server.close();
      server.abortClients();
      await server.waitClosed();
    }
  });
});
