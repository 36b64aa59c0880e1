// How a transport hands received bytes to its protocol, picked once per
// protocol: a BufferedProtocol gets them copied into its own buffer
// (`getBuffer`/`bufferUpdated`); the stream reader's protocol copies them
// into the reader's buffer itself (or adopts an array the socket gives
// away), so it gets the socket's view; any other Protocol gets its own copy
// unless the socket gives its arrays away (the socket may reuse the view's
// memory otherwise).
import type { PlatformSocket } from "../_platform/mod.ts";
import { RuntimeError } from "../errors.ts";
import type { BaseProtocol, BufferedProtocol, Protocol } from "./protocols.ts";

/** @ignore */
export interface DataSink {
  data(view: Uint8Array): void;
}

/** @ignore A protocol that copies what it gets unless told the array is given away. */
export interface CopyingProtocol extends Protocol {
  readonly _copiesData: true;
  _feed(data: Uint8Array, owned: boolean): void;
}

class BufferedSink implements DataSink {
  constructor(readonly p: BufferedProtocol) {}
  data(view: Uint8Array): void {
    let off = 0;
    while (off < view.length) {
      const left = view.length - off;
      const buf = this.p.getBuffer(left);
      if (!(buf instanceof Uint8Array) || buf.length === 0) {
        throw new RuntimeError("get_buffer() returned an empty buffer");
      }
      const n = Math.min(buf.length, left);
      buf.set(n === view.length ? view : view.subarray(off, off + n));
      off += n;
      this.p.bufferUpdated(n);
    }
  }
}

class ViewSink implements DataSink {
  constructor(readonly p: CopyingProtocol, readonly owned: boolean) {}
  data(view: Uint8Array): void {
    this.p._feed(view, this.owned);
  }
}

class CopySink implements DataSink {
  constructor(readonly p: Protocol) {}
  data(view: Uint8Array): void {
    this.p.dataReceived?.(view.slice());
  }
}

class OwnedSink implements DataSink {
  constructor(readonly p: Protocol) {}
  data(view: Uint8Array): void {
    this.p.dataReceived?.(view);
  }
}

/** @ignore Whether `protocol` is a BufferedProtocol (it copies what it gets into its own buffer). */
export function isBufferedProtocol(protocol: BaseProtocol): protocol is BufferedProtocol {
  return typeof (protocol as BufferedProtocol).getBuffer === "function";
}

/**
 * @ignore The sink for `protocol`; `owned`: the socket gives its arrays away
 * (never reuses them), so they need no copy.
 */
export function protocolSink(protocol: BaseProtocol, owned: boolean): DataSink {
  if (isBufferedProtocol(protocol)) return new BufferedSink(protocol);
  if ((protocol as CopyingProtocol)._copiesData === true) {
    return new ViewSink(protocol as CopyingProtocol, owned);
  }
  return owned ? new OwnedSink(protocol as Protocol) : new CopySink(protocol as Protocol);
}

/**
 * @ignore The sink for `protocol` on `socket`, telling the socket first
 * whether the protocol copies what it gets (a BufferedProtocol copies into
 * its own buffer, so the socket may read into one reused buffer).
 */
export function attachSink(protocol: BaseProtocol, socket: PlatformSocket): DataSink {
  socket.setOwnerCopies?.(isBufferedProtocol(protocol));
  return protocolSink(protocol, socket.dataIsOwned === true);
}
