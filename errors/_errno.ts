/**
 * Error numbers and codes of the `OSError` family. Private to `errors/`.
 *
 * @module
 */
import type { OSErrorOptions } from "./os_error.ts";

// Linux's numbers, used on every platform so that the same failure carries the
// same fields on Deno, Bun and Node (and on macOS or Windows).
export const ERRNO_BY_CODE: ReadonlyMap<string, number> = new Map([
  ["EPERM", 1],
  ["ENOENT", 2],
  ["ESRCH", 3],
  ["EINTR", 4],
  ["EIO", 5],
  ["EBADF", 9],
  ["ECHILD", 10],
  ["EAGAIN", 11],
  ["ENOMEM", 12],
  ["EACCES", 13],
  ["EEXIST", 17],
  ["ENOTDIR", 20],
  ["EISDIR", 21],
  ["EINVAL", 22],
  ["EMFILE", 24],
  ["ENOSPC", 28],
  ["EPIPE", 32],
  ["ENOTSOCK", 88],
  ["EOPNOTSUPP", 95],
  ["EADDRINUSE", 98],
  ["EADDRNOTAVAIL", 99],
  ["ENETDOWN", 100],
  ["ENETUNREACH", 101],
  ["ECONNABORTED", 103],
  ["ECONNRESET", 104],
  ["ENOTCONN", 107],
  ["ESHUTDOWN", 108],
  ["ETIMEDOUT", 110],
  ["ECONNREFUSED", 111],
  ["EHOSTUNREACH", 113],
  ["EALREADY", 114],
  ["EINPROGRESS", 115],
]);

export const CODE_BY_ERRNO: ReadonlyMap<number, string> = new Map(
  [...ERRNO_BY_CODE].map(([code, errno]) => [errno, code]),
);

/** Fills in a subclass's default `code` unless the caller gave one. */
export function withCode(options: OSErrorOptions | undefined, code: string): OSErrorOptions {
  return options?.code === undefined ? { ...options, code } : options;
}
