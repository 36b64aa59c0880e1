// Servers over real loopback sockets: lifecycle, client callbacks that fail,
// many clients, Unix sockets.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import {
  ConnectionRefusedError,
  createTask,
  type ExceptionContext,
  gather,
  getRunningLoop,
  isCancelledError,
  openConnection,
  openUnixConnection,
  run,
  sleep,
  startServer,
  startUnixServer,
  type StreamReader,
  type StreamWriter,
} from "../../mod.ts";
import { assert, runtime, test } from "../_suite.ts";

const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function echo(r: StreamReader, w: StreamWriter): Promise<void> {
  for await (const line of r) {
    w.write(line);
    await w.drain();
  }
  w.close();
}

async function roundTrip(host: string, port: number, text: string): Promise<string> {
  const [r, w] = await openConnection(host, port);
  try {
    w.write(`${text}\n`);
    return dec(await r.readLine());
  } finally {
    w.close();
    await w.waitClosed();
  }
}

test("Server: startServing false, then startServing(); port 0 picks a port; close() refuses new clients", async () => {
  await run(async () => {
    const server = await startServer(echo, "127.0.0.1", 0, { startServing: false });
    try {
      assert.equal(server.isServing(), false);
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      assert.equal(host, "127.0.0.1");
      assert.ok(Number.isInteger(port) && port > 0);
      await server.startServing();
      assert.equal(server.isServing(), true);
      assert.equal(await roundTrip(host, port, "hi"), "hi\n");
      server.close();
      assert.equal(server.isServing(), false);
      assert.equal(server.sockets.length, 0);
      await server.waitClosed();
      // Deno frees a listener's descriptor when its pending accept is
      // cancelled, one host turn after close(): a connect in between is
      // reset instead of refused.
      await sleep(0.05);
      const err = await openConnection(host, port).catch((e) => e);
      assert.ok(err instanceof ConnectionRefusedError, String(err));
      assert.equal(err.code, "ECONNREFUSED");
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
});

test("Server.serveForever() cancelled closes the server and throws CancelledError", async () => {
  await run(async () => {
    const server = await startServer(echo, "127.0.0.1", 0);
    const [host, port] = server.sockets[0]!.getsockname() as [string, number];
    const serving = createTask(() => server.serveForever());
    await sleep(0);
    await assert.rejects(server.serveForever(), /already being awaited on serve_forever\(\)/);
    assert.equal(await roundTrip(host, port, "x"), "x\n");
    serving.cancel();
    const err = await serving.then(() => null, (e) => e);
    assert.ok(isCancelledError(err));
    assert.equal(server.isServing(), false);
    assert.equal(server.sockets.length, 0);
    await server.waitClosed();
    await assert.rejects(server.serveForever(), /is closed/);
  });
  // (asyncio-semantics.md 10.3 rule 1)
});

test("Server.waitClosed() waits for the connections; closeClients() and abortClients() end them", async () => {
  await run(async () => {
    const server = await startServer(echo, "127.0.0.1", 0);
    const [host, port] = server.sockets[0]!.getsockname() as [string, number];
    const [r1, w1] = await openConnection(host, port);
    const [r2, w2] = await openConnection(host, port);
    try {
      w1.write("a\n");
      w2.write("b\n");
      await r1.readLine();
      await r2.readLine();
      server.close();
      const closed = createTask(() => server.waitClosed());
      await sleep(0.02);
      assert.equal(closed.done(), false, "waitClosed() returned with clients connected");
      server.closeClients();
      await closed;
      assert.equal((await r1.read()).length, 0);
      assert.equal((await r2.read()).length, 0);
    } finally {
      w1.close();
      w2.close();
    }
    const server2 = await startServer(echo, "127.0.0.1", 0);
    const [h2, p2] = server2.sockets[0]!.getsockname() as [string, number];
    const [r3, w3] = await openConnection(h2, p2);
    w3.write("c\n");
    await r3.readLine();
    server2.close();
    server2.abortClients();
    await server2.waitClosed();
    await r3.read().catch(() => null);
    w3.close();
  });
  // cpython: test_server.py TestServer2.test_close_clients / test_abort_clients
});

test("startServer: a client callback that throws or rejects goes to the exception handler; serving goes on", async () => {
  await run(async () => {
    const contexts: ExceptionContext[] = [];
    getRunningLoop().setExceptionHandler((_loop, ctx) => contexts.push(ctx));
    let n = 0;
    const boom = new Error("sync failure");
    const server = await startServer(
      async (r, w) => {
        n++;
        if (n === 1) throw boom;
        if (n === 2) {
          await r.readLine();
          throw new Error("async failure");
        }
        await echo(r, w);
      },
      "127.0.0.1",
      0,
    );
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const [r1, w1] = await openConnection(host, port);
      assert.equal((await r1.read()).length, 0); // closed by the server
      w1.close();
      const [r2, w2] = await openConnection(host, port);
      w2.write("line\n");
      assert.equal((await r2.read()).length, 0);
      w2.close();
      assert.equal(await roundTrip(host, port, "still serving"), "still serving\n");
      assert.equal(contexts.length, 2);
      for (const ctx of contexts) {
        assert.equal(ctx.message, "Unhandled exception in client_connected_cb");
        assert.ok(ctx.transport !== undefined);
      }
      assert.equal(contexts[0]!.exception, boom);
      assert.equal((contexts[1]!.exception as Error).message, "async failure");
    } finally {
      server.close();
      await server.waitClosed();
    }
  });
  // cpython: test_streams.py StreamTests.test_unhandled_exception
});

test("startServer: 1,000 concurrent clients each echo 10 lines", async () => {
  await run(async () => {
    const server = await startServer(echo, "127.0.0.1", 0, { backlog: 1024 });
    try {
      const [host, port] = server.sockets[0]!.getsockname() as [string, number];
      const client = async (id: number) => {
        const [r, w] = await openConnection(host, port);
        try {
          for (let i = 0; i < 10; i++) {
            w.write(`client ${id} line ${i}\n`);
            const line = dec(await r.readLine());
            if (line !== `client ${id} line ${i}\n`) throw new Error(`bad echo: ${line}`);
          }
          return 10;
        } finally {
          w.close();
          await w.waitClosed();
        }
      };
      const counts = await gather(...Array.from({ length: 1000 }, (_, i) => () => client(i)));
      assert.equal(counts.reduce((a, b) => a + b, 0), 10_000);
    } finally {
      server.close();
      server.closeClients();
      await server.waitClosed();
    }
  });
});

/** A process listening on `path`, killed with SIGKILL: its socket file stays. */
async function leaveStaleSocket(path: string): Promise<void> {
  const script = runtime === "deno"
    ? `Deno.listen({ transport: "unix", path: ${JSON.stringify(path)} }); console.log("ready");`
      + " setInterval(() => {}, 1000);"
    : `require("node:net").createServer().listen(${
      JSON.stringify(path)
    }, () => console.log("ready"));`;
  const args = runtime === "deno" ? ["eval", script] : ["-e", script];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d) => String(d).includes("ready") && resolve());
      child.on("exit", (code) => reject(new Error(`listener exited (${code})`)));
    });
  } finally {
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}

test("startUnixServer/openUnixConnection: echo, getsockname is the path, cleanupSocket, stale path", async () => {
  const dir = mkdtempSync(join(tmpdir(), "asyncio-unix-"));
  const path = join(dir, "s.sock");
  try {
    await run(async () => {
      const server = await startUnixServer(echo, path);
      try {
        assert.equal(server.sockets[0]!.getsockname(), path);
        const [r, w] = await openUnixConnection(path);
        w.write("over unix\n");
        assert.equal(dec(await r.readLine()), "over unix\n");
        w.close();
        await w.waitClosed();
      } finally {
        server.close();
        await server.waitClosed();
      }
      assert.equal(existsSync(path), false, "cleanupSocket left the file");

      // A stale socket file (left by a process that died) is replaced.
      await leaveStaleSocket(path);
      assert.equal(existsSync(path), true);
      const again = await startUnixServer(echo, path);
      try {
        const [r, w] = await openUnixConnection(path);
        w.write("again\n");
        assert.equal(dec(await r.readLine()), "again\n");
        w.close();
        await w.waitClosed();
      } finally {
        again.close();
        await again.waitClosed();
      }

      // A regular file at the path is not removed: binding fails.
      writeFileSync(path, "not a socket");
      const err = await startUnixServer(echo, path).catch((e) => e);
      assert.ok(
        err instanceof Error && (err as { code?: string }).code === "EADDRINUSE",
        String(err),
      );
      assert.equal(existsSync(path), true);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
