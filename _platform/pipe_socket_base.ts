/**
 * What a child's pipe answers to the socket-only members of
 * {@linkcode PlatformSocket}: the base of the Node pipe (`node/pipe.ts`) and
 * of the web-stream pipes of Deno and Bun (`web_pipe.ts`).
 *
 * @module
 */
import { RuntimeError } from "../errors.ts";
import type { PlatformSocket } from "./socket_types.ts";

/** A pipe has no addresses, no Nagle algorithm and no TLS. */
export abstract class PipeSocketBase
  implements
    Pick<PlatformSocket, "localAddress" | "remoteAddress" | "setNoDelay" | "tlsInfo" | "startTls">
{
  get localAddress(): undefined {
    return undefined;
  }

  get remoteAddress(): undefined {
    return undefined;
  }

  setNoDelay(_enabled: boolean): void {}

  tlsInfo(): null {
    return null;
  }

  startTls(): Promise<PlatformSocket> {
    return Promise.reject(new RuntimeError("A pipe cannot be upgraded to TLS"));
  }
}
