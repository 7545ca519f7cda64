// Checks transparency-log evidence in the browser (or anywhere with WebCrypto): a checkpoint's signature and an
// entry's inclusion proof (RFC 9162 §2.1.3.2), independently of the server that sent them.

/** WebCrypto's key type, named without the DOM library (the server compiles without it). */
export type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A log entry with what proves it: its exact JSON, its index, the proof and the signed checkpoint. */
export interface LogProof {
  readonly index: number;
  /** The exact canonical JSON that was hashed. */
  readonly json: string;
  /** Inclusion proof, standard base64 hashes. */
  readonly proof: string[];
  /** The signed note of the head the proof is against (origin, size, root hash). */
  readonly checkpoint: string;
}

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

export async function verifyInclusionProof(
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

/** The checkpoint's body: origin, tree size and root hash. */
export function checkpointHead(checkpoint: string): { size: number; rootHash: string } | undefined {
  const [, size, rootHash] = checkpoint.split('\n');
  if (size === undefined || rootHash === undefined || !/^\d+$/.test(size)) return undefined;
  return { size: Number(size), rootHash };
}

/** The entry's JSON hashes to a leaf that the proof places at `index` under the checkpoint's root. */
export async function verifyInclusion(evidence: LogProof): Promise<boolean> {
  const head = checkpointHead(evidence.checkpoint);
  if (head === undefined) return false;
  const leaf = await leafHashOf(evidence.json);
  return verifyInclusionProof(leaf, evidence.index, head.size, evidence.proof, head.rootHash);
}

/**
 * A signed note (golang.org/x/mod/sumdb/note) verifies under one of the log's verifier keys, each
 * `<name>+<hex key hash>+<base64(0x01 ‖ Ed25519 key)>` as /v1/audit/head publishes them.
 */
export async function verifyCheckpoint(note: string, verifierKeys: readonly string[]): Promise<boolean> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return false;
  const text = new TextEncoder().encode(note.slice(0, split + 1));
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const [name, blob] = line.replace(/^\u2014 /, '').split(' ');
    const verifier = verifierKeys.find((key) => key.startsWith(`${name}+`));
    if (name === undefined || blob === undefined || verifier === undefined) continue;
    const first = verifier.indexOf('+');
    const second = verifier.indexOf('+', first + 1);
    const hashHex = verifier.slice(first + 1, second);
    const keyBase64 = verifier.slice(second + 1);
    const signed = fromBase64(blob);
    const key = fromBase64(keyBase64);
    const hex = Array.from(signed.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    if (signed.length !== 68 || key.length !== 33 || hex !== hashHex) continue;
    const publicKey = await crypto.subtle.importKey('raw', key.subarray(1), 'Ed25519', false, ['verify']);
    if (await crypto.subtle.verify('Ed25519', publicKey, signed.subarray(4), text)) return true;
  }
  return false;
}
