// The loop's subprocess methods are implemented in subprocess/, a higher
// layer: subprocess/ registers the implementation here when it loads (as
// tasks/ registers Future and Task in `taskSupport`), and the loop's
// methods delegate to it. Without it they fail with a RuntimeError that
// names the import to add.
import { RuntimeError } from "../errors.ts";
import type { SubprocessOptions } from "../subprocess/constants.ts";
import type { SubprocessProtocol } from "../subprocess/protocols.ts";
import type { SubprocessTransport } from "../subprocess/subprocess_transport.ts";
import type { AbstractEventLoop } from "./types.ts";

/** @ignore What subprocess/ registers. */
export interface SubprocessSupport {
  exec<P extends SubprocessProtocol>(
    loop: AbstractEventLoop,
    factory: () => P,
    program: string,
    args: readonly string[],
    options: SubprocessOptions | undefined,
  ): Promise<[SubprocessTransport, P]>;
  shell<P extends SubprocessProtocol>(
    loop: AbstractEventLoop,
    factory: () => P,
    cmd: string,
    options: SubprocessOptions | undefined,
  ): Promise<[SubprocessTransport, P]>;
}

/** @ignore The registered implementation, if subprocess/ is loaded. */
export const subprocessSupport: { impl: SubprocessSupport | null } = { impl: null };

/** @ignore The implementation, or a RuntimeError naming the import. */
export function subprocessImpl(): SubprocessSupport {
  const impl = subprocessSupport.impl;
  if (impl === null) {
    throw new RuntimeError(
      "Subprocess support is not loaded: import \"@asyncio/asyncio/subprocess\"",
    );
  }
  return impl;
}
