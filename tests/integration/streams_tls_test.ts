// TLS streams over loopback with the test CA in tests/fixtures/tls/
// (made by make_certs.sh there): verification, server name, ALPN, peer
// certificate, STARTTLS with writer.startTls() and loop.startTls().
import { readFileSync } from "node:fs";
import {
  getRunningLoop,
  openConnection,
  OSError,
  type Protocol,
  run,
  startServer,
  type StreamReader,
  StreamReaderProtocol,
  type StreamWriter,
  type TlsOptions,
  type Transport,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const fixture = (name: string) => readFileSync(`tests/fixtures/tls/${name}`, "utf8");
const CA = fixture("ca.pem");
const SERVER: TlsOptions = { cert: fixture("server.pem"), key: fixture("server.key") };
const SELF_SIGNED: TlsOptions = {
  cert: fixture("self_signed.pem"),
  key: fixture("self_signed.key"),
};
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function echo(r: StreamReader, w: StreamWriter): Promise<void> {
  for await (const line of r) {
    w.write(line);
    await w.drain();
  }
  w.close();
}

async function tlsServer(tls: TlsOptions, handler = echo) {
  const server = await startServer(handler, "127.0.0.1", 0, { tls });
  const [host, port] = server.sockets[0]!.getsockname() as [string, number];
  return {
    host,
    port,
    async close() {
      server.close();
      server.closeClients();
      await server.waitClosed();
    },
  };
}

test("TLS: client and server echo; peercert, cipher, no half-close over TLS", async () => {
  await run(async () => {
    const s = await tlsServer(SERVER);
    try {
      const [r, w] = await openConnection("localhost", s.port, {
        tls: { caCerts: [CA] },
      });
      try {
        w.write("secret\n");
        assert.equal(dec(await r.readLine()), "secret\n");
        assert.equal(w.canWriteEof(), false);
        const cert = w.getExtraInfo("peercert") as Record<string, unknown> | null | undefined;
        assert.ok(cert !== null, "no peer certificate");
        if (cert !== undefined) assert.match(JSON.stringify(cert.subject), /localhost/);
        const cipher = w.getExtraInfo("cipher");
        assert.ok(cipher === undefined || Array.isArray(cipher));
        assert.ok(w.getExtraInfo("sslcontext") !== undefined);
      } finally {
        w.close();
        await w.waitClosed().catch(() => null);
      }
    } finally {
      await s.close();
    }
  });
});

test("TLS: verification is on by default: a self-signed server is refused with an SSL error", async () => {
  await run(async () => {
    const s = await tlsServer(SELF_SIGNED);
    try {
      const err = await openConnection("localhost", s.port, { tls: true }).catch((e) => e);
      assert.ok(err instanceof OSError, String(err));
      const err2 = await openConnection("localhost", s.port, { tls: { caCerts: [CA] } })
        .catch((e) => e);
      assert.ok(err2 instanceof OSError, String(err2));
      // Turning verification off accepts it.
      const [r, w] = await openConnection("localhost", s.port, {
        tls: { rejectUnauthorized: false },
      });
      w.write("ok\n");
      assert.equal(dec(await r.readLine()), "ok\n");
      w.close();
      await w.waitClosed().catch(() => null);
    } finally {
      await s.close();
    }
  });
});

test("TLS: serverHostname is what the certificate is checked against", async () => {
  await run(async () => {
    const s = await tlsServer(SERVER);
    try {
      const [r, w] = await openConnection("127.0.0.1", s.port, {
        tls: { caCerts: [CA] },
        serverHostname: "localhost",
      });
      w.write("named\n");
      assert.equal(dec(await r.readLine()), "named\n");
      w.close();
      await w.waitClosed().catch(() => null);
      const err = await openConnection("127.0.0.1", s.port, {
        tls: { caCerts: [CA] },
        serverHostname: "not-the-name.example",
      }).catch((e) => e);
      assert.ok(err instanceof OSError, String(err));
    } finally {
      await s.close();
    }
  });
});

test("TLS: ALPN picks a protocol both sides know", async () => {
  await run(async () => {
    const s = await tlsServer({ ...SERVER, alpnProtocols: ["h2", "http/1.1"] });
    try {
      const [r, w] = await openConnection("localhost", s.port, {
        tls: { caCerts: [CA], alpnProtocols: ["http/1.1"] },
      });
      const tlsObject = w.getExtraInfo("ssl_object") as { selectedAlpnProtocol(): string | null };
      assert.equal(tlsObject.selectedAlpnProtocol(), "http/1.1");
      w.write("alpn\n");
      assert.equal(dec(await r.readLine()), "alpn\n");
      w.close();
      await w.waitClosed().catch(() => null);
    } finally {
      await s.close();
    }
  });
});

test("STARTTLS: a plain connection upgraded with writer.startTls() on both sides", async () => {
  await run(async () => {
    const server = await startServer(
      async (r, w) => {
        assert.equal(dec(await r.readLine()), "STARTTLS\n");
        w.write("GO\n");
        await w.startTls(SERVER);
        await echo(r, w);
      },
      "127.0.0.1",
      0,
    );
    try {
      const [, port] = server.sockets[0]!.getsockname() as [string, number];
      const [r, w] = await openConnection("127.0.0.1", port);
      w.write("STARTTLS\n");
      assert.equal(dec(await r.readLine()), "GO\n");
      assert.equal(w.getExtraInfo("sslcontext"), undefined);
      await w.startTls({ caCerts: [CA] }, { serverHostname: "localhost" });
      assert.ok(w.getExtraInfo("sslcontext") !== undefined);
      w.write("now secret\n");
      assert.equal(dec(await r.readLine()), "now secret\n");
      w.close();
      await w.waitClosed().catch(() => null);
    } finally {
      server.close();
      server.closeClients();
      await server.waitClosed();
    }
  });
});

test("STARTTLS: loop.startTls() on both sides with protocols", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    // Server: a protocol that upgrades after the first line and then echoes.
    class UpgradingServer implements Protocol {
      #t: Transport | null = null;
      #upgraded = false;
      connectionMade(t: Transport): void {
        this.#t = t;
      }
      dataReceived(data: Uint8Array): void {
        if (this.#upgraded) {
          this.#t!.write(data);
          return;
        }
        this.#upgraded = true;
        this.#t!.write("GO\n");
        void loop.startTls(this.#t!, this, SERVER, { serverSide: true }).then((t) => {
          this.#t = t;
        });
      }
    }
    const server = await loop.createServer(() => new UpgradingServer(), "127.0.0.1", 0);
    try {
      const [, port] = server.sockets[0]!.getsockname() as [string, number];
      const reader = (await import("../../mod.ts")).StreamReader;
      const r = new reader();
      const protocol = new StreamReaderProtocol(r);
      const [plain] = await loop.createConnection(() => protocol, "127.0.0.1", port);
      plain.write("UPGRADE\n");
      assert.equal(dec(await r.readLine()), "GO\n");
      const secure = await loop.startTls(plain, protocol, { caCerts: [CA] }, {
        serverHostname: "localhost",
      });
      protocol._replaceTransport(secure);
      assert.equal(plain.isClosing(), true);
      secure.write("over tls\n");
      assert.equal(dec(await r.readLine()), "over tls\n");
      secure.close();
    } finally {
      server.close();
      server.closeClients();
      await server.waitClosed();
    }
  });
});
