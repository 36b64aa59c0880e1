import { type OSErrorContext, toOSError } from "../../_platform/mod.ts";
import {
  BrokenPipeError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileNotFoundError,
  OSError,
  PermissionError,
} from "../../errors.ts";
import { assert, test } from "../_suite.ts";

/** toOSError() for errors that must become an OSError. */
function toOS(error: unknown, context?: OSErrorContext): OSError {
  const e = toOSError(error, context);
  assert.ok(e instanceof OSError, `${String(error)} -> ${String(e)}`);
  return e;
}

function native(message: string, fields: Record<string, unknown>, name = "Error"): Error {
  const e = Object.assign(new Error(message), fields);
  if (name !== "Error") Object.defineProperty(e, "name", { value: name });
  return e;
}

test("toOSError() gives ConnectionRefusedError for Node's, Bun's and Deno's refusal", () => {
  const errors = [
    native("connect ECONNREFUSED 127.0.0.1:1", {
      code: "ECONNREFUSED",
      errno: -111,
      syscall: "connect",
    }),
    native("Failed to connect", { code: "ECONNREFUSED", errno: -111, syscall: "connect" }),
    native("Connection refused (os error 111)", {}, "ConnectionRefused"),
    native("Connection refused (os error 111)", {}),
  ];
  for (const error of errors) {
    const e = toOS(error, { syscall: "connect", address: "127.0.0.1", port: 1 });
    assert.ok(e instanceof ConnectionRefusedError, String(error));
    assert.equal(e.code, "ECONNREFUSED");
    assert.equal(e.errno, 111);
    assert.equal(e.syscall, "connect");
    assert.equal(e.address, "127.0.0.1");
    assert.equal(e.port, 1);
    assert.equal(e.cause, error);
    assert.equal(e.message, "[Errno 111] Connect call failed ('127.0.0.1', 1): Connection refused");
  }
});

test("toOSError() picks the subclass by code: reset, pipe, missing file, permission", () => {
  const cases: Array<[Error, new(...a: never[]) => OSError, string, number]> = [
    [
      native("read ECONNRESET", { code: "ECONNRESET", errno: -104 }),
      ConnectionResetError,
      "ECONNRESET",
      104,
    ],
    [
      native("Connection reset by peer (os error 104)", {}, "ConnectionReset"),
      ConnectionResetError,
      "ECONNRESET",
      104,
    ],
    [native("write EPIPE", { code: "EPIPE", errno: -32 }), BrokenPipeError, "EPIPE", 32],
    [native("Broken pipe (os error 32)", {}, "BrokenPipe"), BrokenPipeError, "EPIPE", 32],
    [
      native("connect ENOENT /tmp/x", { code: "ENOENT", errno: -2 }),
      FileNotFoundError,
      "ENOENT",
      2,
    ],
    [
      native("No such file or directory (os error 2)", { code: "ENOENT" }, "NotFound"),
      FileNotFoundError,
      "ENOENT",
      2,
    ],
    [native("listen EACCES", { code: "EACCES", errno: -13 }), PermissionError, "EACCES", 13],
    [native("Requires net access", {}, "NotCapable"), PermissionError, "EACCES", 13],
  ];
  for (const [error, Class, code, errno] of cases) {
    const e = toOS(error, { syscall: "read", address: "/tmp/x" });
    assert.ok(e instanceof Class, `${error.message} -> ${e.name}`);
    assert.equal(e.code, code);
    assert.equal(e.errno, errno);
  }
});

test("toOSError() gives an unknown host Python's gaierror code on every runtime", () => {
  const errors = [
    native("getaddrinfo ENOTFOUND nope.invalid", {
      code: "ENOTFOUND",
      errno: -3008,
      syscall: "getaddrinfo",
      hostname: "nope.invalid",
    }),
    native("getaddrinfo ENOTFOUND nope.invalid", {
      code: "ENOTFOUND",
      errno: 4,
      syscall: "getaddrinfo",
    }, "DNSException"),
    native("failed to lookup address information: Name or service not known", {}),
  ];
  for (const error of errors) {
    const e = toOS(error, { syscall: "connect", address: "nope.invalid", port: 80 });
    assert.equal(e.constructor, OSError);
    assert.equal(e.code, "EAI_NONAME");
    assert.equal(e.errno, -2);
    assert.equal(e.message, "[Errno -2] Name or service not known: 'nope.invalid'");
  }
  const again = toOS(native("getaddrinfo EAI_AGAIN x", { code: "EAI_AGAIN" }));
  assert.equal(again.code, "EAI_AGAIN");
  assert.equal(again.errno, -3);
});

test("toOSError() gives a refused certificate code CERTIFICATE_VERIFY_FAILED on every runtime", () => {
  const errors = [
    native("self-signed certificate", { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }),
    native("unable to verify the first certificate", { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" }),
    native("invalid peer certificate: UnknownIssuer", {}, "InvalidData"),
  ];
  for (const error of errors) {
    const e = toOS(error, { syscall: "handshake" });
    assert.equal(e.constructor, OSError);
    assert.equal(e.code, "CERTIFICATE_VERIFY_FAILED");
    assert.equal(e.errno, 1);
    assert.match(e.message, /^\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: /);
  }
  const alert = toOS(native("received fatal alert: UnknownCA", {}, "InvalidData"));
  assert.equal(alert.code, "TLSV1_ALERT_UNKNOWN_CA");
  const node = toOS(
    native("tlsv1 alert unknown ca", { code: "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA" }),
  );
  assert.equal(node.code, "TLSV1_ALERT_UNKNOWN_CA");
});

test("toOSError() keeps its own errors, aborts and argument errors, and wraps the rest", () => {
  const refused = new ConnectionRefusedError("x");
  assert.equal(toOSError(refused), refused);
  const abort = new DOMException("The signal has been aborted", "AbortError");
  assert.equal(toOSError(abort), abort);
  const type = new TypeError("bad");
  assert.equal(toOSError(type), type);
  const other = toOS(new Error("something odd"), { syscall: "write" });
  assert.equal(other.constructor, OSError);
  assert.equal(other.code, undefined);
  assert.equal(other.message, "something odd");
  const inUse = toOS(native("Address already in use (os error 98)", {}, "AddrInUse"), {
    syscall: "bind",
    address: "127.0.0.1",
    port: 80,
  });
  assert.equal(inUse.code, "EADDRINUSE");
  assert.equal(
    inUse.message,
    "[Errno 98] error while attempting to bind on address ('127.0.0.1', 80): address already in use",
  );
  const notEmpty = toOS(native("x", { code: "ENOTEMPTY" }));
  assert.equal(notEmpty.errno, 39);
});
