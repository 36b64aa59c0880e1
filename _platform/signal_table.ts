/**
 * Signal names and numbers per operating system, and which of them each
 * runtime lets a program listen to.
 *
 * @module
 */
import type { RuntimeName } from "./types.ts";

const LINUX: readonly (readonly [string, number])[] = [
  ["SIGHUP", 1],
  ["SIGINT", 2],
  ["SIGQUIT", 3],
  ["SIGILL", 4],
  ["SIGTRAP", 5],
  ["SIGABRT", 6],
  ["SIGIOT", 6],
  ["SIGBUS", 7],
  ["SIGFPE", 8],
  ["SIGKILL", 9],
  ["SIGUSR1", 10],
  ["SIGSEGV", 11],
  ["SIGUSR2", 12],
  ["SIGPIPE", 13],
  ["SIGALRM", 14],
  ["SIGTERM", 15],
  ["SIGSTKFLT", 16],
  ["SIGCHLD", 17],
  ["SIGCONT", 18],
  ["SIGSTOP", 19],
  ["SIGTSTP", 20],
  ["SIGTTIN", 21],
  ["SIGTTOU", 22],
  ["SIGURG", 23],
  ["SIGXCPU", 24],
  ["SIGXFSZ", 25],
  ["SIGVTALRM", 26],
  ["SIGPROF", 27],
  ["SIGWINCH", 28],
  ["SIGIO", 29],
  ["SIGPOLL", 29],
  ["SIGPWR", 30],
  ["SIGSYS", 31],
];

// macOS and the BSDs share the historical numbering.
const BSD: readonly (readonly [string, number])[] = [
  ["SIGHUP", 1],
  ["SIGINT", 2],
  ["SIGQUIT", 3],
  ["SIGILL", 4],
  ["SIGTRAP", 5],
  ["SIGABRT", 6],
  ["SIGIOT", 6],
  ["SIGEMT", 7],
  ["SIGFPE", 8],
  ["SIGKILL", 9],
  ["SIGBUS", 10],
  ["SIGSEGV", 11],
  ["SIGSYS", 12],
  ["SIGPIPE", 13],
  ["SIGALRM", 14],
  ["SIGTERM", 15],
  ["SIGURG", 16],
  ["SIGSTOP", 17],
  ["SIGTSTP", 18],
  ["SIGCONT", 19],
  ["SIGCHLD", 20],
  ["SIGTTIN", 21],
  ["SIGTTOU", 22],
  ["SIGIO", 23],
  ["SIGXCPU", 24],
  ["SIGXFSZ", 25],
  ["SIGVTALRM", 26],
  ["SIGPROF", 27],
  ["SIGWINCH", 28],
  ["SIGINFO", 29],
  ["SIGUSR1", 30],
  ["SIGUSR2", 31],
];

// Windows knows a few names, with the C runtime's numbers.
const WINDOWS: readonly (readonly [string, number])[] = [
  ["SIGINT", 2],
  ["SIGILL", 4],
  ["SIGABRT", 22],
  ["SIGFPE", 8],
  ["SIGKILL", 9],
  ["SIGSEGV", 11],
  ["SIGTERM", 15],
  ["SIGBREAK", 21],
];

/** The signal names of an operating system (`"linux"`, `"darwin"`, ...) with their numbers. */
export function signalNumbers(os: string): ReadonlyMap<string, number> {
  if (os === "windows" || os === "win32") return new Map(WINDOWS);
  if (os === "linux" || os === "android") return new Map(LINUX);
  return new Map(BSD);
}

/**
 * Whether `runtime` lets a program listen to `signal` on `os`. No runtime
 * can catch SIGKILL or SIGSTOP; Deno also refuses SIGILL, SIGFPE and SIGSEGV;
 * on Windows, Deno listens to SIGINT and SIGBREAK only, Node and Bun also to
 * SIGWINCH (not in the table) and SIGTERM is never delivered.
 */
export function canCatchSignal(runtime: RuntimeName, os: string, signal: string): boolean {
  if (signal === "SIGKILL" || signal === "SIGSTOP") return false;
  if (os === "windows" || os === "win32") return signal === "SIGINT" || signal === "SIGBREAK";
  if (runtime === "deno") return signal !== "SIGILL" && signal !== "SIGFPE" && signal !== "SIGSEGV";
  return true;
}
