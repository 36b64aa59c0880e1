/**
 * Node adapter of the socket interface (`../socket_types.ts`).
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import type { PlatformSockets } from "../socket_types.ts";

/** Stream sockets on Node. */
export const nodeSockets: PlatformSockets = {
  connect() {
    return Promise.reject(new RuntimeError("Sockets on Node are not implemented yet"));
  },
  listen() {
    return Promise.reject(new RuntimeError("Sockets on Node are not implemented yet"));
  },
};
