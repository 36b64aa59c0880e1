// A line-based chat server: each client sends its name, then lines that
// everyone else receives; joins and leaves are announced. Two scripted
// clients in the same program show one session.
// Python twin: examples/python/chat_server.py
import * as asyncio from "../mod.ts";

const clients = new Map<string, asyncio.StreamWriter>();
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function broadcast(text: string, skip: string | null = null) {
  for (const [name, writer] of [...clients]) {
    if (name !== skip) {
      writer.write(text);
      await writer.drain();
    }
  }
}

async function handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const name = decode(await reader.readLine()).trim();
  await broadcast(`* ${name} joined\n`);
  clients.set(name, writer);
  writer.write(`welcome ${name}, ${clients.size} online\n`);
  try {
    for await (const line of reader) {
      await broadcast(`${name}: ${decode(line)}`, name);
    }
  } finally {
    clients.delete(name);
    writer.close();
    await broadcast(`* ${name} left\n`);
  }
}

async function show(name: string, reader: asyncio.StreamReader) {
  const line = await reader.readLine();
  console.log(`[${name}] ${decode(line).trimEnd()}`);
}

async function join(name: string, port: number) {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", port);
  writer.write(`${name}\n`);
  await show(name, reader);
  return [reader, writer] as const;
}

async function main() {
  const server = await asyncio.startServer(handle, "127.0.0.1", 0);
  const [, port] = server.sockets[0]!.getsockname() as [string, number];
  {
    await using _ = server; // async with server:
    const [aliceR, aliceW] = await join("alice", port);
    const [bobR, bobW] = await join("bob", port);
    await show("alice", aliceR);
    aliceW.write("hi bob\n");
    await show("bob", bobR);
    bobW.write("hello alice, bye\n");
    await show("alice", aliceR);
    bobW.close();
    await bobW.waitClosed();
    await show("alice", aliceR);
    aliceW.close();
    await aliceW.waitClosed();
  }
  console.log("chat closed");
}

await asyncio.run(main);
