/**
 * The part of Deno's network API the socket adapter uses, typed locally (JSR
 * forbids `declare global`), and the conversions of its addresses and errors.
 *
 * @module
 */
import { OSError, osErrorFromCode, type OSErrorOptions } from "../../errors.ts";
import type { SocketAddress } from "../socket_types.ts";

/** A `Deno.Addr` (`NetAddr` or `UnixAddr`). */
export interface DenoAddr {
  transport: string;
  hostname?: string;
  port?: number;
  path?: string | null;
}

/** A `Deno.Conn` (`TcpConn`, `UnixConn` or `TlsConn`). */
export interface DenoConn {
  read(buffer: Uint8Array): Promise<number | null>;
  write(data: Uint8Array): Promise<number>;
  closeWrite(): Promise<void>;
  close(): void;
  readonly localAddr: DenoAddr;
  readonly remoteAddr: DenoAddr;
  /** `TcpConn` only. */
  setNoDelay?(noDelay?: boolean): void;
  /** `TlsConn` only. */
  handshake?(): Promise<{ alpnProtocol: string | null }>;
}

/** A `Deno.Listener`. */
export interface DenoListener {
  readonly addr: DenoAddr;
  accept(): Promise<DenoConn>;
  close(): void;
}

/** The `Deno` functions the adapter calls. */
export interface DenoNet {
  connect(options: {
    hostname?: string | undefined;
    port?: number | undefined;
    transport?: "tcp" | "unix" | undefined;
    path?: string | undefined;
    signal?: AbortSignal | undefined;
  }): Promise<DenoConn>;
  listen(options: {
    hostname?: string | undefined;
    port?: number | undefined;
    transport?: "tcp" | "unix" | undefined;
    path?: string | undefined;
    tcpBacklog?: number | undefined;
  }): DenoListener;
  listenTls(options: {
    hostname?: string | undefined;
    port?: number | undefined;
    cert: string;
    key: string;
    alpnProtocols?: string[] | undefined;
    tcpBacklog?: number | undefined;
  }): DenoListener;
  startTls(conn: DenoConn, options: {
    hostname?: string | undefined;
    caCerts?: string[] | undefined;
    alpnProtocols?: string[] | undefined;
  }): Promise<DenoConn>;
}

/** The `Deno` global's network functions. */
export function denoNet(): DenoNet {
  return (globalThis as unknown as { Deno: DenoNet }).Deno;
}

/** A Deno address as the interface gives it: `[host, port]` or a Unix path. */
export function fromDenoAddr(addr: DenoAddr): SocketAddress {
  if (addr.transport === "unix") return addr.path ?? "";
  return [addr.hostname ?? "", addr.port ?? 0];
}

/** What was being done when an error happened, for its message and fields. */
export interface ErrorContext {
  syscall: string;
  address?: string;
  port?: number;
}

// Deno's error classes that carry no `code` of their own.
const CODE_BY_NAME: ReadonlyMap<string, string> = new Map([
  ["BadResource", "EBADF"],
  ["Interrupted", "EINTR"],
  ["NotConnected", "ENOTCONN"],
  ["BrokenPipe", "EPIPE"],
  ["ConnectionReset", "ECONNRESET"],
  ["ConnectionRefused", "ECONNREFUSED"],
  ["ConnectionAborted", "ECONNABORTED"],
  ["AddrInUse", "EADDRINUSE"],
  ["AddrNotAvailable", "EADDRNOTAVAIL"],
  ["NotFound", "ENOENT"],
  ["PermissionDenied", "EACCES"],
  ["TimedOut", "ETIMEDOUT"],
]);

/**
 * Turns an error of Deno's network API into the `errors.ts` class with the
 * same `code` the other runtimes give (`ConnectionRefusedError` /
 * `"ECONNREFUSED"`, ...). A failed name lookup is an `OSError` with code
 * `"ENOTFOUND"`; a TLS failure (Deno's `InvalidData`) an `OSError` whose
 * message is rustls's.
 */
export function toOsError(error: unknown, context: ErrorContext): Error {
  if (error instanceof OSError) return error;
  const e = error as { name?: string; code?: unknown; message?: string };
  const message = e?.message ?? String(error);
  const options: OSErrorOptions = { syscall: context.syscall, cause: error };
  if (context.address !== undefined) options.address = context.address;
  if (context.port !== undefined) options.port = context.port;
  let code = typeof e?.code === "string" ? e.code : CODE_BY_NAME.get(e?.name ?? "");
  if (code === undefined && /failed to lookup address|Name or service not known/i.test(message)) {
    code = "ENOTFOUND";
  }
  if (code === undefined) return new OSError(message, options);
  return osErrorFromCode(code, message, options);
}
