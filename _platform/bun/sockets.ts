/**
 * Bun adapter of the socket interface (`../socket_types.ts`).
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import type { PlatformSockets } from "../socket_types.ts";

/** Stream sockets on Bun. */
export const bunSockets: PlatformSockets = {
  connect() {
    return Promise.reject(new RuntimeError("Sockets on Bun are not implemented yet"));
  },
  listen() {
    return Promise.reject(new RuntimeError("Sockets on Bun are not implemented yet"));
  },
};
