# Twin of examples/hash_files.ts: checksums of several files computed in
# parallel with asyncio.to_thread(), the whole batch bounded by a timeout.
# The files are made by the program (deterministic bytes in a temporary
# folder), so the output never changes.
import asyncio
import hashlib
import os
import tempfile

FILES = 4
SIZE = 256 * 1024

def file_bytes(seed, size):
    """Deterministic bytes: a linear congruential generator, one byte per step."""
    out = bytearray(size)
    x = seed
    for i in range(size):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = (x >> 16) & 0xFF
    return bytes(out)

def sha256(data):
    return hashlib.sha256(data).hexdigest()

async def checksum(path):
    with open(path, "rb") as f:
        data = f.read()
    return await asyncio.to_thread(sha256, data)

async def main():
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n in range(FILES):
            path = os.path.join(folder, f"file{n}.bin")
            with open(path, "wb") as f:
                f.write(file_bytes(n + 1, SIZE))
            paths.append(path)
        async with asyncio.timeout(30):
            digests = await asyncio.gather(*(checksum(p) for p in paths))
        for path, digest in zip(paths, digests):
            print(os.path.basename(path), os.path.getsize(path), digest)
        print(f"{len(digests)} files hashed")

asyncio.run(main())
