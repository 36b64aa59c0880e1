/**
 * Which runtime this process runs on, detected once from its globals.
 *
 * @module
 */
import type { RuntimeName } from "./types.ts";

function detect(): RuntimeName {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.Deno === "object" && g.Deno !== null) return "deno";
  if (typeof g.Bun === "object" && g.Bun !== null) return "bun";
  const proc = g.process as { versions?: { node?: string } } | undefined;
  if (proc?.versions?.node) return "node";
  return "edge";
}

/** The runtime this process runs on. */
export const runtime: RuntimeName = detect();
