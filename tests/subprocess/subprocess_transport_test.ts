// loop.subprocessExec / subprocessShell with a SubprocessProtocol: the
// order of the protocol's events, and the transport's methods.
import {
  getRunningLoop,
  PIPE,
  ProcessLookupError,
  run,
  type SubprocessProtocol,
  type SubprocessTransport,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";
import { alive, zombieChildren } from "./_helpers.ts";

const decoder = new TextDecoder();

class Recorder implements SubprocessProtocol {
  events: string[] = [];
  data: Record<number, string> = { 1: "", 2: "" };
  transport: SubprocessTransport | null = null;
  #resolveLost!: () => void;
  readonly lost: { promise: Promise<void>; resolve: () => void } = {
    promise: new Promise<void>((r) => (this.#resolveLost = r)),
    resolve: () => this.#resolveLost(),
  };
  connectionMade(t: SubprocessTransport): void {
    this.transport = t;
    this.events.push("connectionMade");
  }
  pipeDataReceived(fd: 1 | 2, data: Uint8Array): void {
    this.data[fd] += decoder.decode(data);
    if (!this.events.includes(`data${fd}`)) this.events.push(`data${fd}`);
  }
  pipeConnectionLost(fd: 0 | 1 | 2, exc: Error | null): void {
    this.events.push(`lost${fd}${exc === null ? "" : ":" + exc.name}`);
  }
  processExited(): void {
    this.events.push("processExited");
  }
  connectionLost(exc: Error | null): void {
    this.events.push(`connectionLost${exc === null ? "" : ":" + exc.name}`);
    this.lost.resolve();
  }
}

test("loop.subprocessExec() calls the protocol in asyncio's order", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const p = new Recorder();
    const [transport, protocol] = await loop.subprocessExec(
      () => p,
      "sh",
      ["-c", "cat; echo err >&2"],
    );
    assert.equal(protocol, p);
    assert.equal(p.events[0], "connectionMade");
    const stdin = transport.getPipeTransport(0) as unknown as {
      write(d: string): void;
      close(): void;
    };
    stdin.write("out");
    stdin.close();
    await p.lost.promise;
    assert.deepEqual(p.data, { 1: "out", 2: "err\n" });
    const ev = p.events;
    // per pipe: data before its close; processExited once; connectionLost last
    assert.ok(ev.indexOf("data1") < ev.indexOf("lost1"), ev.join());
    assert.ok(ev.indexOf("data2") < ev.indexOf("lost2"), ev.join());
    assert.equal(ev.filter((e) => e === "processExited").length, 1);
    assert.ok(ev.includes("lost0"), ev.join());
    assert.equal(ev.at(-1), "connectionLost");
    assert.equal(transport.getReturncode(), 0);
    transport.close();
  });
  // cpython: test_subprocess.py SubprocessMixin.test_subprocess_protocol_events
});

test("loop.subprocessExec() pipes all three streams by default; getPipeTransport() is null for others", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const a = new Recorder();
    const [piped] = await loop.subprocessExec(() => a, "true", []);
    for (const fd of [0, 1, 2] as const) assert.ok(piped.getPipeTransport(fd) !== null, `fd ${fd}`);
    await a.lost.promise;
    piped.close();
    const b = new Recorder();
    const [plain] = await loop.subprocessExec(() => b, "true", [], {
      stdin: null,
      stdout: null,
      stderr: null,
    });
    for (const fd of [0, 1, 2] as const) assert.equal(plain.getPipeTransport(fd), null);
    await b.lost.promise;
    assert.deepEqual(b.events, ["connectionMade", "processExited", "connectionLost"]);
    plain.close();
  });
});

test("SubprocessTransport.close() kills a running child; signals then throw ProcessLookupError", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const p = new Recorder();
    const [transport] = await loop.subprocessExec(() => p, "sleep", ["30"], { stdin: null });
    const pid = transport.getPid();
    assert.equal(transport.getReturncode(), null);
    assert.equal(transport.isClosing(), false);
    transport.close();
    assert.equal(transport.isClosing(), true);
    await p.lost.promise;
    assert.equal(transport.getReturncode(), -9);
    assert.equal(alive(pid), false);
    assert.throws(() => transport.sendSignal("SIGTERM"), ProcessLookupError);
    assert.throws(() => transport.terminate(), ProcessLookupError);
    assert.throws(() => transport.kill(), ProcessLookupError);
  });
  assert.deepEqual(zombieChildren(), []);
  // cpython: test_subprocess.py SubprocessMixin.test_close_kill_running
});

test("SubprocessTransport.close() does not kill a finished child", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const p = new Recorder();
    const [transport] = await loop.subprocessExec(() => p, "sh", ["-c", "exit 3"], { stdin: null });
    await p.lost.promise;
    transport.close();
    assert.equal(transport.getReturncode(), 3);
  });
  // cpython: test_subprocess.py SubprocessMixin.test_close_dont_kill_finished
});

test("loop.subprocessShell() runs the command line through the shell", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const p = new Recorder();
    const [transport] = await loop.subprocessShell(() => p, "echo $((2 + 3)) && exit 1", {
      stdin: null,
      stdout: PIPE,
    });
    await p.lost.promise;
    assert.equal(p.data[1], "5\n");
    assert.equal(transport.getReturncode(), 1);
    transport.close();
  });
});

test("loop.subprocessExec() checks its arguments", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    // deno-lint-ignore no-explicit-any
    const any = (x: unknown) => x as any;
    await assert.rejects(loop.subprocessExec(() => ({}), any(null), []), TypeError);
    await assert.rejects(loop.subprocessExec(() => ({}), "echo", any("x")), TypeError);
    await assert.rejects(loop.subprocessShell(() => ({}), any(1)), /cmd must be a string/);
  });
});
