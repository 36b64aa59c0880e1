// The server side of the loop's networking methods: `createServer()` and
// `createUnixServer()`. Ports asyncio's `base_events.create_server` and
// `unix_events.create_unix_server`.
import {
  type ListenOptions,
  type PlatformListener,
  socketFiles,
  sockets,
  valueRepr,
} from "../_platform/mod.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { logger } from "../loop/logger.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { checkHost, checkKeys, checkPath, checkPort } from "./_checks.ts";
import type { ServerOptions, UnixServerOptions } from "./network_options.ts";
import type { BaseProtocol } from "./protocols.ts";
import { Server } from "./server.ts";
import type { TlsOptions } from "./transports.ts";

const SERVER_KEYS = [
  "tls",
  "backlog",
  "reuseAddress",
  "reusePort",
  "startServing",
  "limit",
] as const;
const UNIX_SERVER_KEYS = ["tls", "backlog", "startServing", "cleanupSocket", "limit"] as const;

function checkBacklog(backlog: unknown, call: string): number {
  if (backlog === undefined) return 100;
  if (typeof backlog !== "number" || !Number.isInteger(backlog)) {
    throw new TypeError(`${call}(): backlog must be an integer, not ${valueRepr(backlog)}`);
  }
  return backlog;
}

function serverTls(tls: TlsOptions | undefined, call: string): TlsOptions | null {
  if (tls === undefined || tls === null) return null;
  if (typeof tls !== "object" || typeof tls.cert !== "string" || typeof tls.key !== "string") {
    throw new TypeError(
      `${call}(): tls must be TlsOptions with a cert and a key, not ${valueRepr(tls)}`,
    );
  }
  return tls;
}

async function listenAll(requests: ListenOptions[]): Promise<PlatformListener[]> {
  const listeners: PlatformListener[] = [];
  try {
    for (const r of requests) listeners.push(await sockets.listen(r));
  } catch (err) {
    for (const l of listeners) l.close();
    throw err;
  }
  return listeners;
}

/**
 * Listens on TCP and connects a protocol made by `factory` to each client;
 * what `loop.createServer()` runs.
 *
 * @param loop The loop.
 * @param factory Makes one protocol per connection.
 * @param host Host to bind; each of a list; all interfaces for `null` or `""`.
 * @param port Port, 0 picks a free one.
 * @param options See {@linkcode ServerOptions}.
 * @returns The server, accepting unless `startServing` is `false`.
 * @throws {TypeError} for a port or host of the wrong type.
 * @throws {RangeError} `port must be 0-65535`.
 * @throws {OSError} when binding fails (`EADDRINUSE`, ...).
 */
export async function createServer(
  loop: AbstractEventLoop,
  factory: () => BaseProtocol,
  host: string | string[] | null,
  port: number,
  options?: ServerOptions,
): Promise<Server> {
  const call = "createServer";
  checkKeys(options, SERVER_KEYS, "create a server");
  checkPort(port, call);
  const hosts = host === null || host === "" ? [undefined] : Array.isArray(host) ? host : [host];
  for (const h of hosts) if (h !== undefined) checkHost(h, call);
  const tls = serverTls(options?.tls, call);
  const backlog = checkBacklog(options?.backlog, call);
  const listeners = await listenAll(hosts.map((h) => ({
    ...(h === undefined ? {} : { host: h }),
    port,
    backlog,
    reuseAddress: options?.reuseAddress ?? true,
    ...(options?.reusePort === undefined ? {} : { reusePort: options.reusePort }),
    ...(tls === null ? {} : { tls }),
  })));
  const server = new Server({ loop: loop as EventLoop, listeners, factory, tls });
  if (options?.startServing !== false) await server.startServing();
  return server;
}

/**
 * Listens on the Unix socket at `path`; what `loop.createUnixServer()` runs.
 *
 * A socket file already at `path` (left by a process that died) is
 * removed first, as asyncio does; any other kind of file makes the bind
 * fail. With `cleanupSocket` (the default), `close()` removes the file if
 * it is still the one this server made.
 *
 * @param loop The loop.
 * @param factory Makes one protocol per connection.
 * @param path The socket's path.
 * @param options See {@linkcode UnixServerOptions}.
 * @returns The server, accepting unless `startServing` is `false`.
 * @throws {OSError} when binding fails (`EADDRINUSE` for a path that is not a socket).
 */
export async function createUnixServer(
  loop: AbstractEventLoop,
  factory: () => BaseProtocol,
  path: string,
  options?: UnixServerOptions,
): Promise<Server> {
  const call = "createUnixServer";
  checkKeys(options, UNIX_SERVER_KEYS, "create a Unix server");
  checkPath(path, call);
  const tls = serverTls(options?.tls, call);
  const backlog = checkBacklog(options?.backlog, call);
  removeStaleSocket(path);
  const listeners = await listenAll([{ path, backlog, ...(tls === null ? {} : { tls }) }]);
  let onClose: (() => void) | undefined;
  if (options?.cleanupSocket !== false) {
    const made = statOrNull(path);
    onClose = () => {
      const now = statOrNull(path);
      if (made !== null && now !== null && now.id === made.id) socketFiles.remove(path);
    };
  }
  const server = new Server({
    loop: loop as EventLoop,
    listeners,
    factory,
    tls,
    ...(onClose === undefined ? {} : { onClose }),
  });
  if (options?.startServing !== false) await server.startServing();
  return server;
}

function statOrNull(path: string) {
  try {
    return socketFiles.stat(path);
  } catch {
    return null;
  }
}

// asyncio removes a socket file found at the path (a previous server's,
// left behind), and logs other failures; a file of another kind stays, and
// the bind then fails with EADDRINUSE.
function removeStaleSocket(path: string): void {
  if (path.startsWith("\0")) return;
  try {
    const st = socketFiles.stat(path);
    if (st?.isSocket) socketFiles.remove(path);
  } catch (err) {
    logger.error(`Unable to check or remove stale UNIX socket ${valueRepr(path)}: ${err}`);
  }
}
