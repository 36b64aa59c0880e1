/**
 * What Node's and Bun's TLS sockets tell about a session, in the shapes of
 * the socket interface (`socket_types.ts`): the peer's certificate as
 * Python's `SSLSocket.getpeercert()` gives it, the cipher as Python's
 * `SSLSocket.cipher()` does.
 *
 * @module
 */
import type { PlatformTlsInfo } from "./socket_types.ts";

/** The parts of a `tls.TLSSocket` (Node) or TLS `Socket` (Bun) read here. */
export interface TlsSessionLike {
  getPeerCertificate(detailed?: boolean): NodePeerCertificate | null | undefined;
  getCipher(): { name: string | null; version: string | null } | null | undefined;
  alpnProtocol: string | false | null | undefined;
}

/** A certificate as `getPeerCertificate()` gives it on Node and Bun. */
export interface NodePeerCertificate {
  subject?: Record<string, string | string[]>;
  issuer?: Record<string, string | string[]>;
  subjectaltname?: string;
  serialNumber?: string;
  valid_from?: string;
  valid_to?: string;
}

// OpenSSL's short names as Python's long ones.
const NAME_KEYS: Readonly<Record<string, string>> = {
  C: "countryName",
  ST: "stateOrProvinceName",
  L: "localityName",
  O: "organizationName",
  OU: "organizationalUnitName",
  CN: "commonName",
  DC: "domainComponent",
  emailAddress: "emailAddress",
  serialNumber: "serialNumber",
};

function pythonName(name: Record<string, string | string[]> | undefined): string[][][] {
  const rdns: string[][][] = [];
  for (const [key, value] of Object.entries(name ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) rdns.push([[NAME_KEYS[key] ?? key, v]]);
  }
  return rdns;
}

/**
 * A certificate in Python's `getpeercert()` shape (tuples as arrays):
 * `subject`, `issuer`, `serialNumber`, `notBefore`, `notAfter`,
 * `subjectAltName`; `null` when the peer sent none.
 */
export function pythonPeerCert(
  cert: NodePeerCertificate | null | undefined,
): Record<string, unknown> | null {
  if (!cert || cert.subject === undefined) return null;
  const result: Record<string, unknown> = {
    subject: pythonName(cert.subject),
    issuer: pythonName(cert.issuer),
    version: 3,
    serialNumber: cert.serialNumber?.toUpperCase(),
    notBefore: cert.valid_from,
    notAfter: cert.valid_to,
  };
  if (cert.subjectaltname) {
    result.subjectAltName = cert.subjectaltname.split(", ").map((entry) => {
      const at = entry.indexOf(":");
      const kind = entry.slice(0, at);
      const value = entry.slice(at + 1);
      return [kind, kind === "IP Address" && value.includes(":") ? opensslIPv6(value) : value];
    });
  }
  return result;
}

/** An IPv6 address as OpenSSL (and so Python) prints it: eight groups, uppercase, no `::`. */
function opensslIPv6(address: string): string {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined
    ? left
    : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16).toUpperCase()).join(":");
}

/** Secret bits of a cipher suite, read from its name (Node and Bun do not tell them). */
export function cipherBits(name: string): number {
  if (/AES_?256|AES256|CHACHA20/i.test(name)) return 256;
  if (/AES_?128|AES128/i.test(name)) return 128;
  if (/3DES|DES_CBC3|DES-CBC3/i.test(name)) return 112;
  return 0;
}

/** The session of a Node or Bun TLS socket, in the interface's shape. */
export function tlsSessionInfo(socket: TlsSessionLike): PlatformTlsInfo {
  const cipher = socket.getCipher();
  return {
    peerCertificate: pythonPeerCert(socket.getPeerCertificate()),
    cipher: cipher?.name && cipher.version
      ? [cipher.name, cipher.version, cipherBits(cipher.name)]
      : undefined,
    alpnProtocol: socket.alpnProtocol || null,
  };
}
