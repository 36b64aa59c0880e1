// Streams over real loopback sockets: reader and writer end to end, the
// writer's flow control, half-close, closing, extra info.
import {
  ConnectionResetError,
  createTask,
  Event,
  IncompleteReadError,
  openConnection,
  run,
  type Server,
  sleep,
  startServer,
  type StreamReader,
  type StreamWriter,
  type Task,
  timeout,
  TimeoutError,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

export function addressOf(server: Server): [string, number] {
  return server.sockets[0]!.getsockname() as [string, number];
}

/** Starts a server on a free loopback port, runs `body` with it, always closes it. */
export async function withServer(
  handler: (r: StreamReader, w: StreamWriter) => unknown,
  body: (host: string, port: number, server: Server) => Promise<void>,
): Promise<void> {
  const server = await startServer(handler, "127.0.0.1", 0);
  try {
    const [host, port] = addressOf(server);
    await body(host, port, server);
  } finally {
    server.close();
    server.closeClients();
    await server.waitClosed();
  }
}

async function echo(r: StreamReader, w: StreamWriter): Promise<void> {
  for await (const line of r) {
    w.write(line);
    await w.drain();
  }
  w.close();
}

test("openConnection/startServer echo lines; read(n), readLine, readExactly, readUntil, atEof", async () => {
  await run(() =>
    withServer(echo, async (host, port) => {
      const [r, w] = await openConnection(host, port);
      try {
        w.write("hello\n");
        w.writelines(["a|b|", enc("ABCDEFG\n"), "12345678\n", "last"]);
        await w.drain();
        assert.equal(dec(await r.readLine()), "hello\n");
        assert.equal(dec(await r.readUntil("|")), "a|");
        assert.equal(dec(await r.readUntil(["|"])), "b|");
        assert.equal(dec(await r.readUntil(["DEF", "BCDE"])), "ABCDE");
        assert.equal(dec(await r.readLine()), "FG\n");
        assert.equal(dec(await r.readExactly(4)), "1234");
        assert.equal(dec(await r.read(4)), "5678");
        w.writeEof();
        assert.equal(dec(await r.read()), "\nlast");
        assert.equal(r.atEof(), true);
      } finally {
        w.close();
        await w.waitClosed();
      }
    })
  );
});

test("StreamWriter.drain() really waits for a slow reader (2 MiB writes) and the high mark holds", async () => {
  await run(async () => {
    const gate = new Event(); // an asyncio event: the handler stays cancellable
    let received = 0;
    await withServer(async (r, w) => {
      await gate.wait();
      for (;;) {
        const chunk = await r.read(64 * 1024);
        if (chunk.length === 0) break;
        received += chunk.length;
      }
      w.close();
    }, async (host, port) => {
      const [r, w] = await openConnection(host, port);
      try {
        const block = new Uint8Array(2 * 1024 * 1024).fill(7);
        const [, high] = w.transport.getWriteBufferLimits();
        // Loopback kernel buffers may take several MiB: write 2 MiB blocks
        // until they are full and the transport keeps the rest (bounded).
        let sent = 0;
        let drain: Task<number> | null = null;
        for (let i = 0; i < 32 && drain === null; i++) {
          w.write(block);
          sent += block.length;
          // What the transport still holds at the moment drain() returns.
          const d = createTask(async () => {
            await w.drain();
            return w.transport.getWriteBufferSize();
          });
          await sleep(0.02);
          if (!d.done()) drain = d;
        }
        assert.ok(drain !== null, "drain() never waited");
        assert.ok(w.transport.getWriteBufferSize() > high);
        // The kernel may go on taking bytes while the peer reads nothing
        // (loopback buffers grow by autotuning, here up to tens of MiB), so
        // no fixed wait can prove drain() waits; what must hold is that it
        // returns only once the transport's buffer is back under its mark.
        gate.set();
        assert.ok((await drain) <= high, "drain() returned above the high-water mark");
        w.writeEof();
        assert.equal((await r.read()).length, 0);
        assert.equal(received, sent);
      } finally {
        gate.set();
        w.close();
        await w.waitClosed();
      }
    });
  });
});

test("StreamWriter.writeEof() half-closes while the peer keeps writing back", async () => {
  await run(() =>
    withServer(async (r, w) => {
      const all = await r.read();
      w.write(`got ${all.length} bytes, `);
      await sleep(0.01);
      w.write("and more");
      w.close();
    }, async (host, port) => {
      const [r, w] = await openConnection(host, port);
      assert.equal(w.canWriteEof(), true);
      w.write("12345");
      w.writeEof();
      assert.equal(w.isClosing(), false);
      assert.equal(dec(await r.read()), "got 5 bytes, and more");
      w.close();
      await w.waitClosed();
    })
  );
});

test("StreamWriter: close(), isClosing(), waitClosed(); write after close does not throw, drain reports it", async () => {
  await run(() =>
    withServer(echo, async (host, port) => {
      const [, w] = await openConnection(host, port);
      w.close();
      assert.equal(w.isClosing(), true);
      w.write("dropped");
      await assert.rejects(w.drain(), ConnectionResetError);
      await w.waitClosed();
    })
  );
  // cpython: test_streams.py StreamTests.test_async_writer_api_exception_after_close
});

test("StreamWriter with await using closes the connection at the end of the block", async () => {
  await run(() =>
    withServer(async (r, w) => {
      assert.equal((await r.read()).length, 0);
      w.close();
    }, async (host, port) => {
      let kept: StreamWriter;
      {
        const [, w] = await openConnection(host, port);
        await using _writer = w;
        kept = w;
      }
      assert.equal(kept.isClosing(), true);
    })
  );
});

test("StreamWriter.getExtraInfo() gives peername, sockname, socket, and defaults", async () => {
  await run(() =>
    withServer(echo, async (host, port) => {
      const [, w] = await openConnection(host, port);
      try {
        assert.deepEqual(w.getExtraInfo("peername"), [host, port]);
        const [lh, lp] = w.getExtraInfo("sockname") as [string, number];
        assert.equal(lh, "127.0.0.1");
        assert.ok(lp > 0);
        const sock = w.getExtraInfo("socket") as { getpeername(): unknown };
        assert.deepEqual(sock.getpeername(), [host, port]);
        assert.equal(w.getExtraInfo("peercert"), undefined);
        assert.equal(w.getExtraInfo("cipher", "none"), "none");
        assert.equal(w.getExtraInfo("no such key", 42), 42);
      } finally {
        w.close();
        await w.waitClosed();
      }
    })
  );
});

test("readLine() cancelled by timeout() over a socket leaves the received bytes for the next read", async () => {
  await run(() =>
    withServer(async (r, w) => {
      w.write("first half ");
      await w.drain();
      await r.readExactly(1); // the client's go-ahead
      w.write("second half\n");
      w.close();
    }, async (host, port) => {
      const [r, w] = await openConnection(host, port);
      try {
        const err = await timeout(0.05, () => r.readLine()).catch((e) => e);
        assert.ok(err instanceof TimeoutError);
        w.write("!");
        assert.equal(dec(await r.readLine()), "first half second half\n");
      } finally {
        w.close();
        await w.waitClosed();
      }
    })
  );
});

test("readExactly() throws IncompleteReadError when the peer closes midway", async () => {
  await run(() =>
    withServer((_r, w) => {
      w.write("abc");
      w.close();
    }, async (host, port) => {
      const [r, w] = await openConnection(host, port);
      const err = await r.readExactly(10).catch((e) => e);
      assert.ok(err instanceof IncompleteReadError);
      assert.equal(dec(err.partial), "abc");
      assert.equal(err.expected, 10);
      w.close();
      await w.waitClosed();
    })
  );
});
