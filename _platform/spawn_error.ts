/**
 * Why a child could not be started, as `errors.ts` classes naming the
 * program or the working directory: the one mapping the Deno, Bun and Node
 * process adapters share (each brings its own cwd check and its own mapping
 * of the runtime's other errors).
 *
 * @module
 */
import { osErrorFromCode } from "../errors.ts";
import type { SpawnOptions } from "./process_types.ts";

/**
 * Maps the error `err` of starting `options.program`: a missing cwd (when
 * `cwdMissing` says so) or program is `FileNotFoundError`, no permission is
 * `PermissionError`; anything else goes through `otherError`.
 */
export function spawnError(
  err: unknown,
  options: SpawnOptions,
  cwdMissing: (cwd: string) => boolean,
  otherError: (err: unknown, what: string) => Error,
): Error {
  const code = (err as { code?: unknown })?.code;
  if (code === "ENOENT" && options.cwd !== undefined && cwdMissing(options.cwd)) {
    return osErrorFromCode("ENOENT", `No such file or directory: cwd '${options.cwd}'`, {
      cause: err,
    });
  }
  if (code === "ENOENT") {
    return osErrorFromCode("ENOENT", `No such file or directory: '${options.program}'`, {
      cause: err,
    });
  }
  if (code === "EACCES" || code === "EPERM") {
    return osErrorFromCode(code, `Permission denied: '${options.program}'`, { cause: err });
  }
  return otherError(err, `Cannot start '${options.program}'`);
}
