/**
 * Picks the socket adapter of the runtime this process runs on.
 *
 * @module
 */
import { RuntimeError } from "../errors.ts";
import { bunSockets } from "./bun/sockets.ts";
import { denoSockets } from "./deno/sockets.ts";
import { nodeSockets } from "./node/sockets.ts";
import { runtime } from "./runtime.ts";
import type { PlatformSockets } from "./socket_types.ts";

/**
 * The runtime's stream sockets. On a runtime without sockets (workerd, Deno
 * Deploy) every call rejects with a `RuntimeError` naming the capability.
 */
export const sockets: PlatformSockets = runtime === "deno"
  ? denoSockets
  : runtime === "bun"
  ? bunSockets
  : runtime === "node"
  ? nodeSockets
  : {
    connect: () => Promise.reject(missing()),
    listen: () => Promise.reject(missing()),
  };

function missing(): RuntimeError {
  return new RuntimeError(`Sockets are not available on this runtime (${runtime})`);
}
