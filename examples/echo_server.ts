// An echo server and three clients in one program: startServer() with a
// handler that echoes lines, openConnection() clients that talk to it at
// the same time, and a clean shutdown with `await using`.
// Python twin: examples/python/echo_server.py
import * as asyncio from "../mod.ts";

async function handleEcho(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  for await (const line of reader) {
    writer.write(line);
    await writer.drain();
  }
  writer.close();
  await writer.waitClosed();
}

async function client(name: string, port: number, lines: string[]): Promise<string[]> {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", port);
  const replies: string[] = [];
  for (const text of lines) {
    writer.write(`${name}: ${text}\n`);
    await writer.drain();
    replies.push(new TextDecoder().decode(await reader.readLine()).replace(/\n$/, ""));
  }
  writer.close();
  await writer.waitClosed();
  return replies;
}

async function main() {
  const server = await asyncio.startServer(handleEcho, "127.0.0.1", 0);
  const [, port] = server.sockets[0]!.getsockname() as [string, number];
  let results: string[][];
  {
    await using _ = server; // async with server:
    results = await asyncio.gather(
      () => client("ann", port, ["hello", "how are you?"]),
      () => client("bob", port, ["ping"]),
      () => client("cid", port, ["one", "two", "three"]),
    );
  }
  for (const replies of results) {
    for (const reply of replies) console.log("echoed", reply);
  }
  console.log("server closed:", server.isServing() ? "False" : "True");
}

await asyncio.run(main);
