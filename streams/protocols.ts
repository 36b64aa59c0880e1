/**
 * The protocol interfaces: what a transport calls back. Ports asyncio's
 * `protocols.py` (`BaseProtocol`, `Protocol`, `BufferedProtocol`).
 *
 * @module
 */
import type { BaseTransport, Transport } from "./transports.ts";

/**
 * The callbacks every protocol may implement; all are optional.
 *
 * A stream protocol sees `connectionMade` once, then `dataReceived` (or
 * `getBuffer`/`bufferUpdated`) any number of times, then at most one
 * `eofReceived`, then `connectionLost` exactly once. Callbacks run inside
 * the loop's context (`getRunningLoop()` works, `currentTask()` is `null`);
 * an exception thrown by one goes to the loop's exception handler and closes
 * the transport.
 *
 * Differences from asyncio: an interface with optional methods instead of a
 * base class to subclass (a class that implements it, or a plain object,
 * both work).
 *
 * @example
 * ```ts
 * import type { BaseProtocol, BaseTransport } from "@asyncio/asyncio/streams";
 *
 * class Tracker implements BaseProtocol {
 *   transport: BaseTransport | null = null;
 *   connectionMade(t: BaseTransport): void {
 *     this.transport = t;
 *   }
 *   connectionLost(exc: Error | null): void {
 *     if (exc !== null) console.error("lost:", exc.message);
 *   }
 * }
 * new Tracker();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#base-protocol
 */
export interface BaseProtocol {
  /** The connection is up; `transport` is how to talk back. */
  connectionMade?(transport: BaseTransport): void;
  /** The connection is closed: `exc` is why (`null` for a normal close or EOF). */
  connectionLost?(exc: Error | null): void;
  /** The transport's write buffer went over its high-water mark. */
  pauseWriting?(): void;
  /** The transport's write buffer drained to its low-water mark. */
  resumeWriting?(): void;
}

/**
 * A stream protocol that receives bytes in `dataReceived`.
 *
 * `eofReceived` is called when the peer ends its write side; returning a
 * truthy value keeps the transport open for writing (half-close), anything
 * else closes it (over TLS it always closes).
 *
 * @example
 * ```ts
 * import type { Protocol, Transport } from "@asyncio/asyncio/streams";
 *
 * class Echo implements Protocol {
 *   #transport: Transport | null = null;
 *   connectionMade(t: Transport): void {
 *     this.#transport = t;
 *   }
 *   dataReceived(data: Uint8Array): void {
 *     this.#transport?.write(data);
 *   }
 * }
 * new Echo();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#streaming-protocols
 */
export interface Protocol extends BaseProtocol {
  /** The connection is up; `transport` is how to talk back. */
  connectionMade?(transport: Transport): void;
  /**
   * Bytes arrived. The array is the protocol's to keep (the transport does
   * not reuse it).
   */
  dataReceived?(data: Uint8Array): void;
  /** The peer ended its write side; return `true` to keep writing (half-close). */
  eofReceived?(): boolean | void;
}

/**
 * A stream protocol that hands the transport its own buffer to read into,
 * saving a copy: `getBuffer(sizeHint)` returns a writable, non-empty array,
 * `bufferUpdated(n)` says that its first `n` bytes were filled.
 *
 * @example
 * ```ts
 * import type { BufferedProtocol } from "@asyncio/asyncio/streams";
 *
 * class Counter implements BufferedProtocol {
 *   readonly buffer = new Uint8Array(64 * 1024);
 *   total = 0;
 *   getBuffer(_sizeHint: number): Uint8Array {
 *     return this.buffer;
 *   }
 *   bufferUpdated(n: number): void {
 *     this.total += n;
 *   }
 * }
 * new Counter();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#buffered-streaming-protocols
 */
export interface BufferedProtocol extends BaseProtocol {
  /** The connection is up; `transport` is how to talk back. */
  connectionMade?(transport: Transport): void;
  /** Returns the array to read into (at least one byte long); `sizeHint` is how much is waiting. */
  getBuffer(sizeHint: number): Uint8Array;
  /** The first `nbytes` bytes of the last `getBuffer()` array were filled. */
  bufferUpdated(nbytes: number): void;
  /** The peer ended its write side; return `true` to keep writing (half-close). */
  eofReceived?(): boolean | void;
}

/** @ignore Whether `p` is a {@linkcode BufferedProtocol} (it has `getBuffer`). */
export function isBufferedProtocol(p: BaseProtocol): p is BufferedProtocol {
  return typeof (p as { getBuffer?: unknown }).getBuffer === "function";
}
