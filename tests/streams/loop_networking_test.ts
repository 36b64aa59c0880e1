// The loop's networking methods delegate to streams/, which registers itself
// when it loads; without it they name the import to add.
import { networkingSupport } from "../../loop/_networking.ts";
import { EventLoop, run, RuntimeError } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

test("EventLoop networking methods reject with a RuntimeError naming the import when streams/ is not loaded", async () => {
  const saved = networkingSupport.impl;
  networkingSupport.impl = null;
  try {
    const loop = new EventLoop();
    const err = await loop.createConnection(() => ({}), "127.0.0.1", 1).catch((e) => e);
    assert.ok(err instanceof RuntimeError);
    assert.match(err.message, /import "@asyncio\/asyncio\/streams"/);
    await assert.rejects(loop.createServer(() => ({}), null, 0), RuntimeError);
    await assert.rejects(loop.createUnixServer(() => ({}), "/tmp/x.sock"), RuntimeError);
    loop.close();
  } finally {
    networkingSupport.impl = saved;
  }
  assert.ok(networkingSupport.impl !== null, "streams/ registered itself");
});

test("EventLoop.createServer() and createConnection() reach streams/ once it is loaded", async () => {
  await run(async () => {
    const { getRunningLoop } = await import("../../mod.ts");
    const loop = getRunningLoop();
    const server = await loop.createServer(() => ({}), "127.0.0.1", 0);
    const [host, port] = server.sockets[0]!.getsockname() as [string, number];
    const [t] = await loop.createConnection(() => ({}), host, port);
    t.close();
    server.close();
    server.closeClients();
    await server.waitClosed();
  });
});
