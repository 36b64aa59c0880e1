/**
 * Permits: what `acquire()` resolves to, so `using _ = await lock.acquire()`
 * releases at the end of the block (asyncio's `async with lock:`).
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";

/**
 * A held unit of a {@linkcode Lock}, {@linkcode Semaphore} or
 * {@linkcode Condition}, returned by their `acquire()`.
 *
 * Disposing it (`using`, `await using`, or `release()`) releases the
 * primitive once; later disposals do nothing. It replaces asyncio's
 * `async with lock:`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Lock, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const lock = new Lock();
 *   {
 *     using _ = await lock.acquire();
 *     assert.equal(lock.locked(), true);
 *   }
 *   assert.equal(lock.locked(), false);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock
 */
export interface Permit extends Disposable, AsyncDisposable {
  /** Releases the primitive, unless this permit was released already. */
  release(): void;
}

/** What a permit releases. */
interface Releasable {
  release(): void;
}

const DONE: Promise<void> = Promise.resolve();

class PermitImpl implements Permit {
  #target: Releasable | null;

  constructor(target: Releasable) {
    this.#target = target;
  }

  release(): void {
    const target = this.#target;
    if (target !== null) {
      this.#target = null;
      target.release();
    }
  }

  [Symbol.dispose](): void {
    this.release();
  }

  [Symbol.asyncDispose](): Promise<void> {
    this.release();
    return DONE;
  }

  /** @ignore */
  get _held(): boolean {
    return this.#target !== null;
  }
}

defineRepr(PermitImpl, (p) => `<Permit ${p._held ? "held" : "released"}>`);

/**
 * A new permit that releases `target` once.
 *
 * @ignore
 */
export function makePermit(target: Releasable): Permit {
  return new PermitImpl(target);
}
