// Connecting a platform socket under asyncio's cancellation: the connect is
// a native promise, so the task waits on a loop future instead. Cancelling
// the task cancels that future at once (the await throws CancelledError)
// and aborts the scope's signal, which the platform's connect gets, so the
// native connect stops too; a socket that still arrives after the
// cancellation is aborted, never leaked.
import {
  type ConnectOptions,
  type PlatformSocket,
  type PlatformTlsOptions,
  sockets,
} from "../_platform/mod.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { currentSignal } from "../tasks/current_task.ts";
import { Future } from "../tasks/future.ts";
import { SocketTransport } from "./_socket_transport.ts";
import type { BaseProtocol } from "./protocols.ts";

function combine(a: AbortSignal, b: AbortSignal | undefined): AbortSignal {
  if (b === undefined) return a;
  const any = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (any !== undefined) return any([a, b]);
  const ac = new AbortController();
  const abort = (s: AbortSignal) => () => ac.abort(s.reason);
  if (a.aborted || b.aborted) ac.abort((a.aborted ? a : b).reason);
  a.addEventListener("abort", abort(a), { once: true });
  b.addEventListener("abort", abort(b), { once: true });
  return ac.signal;
}

/** @ignore Connects, cancellably; `options.signal` is the caller's own signal. */
export async function connectSocket(
  loop: EventLoop,
  options: ConnectOptions,
): Promise<PlatformSocket> {
  const user = options.signal;
  if (user?.aborted) throw user.reason;
  const signal = combine(currentSignal(), user);
  const fut = new Future<PlatformSocket>({ loop });
  sockets.connect({ ...options, signal }).then(
    (sock) => {
      if (fut.done()) sock.abort();
      else fut.setResult(sock);
    },
    (err) => {
      if (fut.done()) return;
      fut.setException(user?.aborted ? user.reason : err);
    },
  );
  return await fut._wait();
}

/**
 * @ignore Wraps a connected socket in a transport with the protocol made by
 * `factory`, and waits until `connectionMade` ran.
 */
export async function connectProtocol<P extends BaseProtocol>(
  loop: EventLoop,
  socket: PlatformSocket,
  factory: () => P,
  tls: PlatformTlsOptions | null,
): Promise<[SocketTransport, P]> {
  let protocol: P;
  try {
    protocol = factory();
  } catch (err) {
    socket.abort();
    throw err;
  }
  const waiter = new Future<void>({ loop });
  const transport = new SocketTransport(loop, socket, protocol, { waiter, tls });
  try {
    await waiter._wait();
  } catch (err) {
    transport.abort();
    throw err;
  }
  return [transport, protocol];
}
