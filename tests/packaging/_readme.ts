/**
 * The complete programs of the README's "Use it" section: each fenced block
 * right after a `<!-- program: RUNTIME FILE -->` line, with the runtime it is
 * written for and the file name it is run as.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One README program. */
export interface ReadmeProgram {
  runtime: string;
  file: string;
  code: string;
}

/** The README's programs, in order. */
export function readmePrograms(root: string): ReadmeProgram[] {
  const text = readFileSync(join(root, "README.md"), "utf8");
  const re = /<!-- program: (\S+) (\S+) -->\s*```\w*\n([\s\S]*?)```/g;
  return [...text.matchAll(re)].map((m) => ({
    runtime: m[1] as string,
    file: m[2] as string,
    code: m[3] as string,
  }));
}

/** The README program for `runtime`; throws when there is none. */
export function readmeProgram(root: string, runtime: string): ReadmeProgram {
  const found = readmePrograms(root).find((p) => p.runtime === runtime);
  if (found === undefined) {
    throw new Error(`README.md has no <!-- program: ${runtime} ... --> block`);
  }
  return found;
}
