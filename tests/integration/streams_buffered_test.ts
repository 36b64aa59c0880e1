// A BufferedProtocol over real loopback sockets with bulk data: the socket
// may read into one reused array for it (Deno), so these check that every
// byte arrives intact and in order, also across a pause, and that a
// protocol switched in afterwards gets arrays it may keep.
import {
  type BaseTransport,
  type BufferedProtocol,
  getRunningLoop,
  type Protocol,
  run,
  startServer,
  type StreamReader,
  type StreamWriter,
  type Transport,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

/** Bytes `from` to `from + n` of a pattern that never repeats at a read's size: byte k is (7k + floor(k / 4096)) mod 251. */
function pattern(n: number, from = 0): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = from + i;
    out[i] = (k * 7 + (k >> 12)) % 251;
  }
  return out;
}

/** Sends `data` in 64 KiB writes, draining after each. */
async function send(writer: StreamWriter, data: Uint8Array): Promise<void> {
  for (let at = 0; at < data.length; at += 64 * 1024) {
    writer.write(data.subarray(at, at + 64 * 1024));
    await writer.drain();
  }
}

test("a BufferedProtocol gets 4 MiB intact through a small buffer, across a pause", async () => {
  const total = 4 * 1024 * 1024;
  const expected = pattern(total);
  await run(async () => {
    const loop = getRunningLoop();
    const server = await startServer(
      async (_r: StreamReader, w: StreamWriter) => {
        await send(w, expected);
        w.close();
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const buf = new Uint8Array(1000);
      let got = 0;
      let mismatch = -1;
      let paused = false;
      let transport!: Transport;
      const ended = loop.createFuture<void>();
      const p: BufferedProtocol = {
        connectionMade: (t: BaseTransport) => void (transport = t as Transport),
        getBuffer: () => buf,
        bufferUpdated: (n) => {
          for (let i = 0; i < n && mismatch < 0; i++) {
            if (buf[i] !== expected[got + i]) mismatch = got + i;
          }
          got += n;
          // Pause once, past the first MiB, while the peer keeps sending.
          if (!paused && got >= 1024 * 1024) {
            paused = true;
            transport.pauseReading();
            loop.callLater(0.02, () => transport.resumeReading());
          }
        },
        eofReceived: () => {
          ended.setResult(undefined);
          return false;
        },
      };
      await loop.createConnection(() => p, host, port);
      await ended;
      transport.close();
      assert.equal(mismatch, -1, `first wrong byte at ${mismatch}`);
      assert.equal(got, total);
      assert.equal(paused, true);
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
});

test("a Protocol set after a BufferedProtocol keeps its arrays intact", async () => {
  const first = 256 * 1024;
  const then = 1024 * 1024;
  const later = pattern(then, 12345);
  await run(async () => {
    const loop = getRunningLoop();
    const server = await startServer(
      async (r: StreamReader, w: StreamWriter) => {
        await send(w, pattern(first));
        await r.readExactly(1); // the client switched protocols
        await send(w, later);
        w.close();
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const kept: Uint8Array[] = [];
      let keptBytes = 0;
      const ended = loop.createFuture<void>();
      const plain: Protocol = {
        dataReceived: (d) => {
          kept.push(d); // kept without a copy: it must stay as received
          keptBytes += d.length;
        },
        eofReceived: () => {
          ended.setResult(undefined);
          return false;
        },
      };
      const buf = new Uint8Array(64 * 1024);
      let got = 0;
      let transport!: Transport;
      const buffered: BufferedProtocol = {
        connectionMade: (t: BaseTransport) => void (transport = t as Transport),
        getBuffer: () => buf,
        bufferUpdated: (n) => {
          got += n;
          if (got === first) {
            transport.setProtocol(plain);
            transport.write("g");
          }
        },
      };
      await loop.createConnection(() => buffered, host, port);
      await ended;
      transport.close();
      assert.equal(got, first);
      assert.equal(keptBytes, then);
      // Compared by hand: a diff of two 1 MiB arrays would take minutes to print.
      let wrong = -1;
      let at = 0;
      for (const d of kept) {
        for (let i = 0; i < d.length && wrong < 0; i++) if (d[i] !== later[at + i]) wrong = at + i;
        at += d.length;
      }
      assert.equal(wrong, -1, `first wrong byte at ${wrong}`);
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
});
