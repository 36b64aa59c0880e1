/**
 * The accept side of a listener, shared by the Bun and Node adapters: accepted
 * sockets wait until `accept()` gives the callbacks, and are handed over
 * later, never from inside that call; a closed listener aborts what waits.
 *
 * @module
 */
import type { PlatformSocket } from "./socket_types.ts";

/** Accepted sockets and the callbacks of `PlatformListener.accept()`. */
export class AcceptQueue {
  #closed = false;
  #waiting: PlatformSocket[] = [];
  #onConnection: ((socket: PlatformSocket) => void) | undefined;
  #onError: ((error: Error) => void) | undefined;

  /** Whether the listener was closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Hands an accepted socket over, or keeps it until `accept()`; aborts it once closed. */
  take(socket: PlatformSocket): void {
    if (this.#closed) socket.abort();
    else if (this.#onConnection) this.#onConnection(socket);
    else this.#waiting.push(socket);
  }

  /** Reports an accept or handshake error, unless closed. */
  failed(error: Error): void {
    if (!this.#closed) this.#onError?.(error);
  }

  /** `PlatformListener.accept()`: sockets already waiting follow in a microtask. */
  accept(onConnection: (socket: PlatformSocket) => void, onError: (error: Error) => void): void {
    this.#onConnection = onConnection;
    this.#onError = onError;
    if (this.#waiting.length === 0) return;
    // Handed over later, never from inside this call.
    queueMicrotask(() => {
      const waiting = this.#waiting;
      this.#waiting = [];
      for (const socket of waiting) onConnection(socket);
    });
  }

  /** Marks the queue closed; false when it already was. */
  close(): boolean {
    if (this.#closed) return false;
    this.#closed = true;
    return true;
  }

  /** Aborts the sockets still waiting (after `close()`). */
  abortWaiting(): void {
    for (const socket of this.#waiting) socket.abort();
    this.#waiting = [];
  }
}
