// A pipeline of three child processes, producer | filter | consumer, joined
// by the parent: each stage's stdout is copied into the next stage's stdin
// with drain(), so a slow stage slows the ones before it (backpressure)
// instead of filling memory.
// Python original: examples/python/pipeline.py
import * as asyncio from "../mod.ts";
import { PIPE } from "../mod.ts";

async function pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<number> {
  let copied = 0;
  for (let chunk = await reader.read(65536); chunk.length > 0; chunk = await reader.read(65536)) {
    writer.write(chunk);
    await writer.drain();
    copied += chunk.length;
  }
  writer.close();
  await writer.waitClosed();
  return copied;
}

async function main(): Promise<void> {
  const producer = await asyncio.createSubprocessExec("seq", "1", "200000", { stdout: PIPE });
  const filt = await asyncio.createSubprocessExec("grep", "7", { stdin: PIPE, stdout: PIPE });
  const consumer = await asyncio.createSubprocessExec("wc", "-l", { stdin: PIPE, stdout: PIPE });
  const copied = await asyncio.gather(
    () => pump(producer.stdout!, filt.stdin!),
    () => pump(filt.stdout!, consumer.stdin!),
  );
  const count = new TextDecoder().decode(await consumer.stdout!.read()).trim();
  const codes: number[] = [];
  for (const p of [producer, filt, consumer]) codes.push(await p.wait());
  console.log(`bytes copied: ${copied[0]} then ${copied[1]}`);
  console.log(`numbers up to 200000 holding a 7: ${count}`);
  console.log(`return codes: [${codes.join(", ")}]`);
}

await asyncio.run(main);
