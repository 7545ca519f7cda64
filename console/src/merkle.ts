// Checks an inclusion proof of the transparency log in the browser (RFC 9162 §2.1.3.2), independently of the server.

// Hashes and proofs come in standard base64, as everywhere in the log (docs/transparency-log.md).
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) joined.set(part, (at += part.length) - part.length);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

/** SHA-256(0x00 ‖ entry): the leaf hash of an entry's canonical JSON. */
export const leafHashOf = async (json: string): Promise<string> =>
  base64(await sha256(new Uint8Array([0]), new TextEncoder().encode(json)));

export async function verifyInclusion(
  leafHash: string,
  index: number,
  size: number,
  proof: readonly string[],
  rootHash: string,
): Promise<boolean> {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = fromBase64(leafHash);
  const node = new Uint8Array([1]);
  for (const step of proof) {
    if (sn === 0) return false;
    const p = fromBase64(step);
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(node, p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(node, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && base64(r) === rootHash;
}
