// Argument checks shared by the networking entry points: asyncio's error
// classes, with messages that name the value.
import { checkOptions } from "../_options.ts";
import { valueRepr } from "../_platform/mod.ts";
import type { TlsOptions } from "./transports.ts";

/** @ignore A TCP port: an integer in 0..65535. */
export function checkPort(port: unknown, call: string): number {
  if (typeof port !== "number" || !Number.isInteger(port)) {
    throw new TypeError(`${call}(): port must be an integer, not ${valueRepr(port)}`);
  }
  if (port < 0 || port > 65535) {
    throw new RangeError(`${call}(): port must be 0-65535, not ${port}`);
  }
  return port;
}

/** @ignore A host name or address. */
export function checkHost(host: unknown, call: string): string {
  if (typeof host !== "string") {
    throw new TypeError(`${call}(): host must be a string, not ${valueRepr(host)}`);
  }
  return host;
}

/** @ignore A Unix socket path. */
export function checkPath(path: unknown, call: string): string {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`${call}(): path must be a non-empty string, not ${valueRepr(path)}`);
  }
  return path;
}

/** @ignore The TLS option: `true` means the defaults; `false`/absent means none. */
export function tlsOption(tls: unknown, call: string): TlsOptions | null {
  if (tls === undefined || tls === null || tls === false) return null;
  if (tls === true) return {};
  if (typeof tls !== "object" || Array.isArray(tls)) {
    throw new TypeError(`${call}(): tls must be TlsOptions or a boolean, not ${valueRepr(tls)}`);
  }
  return tls as TlsOptions;
}

const encoder = new TextEncoder();

/** @ignore What `write()` sends: bytes as they are, a string as UTF-8. */
export function writeBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (typeof data === "string") return encoder.encode(data);
  const what = valueRepr(data);
  throw new TypeError(
    `data argument must be a bytes-like object (Uint8Array) or a string, not ${what}`,
  );
}

/** @ignore Refuses option keys a call does not know (a typo would be ignored silently). */
export function checkKeys(options: unknown, known: readonly string[], action: string): void {
  checkOptions(options, known, action);
}
