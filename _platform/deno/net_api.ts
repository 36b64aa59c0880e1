/**
 * The part of Deno's network API the socket adapter uses, typed locally (JSR
 * forbids `declare global`), and the conversion of its addresses (errors go
 * through `../os_errors.ts`).
 *
 * @module
 */
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
