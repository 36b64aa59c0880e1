/**
 * Joining small queued writes into one, for the adapters that queue what the
 * OS did not take (Deno's serialised writes, Bun's partial writes): one
 * system call for many small chunks instead of one each.
 *
 * @module
 */

/**
 * Replaces the first chunks of `queue` by one array holding their bytes and
 * returns it: the first chunk, then each next one smaller than `below` bytes
 * while the total stays within `upTo` bytes. When nothing can be joined,
 * the queue is left as is and its first chunk returned. `queue` must not be
 * empty.
 *
 * @ignore
 */
export function joinQueued(queue: Uint8Array[], below: number, upTo: number): Uint8Array {
  let size = 0;
  let count = 0;
  for (const chunk of queue) {
    if (count > 0 && (chunk.byteLength >= below || size + chunk.byteLength > upTo)) break;
    size += chunk.byteLength;
    count++;
  }
  if (count < 2) return queue[0]!;
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of queue.splice(0, count, joined)) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
}
