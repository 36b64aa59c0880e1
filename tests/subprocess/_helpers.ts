// Helpers of the subprocess tests: decoding, and what /proc says about this
// process's children (zombies) and open pipes.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import process from "node:process";

const decoder = new TextDecoder();

/** Bytes as UTF-8 text. */
export function text(bytes: Uint8Array | null): string {
  if (bytes === null) throw new Error("expected bytes, got null");
  return decoder.decode(bytes);
}

/** Pids of this process's children that are zombies (exited, not reaped). */
export function zombieChildren(): number[] {
  const mine = String(process.pid);
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid ...: comm may hold spaces, so split after ")".
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (ppid === mine && state === "Z") found.push(Number(name));
  }
  return found;
}

/** Whether a process with this pid exists (and is not a zombie). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** How many pipes and sockets this process has open. */
export function openPipes(): number {
  let n = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      if (/^(pipe|socket):/.test(readlinkSync(`/proc/self/fd/${fd}`))) n++;
    } catch {
      // closed meanwhile (the fd of readdir itself)
    }
  }
  return n;
}

/** Polls `check` every 10 ms until it holds or `seconds` pass; returns the last result. */
export async function eventually(check: () => boolean, seconds = 5): Promise<boolean> {
  const end = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
