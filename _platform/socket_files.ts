/**
 * Unix socket files: what `createUnixServer()` needs to handle a stale
 * socket file before binding and to remove its own file at close
 * (asyncio's `cleanup_socket`), on each runtime. Added by the streams
 * area next to the socket interface (`socket_types.ts`), which has no file
 * operations.
 *
 * @module
 */
import { denoGlobal } from "./deno.ts";
import { runtime } from "./runtime.ts";

/** What is at a path, for socket cleanup. */
export interface SocketFileStat {
  /** Whether it is a socket. */
  isSocket: boolean;
  /** Device and inode, to tell whether it is still the same file later. */
  id: string;
}

/** Socket file operations (Unix sockets). */
export interface SocketFiles {
  /** What is at `path` (not following links), or `null` when nothing is. */
  stat(path: string): SocketFileStat | null;
  /** Removes the file at `path`; no error when it is already gone. */
  remove(path: string): void;
}

interface StatLike {
  dev: number | bigint | null;
  ino: number | bigint | null;
}
interface DenoFs {
  lstatSync(path: string): StatLike & { isSocket: boolean | null };
  removeSync(path: string): void;
}
interface NodeFs {
  lstatSync(path: string): StatLike & { isSocket(): boolean };
  unlinkSync(path: string): void;
}

function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; name?: string };
  return e?.code === "ENOENT" || e?.name === "NotFound";
}

function nodeFs(): NodeFs {
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  return proc!.getBuiltinModule!("node:fs") as NodeFs;
}

/** The runtime's socket file operations (throwing on runtimes without files). */
export const socketFiles: SocketFiles = {
  stat(path) {
    try {
      if (runtime === "deno") {
        const st = (denoGlobal() as unknown as DenoFs).lstatSync(path);
        return { isSocket: st.isSocket === true, id: `${st.dev}:${st.ino}` };
      }
      const st = nodeFs().lstatSync(path);
      return { isSocket: st.isSocket(), id: `${st.dev}:${st.ino}` };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  },
  remove(path) {
    try {
      if (runtime === "deno") (denoGlobal() as unknown as DenoFs).removeSync(path);
      else nodeFs().unlinkSync(path);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};
