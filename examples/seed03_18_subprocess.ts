// createSubprocessExec() runs a program directly (here the runtime running
// this example, as the seed runs sys.executable), createSubprocessShell()
// runs a command line through the shell; both read the child's stdout.
// Seed 003, example 18: asyncio.subprocess 异步调用子进程. The child prints a
// fixed time instead of the current one; the shell lists three directories
// every Linux has instead of ~/Desktop.
// Python original: examples/python/seed03_18_subprocess.py
import process from "node:process";
import * as asyncio from "../mod.ts";

/** Arguments that make this runtime evaluate `code` (sys.executable -c code). */
function evalArgs(code: string): string[] {
  return "Deno" in globalThis ? ["eval", code] : ["-e", code];
}

async function getDate(): Promise<string> {
  const code = "console.log(\"2020-08-24 16:11:18.143943\")";
  const task1 = asyncio.createSubprocessExec(process.execPath, ...evalArgs(code), {
    stdout: asyncio.PIPE,
  });
  const task2 = asyncio.createSubprocessShell("cd / && ls -d bin etc tmp", {
    stdout: asyncio.PIPE,
  });
  const results = await asyncio.gather(task1, task2);
  const response: string[] = [];
  for (const proc of results) {
    const data = await proc.stdout!.read();
    const line = new TextDecoder().decode(data).trimEnd();
    response.push(line);
  }
  return response.join("\n");
}

const date = await asyncio.run(getDate);
console.log(`当前时间: ${date}`);
