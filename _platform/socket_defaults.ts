/**
 * What the socket wrappers of every runtime (`deno/socket.ts`,
 * `bun/socket.ts`, `node/socket.ts`) start from: the handlers before
 * `setHandlers()` and after close, and the addresses of a new connection.
 *
 * @module
 */
import type { SocketAddress, SocketHandlers } from "./socket_types.ts";

/** Handlers that ignore every event: before `setHandlers()`, and after `onClose`. */
export const NO_HANDLERS: SocketHandlers = {
  onData() {},
  onEnd() {},
  onDrain() {},
  onClose() {},
};

/** The address fields a native TCP socket reports (Node's and Bun's names). */
export interface NativeAddresses {
  readonly localAddress?: string;
  readonly localPort?: number;
  readonly remoteAddress?: string;
  readonly remotePort?: number;
}

/**
 * `[local, remote]` of a new connection: for a Unix socket at `unixPath` the
 * path on the side it belongs to (`accepted`: the listener's) and `""` on the
 * other; for TCP the native socket's host and port pairs.
 */
export function socketAddresses(
  native: NativeAddresses,
  unixPath: string | undefined,
  accepted: boolean,
): [SocketAddress, SocketAddress] {
  if (unixPath !== undefined) return accepted ? [unixPath, ""] : ["", unixPath];
  return [
    [native.localAddress ?? "", native.localPort ?? 0],
    [native.remoteAddress ?? "", native.remotePort ?? 0],
  ];
}
