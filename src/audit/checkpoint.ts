// Signed tree heads as transparency-dev checkpoints in the signed-note format (golang.org/x/mod/sumdb/note).
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SigningKey } from '../keys/key-provider.ts';
import { hashSize } from './merkle.ts';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Buffer;
}

/** A note verifier: the key name, its 4-byte key hash and the Ed25519 public key. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyHash: Buffer;
  readonly publicKey: KeyObject;
}

export type Opened =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly keyName: string }
  | { readonly ok: false; readonly reason: string };

const ed25519Algorithm = 0x01;
const signaturePrefix = '\u2014 ';
const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** The note key name of a log's signing key: the origin and the key id, so every signature names its key. */
export function logKeyName(origin: string, keyId: string): string {
  return `${origin}/${keyId}`;
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ed25519SpkiPrefix, raw]), format: 'der', type: 'spki' });
}

/** First 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ raw public key). */
export function noteKeyHash(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([ed25519Algorithm]))
    .update(rawPublicKey(publicKey))
    .digest()
    .subarray(0, 4);
}

function validKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

export function noteVerifier(name: string, publicKey: KeyObject): NoteVerifier {
  if (!validKeyName(name)) throw new Error('a note key name cannot be empty or contain spaces or "+"');
  return { name, keyHash: noteKeyHash(name, publicKey), publicKey };
}

/** The published verifier key: `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`. */
export function verifierKeyString(verifier: NoteVerifier): string {
  const key = Buffer.concat([Buffer.from([ed25519Algorithm]), rawPublicKey(verifier.publicKey)]);
  return `${verifier.name}+${verifier.keyHash.toString('hex')}+${key.toString('base64')}`;
}

/** Parses a verifier key string; undefined when it is malformed or its key hash does not match. */
export function parseVerifierKey(text: string): NoteVerifier | undefined {
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 0 || second < 0) return undefined;
  const name = text.slice(0, first);
  const hashHex = text.slice(first + 1, second);
  const keyBase64 = text.slice(second + 1);
  if (!validKeyName(name) || !/^[0-9a-f]{8}$/.test(hashHex)) return undefined;
  const key = Buffer.from(keyBase64, 'base64');
  if (key.toString('base64') !== keyBase64 || key.length !== 33 || key[0] !== ed25519Algorithm)
    return undefined;
  const verifier = noteVerifier(name, publicKeyFromRaw(key.subarray(1)));
  return verifier.keyHash.toString('hex') === hashHex ? verifier : undefined;
}

export function checkpointBody(checkpoint: Checkpoint): string {
  if (checkpoint.origin.length === 0 || /\n/.test(checkpoint.origin)) throw new Error('invalid origin');
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.rootHash.toString('base64')}\n`;
}

/** Signs note text (which must end in a newline) and returns the note: text, blank line, signature line. */
export function signNote(text: string, name: string, privateKey: KeyObject, publicKey: KeyObject): string {
  if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
  const verifier = noteVerifier(name, publicKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const blob = Buffer.concat([verifier.keyHash, signature]).toString('base64');
  return `${text}\n${signaturePrefix}${name} ${blob}\n`;
}

export function signCheckpoint(
  checkpoint: Checkpoint,
  key: SigningKey & { readonly privateKey: KeyObject },
): string {
  return signNote(
    checkpointBody(checkpoint),
    logKeyName(checkpoint.origin, key.id),
    key.privateKey,
    key.publicKey,
  );
}

/** Checks a note's signatures against the verifiers; ok when at least one known key signed it. */
export function openNote(
  note: string,
  verifiers: readonly NoteVerifier[],
):
  | { readonly ok: true; readonly text: string; readonly keyName: string }
  | { readonly ok: false; readonly reason: string } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, reason: 'not a signed note' };
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  for (const line of lines) {
    if (!line.startsWith(signaturePrefix)) return { ok: false, reason: 'malformed signature line' };
    const [name, blob, extra] = line.slice(signaturePrefix.length).split(' ');
    if (name === undefined || blob === undefined || extra !== undefined) {
      return { ok: false, reason: 'malformed signature line' };
    }
    const bytes = Buffer.from(blob, 'base64');
    if (bytes.length !== 68) continue;
    const verifier = verifiers.find((v) => v.name === name && v.keyHash.equals(bytes.subarray(0, 4)));
    if (verifier === undefined) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, bytes.subarray(4))) {
      return { ok: false, reason: `signature by ${name} does not verify` };
    }
    return { ok: true, text, keyName: name };
  }
  return { ok: false, reason: 'no signature by a known key' };
}

/** Verifies a checkpoint note and parses its body. */
export function openCheckpoint(note: string, verifiers: readonly NoteVerifier[]): Opened {
  const opened = openNote(note, verifiers);
  if (!opened.ok) return opened;
  const lines = opened.text.split('\n');
  const [origin, sizeText, rootText] = lines;
  if (lines.length < 4 || origin === undefined || sizeText === undefined || rootText === undefined) {
    return { ok: false, reason: 'checkpoint body needs an origin, a size and a root hash' };
  }
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    return { ok: false, reason: 'invalid tree size' };
  }
  const rootHash = Buffer.from(rootText, 'base64');
  if (rootHash.length !== hashSize || rootHash.toString('base64') !== rootText) {
    return { ok: false, reason: 'invalid root hash' };
  }
  return { ok: true, checkpoint: { origin, size: Number(sizeText), rootHash }, keyName: opened.keyName };
}
