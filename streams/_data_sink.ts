// How a transport hands received bytes to its protocol, picked once per
// protocol: a BufferedProtocol gets them copied into its own buffer
// (`getBuffer`/`bufferUpdated`); the stream reader's protocol copies them
// into the reader's buffer itself, so it gets the socket's view; any other
// Protocol gets its own copy (the socket may reuse the view's memory).
import { RuntimeError } from "../errors.ts";
import type { BaseProtocol, BufferedProtocol, Protocol } from "./protocols.ts";

/** @ignore */
export interface DataSink {
  data(view: Uint8Array): void;
}

/** @ignore A protocol that copies what `dataReceived` gets (no copy needed before). */
export interface CopyingProtocol extends Protocol {
  readonly _copiesData: true;
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
  constructor(readonly p: Protocol) {}
  data(view: Uint8Array): void {
    this.p.dataReceived!(view);
  }
}

class CopySink implements DataSink {
  constructor(readonly p: Protocol) {}
  data(view: Uint8Array): void {
    this.p.dataReceived?.(view.slice());
  }
}

/** @ignore The sink for `protocol`. */
export function protocolSink(protocol: BaseProtocol): DataSink {
  if (typeof (protocol as BufferedProtocol).getBuffer === "function") {
    return new BufferedSink(protocol as BufferedProtocol);
  }
  if ((protocol as CopyingProtocol)._copiesData === true) return new ViewSink(protocol);
  return new CopySink(protocol as Protocol);
}
