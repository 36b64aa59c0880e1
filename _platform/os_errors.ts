/**
 * Turns the errors each runtime's socket, file and process APIs throw into
 * the `errors.ts` classes, so one failure is the same class with the same
 * `code` and `errno` on Deno, Bun and Node (DESIGN.md §6, §9).
 *
 * What is read from the runtime's error:
 *
 * - Node and Bun: `code` (`"ECONNREFUSED"`, `"ENOTFOUND"`, TLS codes such as
 *   `"DEPTH_ZERO_SELF_SIGNED_CERT"` or `"ERR_SSL_..."`), `syscall`,
 *   `address`/`port`/`hostname`. Their `errno` is not used: it is negative
 *   on Node, positive or private on Bun; `errno` comes from the code, with
 *   Linux's numbers everywhere.
 * - Deno: `code` where Deno sets it, else the class name (`Deno.errors.*`:
 *   `ConnectionRefused`, `NotFound`, ...), else the `(os error N)` at the end
 *   of the message; a failed name lookup and rustls's TLS failures are told
 *   by their message.
 *
 * The mapping follows Python's: `errno` picks the class (`osErrorFromCode` of
 * `errors.ts`), a failed name lookup is Python's `socket.gaierror`, a plain
 * `OSError` with the resolver's code and Python's negative number
 * (`"EAI_NONAME"` / `-2` for an unknown host, which Node and Bun call
 * `ENOTFOUND`; `"EAI_AGAIN"` / `-3`, ...). A TLS failure is Python's
 * `ssl.SSLError`: an `OSError` with errno `1` and OpenSSL's reason as `code`
 * (`"CERTIFICATE_VERIFY_FAILED"` when the peer's certificate is refused,
 * whatever the runtime's own words), its message starting `[SSL: <code>]`
 * as Python's does. `ETIMEDOUT` stays an `OSError` (`errors.ts` keeps
 * `TimeoutError` outside `OSError`).
 *
 * @module
 */
import { OSError, osErrorFromCode, type OSErrorOptions } from "../errors.ts";

/** What was being done when an error happened, for its message and fields. */
export interface OSErrorContext {
  /** The call that failed: `"connect"`, `"bind"`, `"read"`, `"write"`, `"spawn"`, ... */
  syscall?: string;
  /** The host or path involved. */
  address?: string;
  /** The port involved. */
  port?: number;
}

// Codes errors.ts has no number for, with Linux's numbers (errno.h).
const EXTRA_ERRNO: ReadonlyMap<string, number> = new Map([
  ["ENXIO", 6],
  ["E2BIG", 7],
  ["ENOEXEC", 8],
  ["EBUSY", 16],
  ["EXDEV", 18],
  ["ENFILE", 23],
  ["ENOTTY", 25],
  ["ETXTBSY", 26],
  ["EFBIG", 27],
  ["ESPIPE", 29],
  ["EROFS", 30],
  ["ERANGE", 34],
  ["ENAMETOOLONG", 36],
  ["ENOSYS", 38],
  ["ENOTEMPTY", 39],
  ["ELOOP", 40],
  ["EPROTO", 71],
  ["EDESTADDRREQ", 89],
  ["EMSGSIZE", 90],
  ["EPROTOTYPE", 91],
  ["ENOPROTOOPT", 92],
  ["EPROTONOSUPPORT", 93],
  ["ENOTSUP", 95],
  ["EAFNOSUPPORT", 97],
  ["ENETRESET", 102],
  ["ENOBUFS", 105],
  ["EISCONN", 106],
  ["EHOSTDOWN", 112],
  ["ECANCELED", 125],
]);

// Linux's numbers for the codes of errors.ts, to read Deno's "(os error N)".
const CODE_BY_LINUX_ERRNO: ReadonlyMap<number, string> = new Map([
  [1, "EPERM"],
  [2, "ENOENT"],
  [3, "ESRCH"],
  [4, "EINTR"],
  [5, "EIO"],
  [9, "EBADF"],
  [11, "EAGAIN"],
  [12, "ENOMEM"],
  [13, "EACCES"],
  [17, "EEXIST"],
  [20, "ENOTDIR"],
  [21, "EISDIR"],
  [22, "EINVAL"],
  [24, "EMFILE"],
  [28, "ENOSPC"],
  [32, "EPIPE"],
  [88, "ENOTSOCK"],
  [98, "EADDRINUSE"],
  [99, "EADDRNOTAVAIL"],
  [100, "ENETDOWN"],
  [101, "ENETUNREACH"],
  [103, "ECONNABORTED"],
  [104, "ECONNRESET"],
  [107, "ENOTCONN"],
  [108, "ESHUTDOWN"],
  [110, "ETIMEDOUT"],
  [111, "ECONNREFUSED"],
  [113, "EHOSTUNREACH"],
  ...[...EXTRA_ERRNO].map(([code, errno]) => [errno, code] as [number, string]),
]);

// Python's strerror() words (glibc's) for the common codes.
const STRERROR: ReadonlyMap<string, string> = new Map([
  ["EPERM", "Operation not permitted"],
  ["ENOENT", "No such file or directory"],
  ["EACCES", "Permission denied"],
  ["EEXIST", "File exists"],
  ["ENOTDIR", "Not a directory"],
  ["EISDIR", "Is a directory"],
  ["EINVAL", "Invalid argument"],
  ["EMFILE", "Too many open files"],
  ["EPIPE", "Broken pipe"],
  ["EADDRINUSE", "Address already in use"],
  ["EADDRNOTAVAIL", "Cannot assign requested address"],
  ["ENETUNREACH", "Network is unreachable"],
  ["ECONNABORTED", "Software caused connection abort"],
  ["ECONNRESET", "Connection reset by peer"],
  ["ENOTCONN", "Transport endpoint is not connected"],
  ["ETIMEDOUT", "Connection timed out"],
  ["ECONNREFUSED", "Connection refused"],
  ["EHOSTUNREACH", "No route to host"],
  ["ENAMETOOLONG", "File name too long"],
]);

// getaddrinfo's codes (glibc's numbers, which Python's socket.gaierror carries).
const GAI: ReadonlyMap<string, readonly [number, string]> = new Map([
  ["EAI_BADFLAGS", [-1, "Bad value for ai_flags"]],
  ["EAI_NONAME", [-2, "Name or service not known"]],
  ["EAI_AGAIN", [-3, "Temporary failure in name resolution"]],
  ["EAI_FAIL", [-4, "Non-recoverable failure in name resolution"]],
  ["EAI_NODATA", [-5, "No address associated with hostname"]],
  ["EAI_FAMILY", [-6, "ai_family not supported"]],
  ["EAI_SOCKTYPE", [-7, "ai_socktype not supported"]],
  ["EAI_SERVICE", [-8, "Servname not supported for ai_socktype"]],
  ["EAI_MEMORY", [-10, "Memory allocation failure"]],
  ["EAI_SYSTEM", [-11, "System error"]],
]);

// Node's names for resolver failures (`dns` / c-ares), as getaddrinfo's codes.
const NODE_DNS: ReadonlyMap<string, string> = new Map([
  ["ENOTFOUND", "EAI_NONAME"],
  ["ENODATA", "EAI_NODATA"],
  ["ESERVFAIL", "EAI_FAIL"],
  ["ETIMEOUT", "EAI_AGAIN"],
  ["ECONNREFUSED", "EAI_AGAIN"],
  ["EREFUSED", "EAI_FAIL"],
]);

// Deno's error classes, by name, for errors that carry no `code`.
const CODE_BY_DENO_NAME: ReadonlyMap<string, string> = new Map([
  ["NotFound", "ENOENT"],
  ["PermissionDenied", "EACCES"],
  ["NotCapable", "EACCES"],
  ["ConnectionRefused", "ECONNREFUSED"],
  ["ConnectionReset", "ECONNRESET"],
  ["ConnectionAborted", "ECONNABORTED"],
  ["NotConnected", "ENOTCONN"],
  ["AddrInUse", "EADDRINUSE"],
  ["AddrNotAvailable", "EADDRNOTAVAIL"],
  ["BrokenPipe", "EPIPE"],
  ["AlreadyExists", "EEXIST"],
  ["TimedOut", "ETIMEDOUT"],
  ["Interrupted", "EINTR"],
  ["WouldBlock", "EAGAIN"],
  ["IsADirectory", "EISDIR"],
  ["NotADirectory", "ENOTDIR"],
  ["NetworkUnreachable", "ENETUNREACH"],
  ["FilesystemLoop", "ELOOP"],
  ["Busy", "EBUSY"],
  ["BadResource", "EBADF"],
]);

// OpenSSL's X.509 verification results as Node and Bun name them: each is a
// refused certificate (Python's SSLCertVerificationError).
const VERIFY_CODES: ReadonlySet<string> = new Set([
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_CRL",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "UNABLE_TO_DECRYPT_CRL_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  "CERT_SIGNATURE_FAILURE",
  "CRL_SIGNATURE_FAILURE",
  "CERT_NOT_YET_VALID",
  "CERT_HAS_EXPIRED",
  "CRL_NOT_YET_VALID",
  "CRL_HAS_EXPIRED",
  "ERROR_IN_CERT_NOT_BEFORE_FIELD",
  "ERROR_IN_CERT_NOT_AFTER_FIELD",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_CHAIN_TOO_LONG",
  "CERT_REVOKED",
  "INVALID_CA",
  "PATH_LENGTH_EXCEEDED",
  "INVALID_PURPOSE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Python's `ssl.SSL_ERROR_SSL`: the errno of every `ssl.SSLError` made by OpenSSL. */
const SSL_ERRNO = 1;

/**
 * Turns an error thrown or reported by the runtime into the `errors.ts`
 * class Python would raise for it, with the same `code` and `errno` on
 * every runtime. The runtime's error becomes the `cause`.
 *
 * Errors of `errors.ts` (any `OSError`), `AbortError`s, `TypeError`s and
 * `RangeError`s (wrong arguments) are returned unchanged; any other error
 * without a known code becomes a plain `OSError` with no code.
 *
 * @param error What the runtime threw or reported.
 * @param context The call that failed and its address, for the message and
 *   the fields; the runtime's own `syscall`/`address`/`port` fill what is
 *   left out.
 * @returns The error to throw or report (not thrown).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConnectionRefusedError } from "../errors.ts";
 * import { toOSError } from "./os_errors.ts";
 *
 * const native = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
 *   code: "ECONNREFUSED",
 *   errno: -111,
 * });
 * const e = toOSError(native, { syscall: "connect", address: "127.0.0.1", port: 1 });
 * assert.ok(e instanceof ConnectionRefusedError);
 * assert.equal(e.errno, 111);
 * ```
 */
export function toOSError(error: unknown, context?: OSErrorContext): Error {
  if (error instanceof OSError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as NativeError;
  const name = typeof e.name === "string" ? e.name : "";
  if (name === "AbortError" || error instanceof TypeError || error instanceof RangeError) {
    return error as Error;
  }
  const message = typeof e.message === "string" ? e.message : String(error);
  const options = fields(e, context, error);
  let code = typeof e.code === "string" ? e.code : undefined;

  // Name lookups.
  const gai = code === undefined ? gaiFromMessage(message) : gaiFromCode(code, e.syscall);
  if (gai !== undefined) {
    const [errno, text] = GAI.get(gai)!;
    const host = options.address ?? e.hostname;
    const where = host === undefined ? "" : `: '${host}'`;
    return new OSError(`[Errno ${errno}] ${text}${where}`, { ...options, code: gai, errno });
  }

  // TLS.
  const ssl = sslReason(code, name, message);
  if (ssl !== undefined) {
    const words = ssl === "CERTIFICATE_VERIFY_FAILED"
      ? `certificate verify failed: ${message}`
      : message;
    return new OSError(`[SSL: ${ssl}] ${words}`, { ...options, code: ssl, errno: SSL_ERRNO });
  }

  // Everything else: by code, by Deno's class name, by "(os error N)".
  if (code === undefined || !/^E[A-Z0-9]+$/.test(code)) {
    code = CODE_BY_DENO_NAME.get(name) ?? osErrorNumber(message) ?? node(code);
  }
  if (code === undefined) return new OSError(message, options);
  const errno = EXTRA_ERRNO.get(code);
  if (errno !== undefined) options.errno = errno;
  return osErrorFromCode(code, describe(code, errno, message, options), options);
}

interface NativeError {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  syscall?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
}

function fields(
  e: NativeError,
  context: OSErrorContext | undefined,
  cause: unknown,
): OSErrorOptions {
  const options: OSErrorOptions = { cause };
  const syscall = context?.syscall ?? e.syscall;
  const address = context?.address ?? e.address ?? e.hostname;
  const port = context?.port ?? e.port;
  if (typeof syscall === "string") options.syscall = syscall;
  if (typeof address === "string") options.address = address;
  if (typeof port === "number") options.port = port;
  return options;
}

/** Node's non-OS codes that still mean an OS-level failure. */
function node(code: string | undefined): string | undefined {
  switch (code) {
    case "ERR_SOCKET_CLOSED":
    case "ERR_STREAM_DESTROYED":
    case "ERR_STREAM_WRITE_AFTER_END":
      return "EPIPE";
    case "ERR_SOCKET_CONNECTION_TIMEOUT":
      return "ETIMEDOUT";
    default:
      return undefined;
  }
}

function gaiFromCode(code: string, syscall: unknown): string | undefined {
  if (GAI.has(code)) return code;
  // ECONNREFUSED and friends are resolver codes only from a lookup.
  const lookup = syscall === "getaddrinfo" || syscall === "queryA" || syscall === "queryAaaa";
  if (code === "ENOTFOUND" || (lookup && NODE_DNS.has(code))) return NODE_DNS.get(code);
  return undefined;
}

function gaiFromMessage(message: string): string | undefined {
  // Deno: "failed to lookup address information: <gai_strerror()>".
  if (!/failed to lookup address|getaddrinfo/i.test(message)) return undefined;
  for (const [code, [, text]] of GAI) {
    if (message.includes(text)) return code;
  }
  return /not known|nodename nor servname|No such host/i.test(message) ? "EAI_NONAME" : "EAI_FAIL";
}

function sslReason(code: string | undefined, name: string, message: string): string | undefined {
  if (code !== undefined) {
    if (VERIFY_CODES.has(code)) return "CERTIFICATE_VERIFY_FAILED";
    if (code.startsWith("ERR_SSL_")) return code.slice(8);
    if (code.startsWith("ERR_TLS_")) return "SSL_ERROR_SSL";
    if (code.startsWith("E")) return undefined;
  }
  // Deno (rustls): `InvalidData` errors, or plain ones naming the handshake.
  if (
    name === "InvalidData"
    || /invalid peer certificate|received fatal alert|peer is incompatible|tls handshake/i.test(
      message,
    )
  ) {
    if (/invalid peer certificate|certificate/i.test(message) && !/alert/i.test(message)) {
      return "CERTIFICATE_VERIFY_FAILED";
    }
    const alert = /received fatal alert: (\w+)/.exec(message)?.[1];
    if (alert !== undefined) {
      return `TLSV1_ALERT_${alert.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
    }
    return "SSL_ERROR_SSL";
  }
  return undefined;
}

function osErrorNumber(message: string): string | undefined {
  const n = /\(os error (\d+)\)/.exec(message)?.[1];
  return n === undefined ? undefined : CODE_BY_LINUX_ERRNO.get(Number(n));
}

function describe(
  code: string,
  extraErrno: number | undefined,
  message: string,
  options: OSErrorOptions,
): string {
  const errno = extraErrno ?? new OSError("", { code }).errno;
  const text = STRERROR.get(code) ?? message;
  const prefix = errno === undefined ? `[${code}]` : `[Errno ${errno}]`;
  const { syscall, address, port } = options;
  if (address !== undefined && port !== undefined) {
    // asyncio's own words for these two.
    if (syscall === "connect") {
      return `${prefix} Connect call failed ('${address}', ${port}): ${text}`;
    }
    if (syscall === "bind" || syscall === "listen") {
      return `${prefix} error while attempting to bind on address ('${address}', ${port}): ${text.toLowerCase()}`;
    }
    return `${prefix} ${text}: ('${address}', ${port})`;
  }
  return address === undefined ? `${prefix} ${text}` : `${prefix} ${text}: '${address}'`;
}
