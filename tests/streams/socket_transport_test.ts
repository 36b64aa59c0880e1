// The socket transport over an in-memory platform socket: protocol
// callback order, flow control both ways, closing, errors, extra info.
import type { EventLoop } from "../../loop/event_loop.ts";
import {
  ConnectionResetError,
  currentTask,
  type ExceptionContext,
  getRunningLoop,
  type Protocol,
  run,
  RuntimeError,
  sleep,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  type Transport,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import type { BufferedProtocol } from "../../mod.ts";
import { SocketTransport } from "../../streams/_socket_transport.ts";
import { assert, test } from "../_suite.ts";
import { FakeSocket } from "./_fake_socket.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

class Recorder implements Protocol {
  events: string[] = [];
  transport: Transport | null = null;
  keepOpen = false;
  connectionMade(t: Transport): void {
    this.transport = t;
    this.events.push("made");
  }
  dataReceived(data: Uint8Array): void {
    this.events.push(`data:${dec(data)}`);
  }
  eofReceived(): boolean {
    this.events.push("eof");
    return this.keepOpen;
  }
  connectionLost(exc: Error | null): void {
    this.events.push(`lost:${exc === null ? "null" : exc.name}`);
  }
  pauseWriting(): void {
    this.events.push("pauseWriting");
  }
  resumeWriting(): void {
    this.events.push("resumeWriting");
  }
}

function connect(p: Protocol | BufferedProtocol): [SocketTransport, FakeSocket] {
  const sock = new FakeSocket();
  const t = new SocketTransport(getRunningLoop() as EventLoop, sock, p);
  return [t, sock];
}

test("SocketTransport calls connectionMade, dataReceived*, eofReceived, connectionLost once, in order", async () => {
  await run(async () => {
    const p = new Recorder();
    const [t, sock] = connect(p);
    assert.equal(sock.paused, true);
    await sleep(0);
    assert.deepEqual(p.events, ["made"]);
    assert.equal(sock.paused, false);
    sock.receive("a");
    sock.receive("b");
    sock.receiveEof();
    await sleep(0);
    assert.deepEqual(p.events, ["made", "data:a", "data:b", "eof", "lost:null"]);
    assert.equal(t.isClosing(), true);
    t.close();
    t.abort();
    await sleep(0);
    assert.equal(p.events.filter((e) => e.startsWith("lost")).length, 1);
  }, virtual);
  // (asyncio-semantics.md 10.2 rule 1)
});

test("SocketTransport turns Nagle's algorithm off (TCP_NODELAY), as asyncio does for TCP", async () => {
  await run(async () => {
    const [t, sock] = connect(new Recorder());
    assert.equal(sock.noDelay, true);
    t.close();
    await sleep(0);
  }, virtual);
});

test("SocketTransport: eofReceived() returning true keeps the write side open", async () => {
  await run(async () => {
    const p = new Recorder();
    p.keepOpen = true;
    const [t, sock] = connect(p);
    await sleep(0);
    sock.receiveEof();
    assert.equal(t.isClosing(), false);
    t.write("bye");
    assert.equal(sock.text(), "bye");
    t.close();
    await sleep(0);
    assert.deepEqual(p.events, ["made", "eof", "lost:null"]);
  }, virtual);
});

test("SocketTransport runs protocol callbacks in the loop's context", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const seen: unknown[] = [];
    const p: Protocol = {
      connectionMade: () => seen.push(getRunningLoop() === loop, currentTask()),
      dataReceived: () => seen.push(getRunningLoop() === loop, currentTask()),
    };
    const [, sock] = connect(p);
    await sleep(0);
    sock.receive("x");
    assert.deepEqual(seen, [true, null, true, null]);
  }, virtual);
});

test("SocketTransport: a throwing dataReceived goes to the exception handler and closes with that error", async () => {
  await run(async () => {
    const contexts: ExceptionContext[] = [];
    getRunningLoop().setExceptionHandler((_l, c) => contexts.push(c));
    const boom = new ValueError("bad data");
    const lost: unknown[] = [];
    const p: Protocol = {
      dataReceived: () => {
        throw boom;
      },
      connectionLost: (exc) => lost.push(exc),
    };
    const [t, sock] = connect(p);
    await sleep(0);
    sock.receive("x");
    assert.equal(contexts.length, 1);
    assert.equal(contexts[0]!.message, "Fatal error: protocol.data_received() call failed.");
    assert.equal(contexts[0]!.exception, boom);
    assert.equal(contexts[0]!.transport, t);
    assert.equal(sock.aborted, true);
    await sleep(0);
    assert.deepEqual(lost, [boom]);
  }, virtual);
});

test("SocketTransport.pauseReading() stops delivery; resumeReading() delivers what was held, in order", async () => {
  await run(async () => {
    const p = new Recorder();
    const [t, sock] = connect(p);
    await sleep(0);
    t.pauseReading();
    t.pauseReading();
    assert.equal(t.isReading(), false);
    assert.equal(sock.paused, true);
    sock.receive("late"); // already on its way when the pause came
    sock.receiveEof();
    assert.deepEqual(p.events, ["made"]);
    t.resumeReading();
    assert.equal(t.isReading(), true);
    await sleep(0);
    assert.deepEqual(p.events.slice(0, 3), ["made", "data:late", "eof"]);
  }, virtual);
});

test("SocketTransport calls pauseWriting above the high mark and resumeWriting at the low mark", async () => {
  await run(async () => {
    const p = new Recorder();
    const [t, sock] = connect(p);
    await sleep(0);
    assert.deepEqual(t.getWriteBufferLimits(), [16384, 65536]);
    t.setWriteBufferLimits(10);
    assert.deepEqual(t.getWriteBufferLimits(), [2, 10]);
    sock.osTakes = 0;
    t.write("12345");
    assert.equal(t.getWriteBufferSize(), 5);
    assert.deepEqual(p.events, ["made"]);
    t.write("678901");
    assert.equal(t.getWriteBufferSize(), 11);
    assert.deepEqual(p.events, ["made", "pauseWriting"]);
    t.write("more");
    assert.deepEqual(p.events, ["made", "pauseWriting"]);
    sock.flush();
    assert.deepEqual(p.events, ["made", "pauseWriting", "resumeWriting"]);
    t.setWriteBufferLimits(undefined, 4);
    assert.deepEqual(t.getWriteBufferLimits(), [4, 16]);
    assert.throws(
      () => t.setWriteBufferLimits(1, 2),
      /high \(1\) must be >= low \(2\) must be >= 0/,
    );
  }, virtual);
  // cpython: test_transports.py TransportTests.test_flowcontrol_mixin_set_write_limits
});

test("SocketTransport.abort() drops buffered data and closes at once", async () => {
  await run(async () => {
    const p = new Recorder();
    const [t, sock] = connect(p);
    await sleep(0);
    sock.osTakes = 0;
    t.write("buffered");
    t.abort();
    assert.equal(sock.aborted, true);
    assert.equal(t.getWriteBufferSize(), 0);
    await sleep(0);
    assert.deepEqual(p.events, ["made", "lost:null"]);
  }, virtual);
});

test("SocketTransport.write() refuses non-bytes, and writes after writeEof()", async () => {
  await run(async () => {
    const [t, sock] = connect(new Recorder());
    await sleep(0);
    assert.throws(() => t.write(42 as unknown as string), /not 42/);
    assert.throws(() => t.write({} as unknown as string), TypeError);
    assert.equal(t.canWriteEof(), true);
    t.writeEof();
    assert.equal(sock.ended, true);
    assert.throws(() => t.write("x"), /Cannot call write\(\) after write_eof\(\)/);
    t.close();
  }, virtual);
});

test("StreamWriter: write after close() does not throw; the next drain() reports the lost connection", async () => {
  await run(async () => {
    const reader = new StreamReader();
    const protocol = new StreamReaderProtocol(reader);
    const [t] = connect(protocol);
    await sleep(0);
    const writer = new StreamWriter(t, protocol, reader, getRunningLoop());
    writer.close();
    assert.equal(writer.isClosing(), true);
    writer.write("dropped");
    const err = await writer.drain().catch((e) => e);
    assert.ok(err instanceof ConnectionResetError);
    assert.equal(err.message, "Connection lost");
    await writer.waitClosed();
  }, virtual);
  // cpython: test_streams.py StreamTests.test_async_writer_api_exception_after_close
});

test("StreamWriter.drain() waits while the transport is over its high mark", async () => {
  await run(async () => {
    const reader = new StreamReader();
    const protocol = new StreamReaderProtocol(reader);
    const [t, sock] = connect(protocol);
    await sleep(0);
    const writer = new StreamWriter(t, protocol, reader, getRunningLoop());
    sock.osTakes = 0;
    writer.write(new Uint8Array(70_000));
    let drained = 0;
    const d1 = writer.drain().then(() => drained++);
    const d2 = writer.drain().then(() => drained++);
    await sleep(0);
    assert.equal(drained, 0);
    sock.flush();
    await Promise.all([d1, d2]);
    assert.equal(drained, 2);
    writer.close();
    await writer.waitClosed();
  }, virtual);
  // cpython: test_streams.py StreamTests.test_multiple_drain
});

test("SocketTransport feeds a BufferedProtocol through getBuffer/bufferUpdated", async () => {
  await run(async () => {
    const got: string[] = [];
    const buf = new Uint8Array(4);
    const p: BufferedProtocol = {
      getBuffer: () => buf,
      bufferUpdated: (n) => got.push(dec(buf.subarray(0, n))),
    };
    const [t, sock] = connect(p);
    await sleep(0);
    sock.receive("abcdefghij");
    assert.deepEqual(got, ["abcd", "efgh", "ij"]);
    t.close();
  }, virtual);
  // cpython: test_buffered_proto.py BaseTestBufferedProtocol.test_buffered_proto_create_connection
});

test("SocketTransport.getExtraInfo() answers peername, sockname, socket and a default", async () => {
  await run(async () => {
    const [t] = connect(new Recorder());
    await sleep(0);
    assert.deepEqual(t.getExtraInfo("peername"), ["127.0.0.1", 5678]);
    assert.deepEqual(t.getExtraInfo("sockname"), ["127.0.0.1", 1234]);
    const s = t.getExtraInfo("socket") as { getsockname(): unknown };
    assert.deepEqual(s.getsockname(), ["127.0.0.1", 1234]);
    assert.equal(t.getExtraInfo("peercert"), undefined);
    assert.equal(t.getExtraInfo("nope", "dflt"), "dflt");
    t.close();
  }, virtual);
});

test("SocketTransport._startTls() hands the protocol to a TLS transport; the old one is dead", async () => {
  await run(async () => {
    const p = new Recorder();
    const [t, sock] = connect(p);
    await sleep(0);
    const next = await t._startTls({ serverName: "localhost" }, false);
    assert.equal(t.isClosing(), true);
    assert.equal(sock.upgradedWith?.serverName, "localhost");
    assert.equal(next.getProtocol(), p);
    assert.equal(next.canWriteEof(), false);
    assert.deepEqual(next.getExtraInfo("cipher"), ["TLS_AES_128_GCM_SHA256", "TLSv1.3", 128]);
    await sleep(0);
    assert.deepEqual(p.events, ["made"]);
    next.close();
    await sleep(0);
    assert.deepEqual(p.events, ["made", "lost:null"]);
    await assert.rejects(t._startTls({}, false), RuntimeError);
  }, virtual);
});
