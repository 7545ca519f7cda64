// Signed notes against golang.org/x/mod/sumdb/note's own example (note_test.go), and checkpoints round-trip.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointBody,
  logKeyName,
  noteVerifier,
  openCheckpoint,
  openNote,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  verifierKeyString,
} from './checkpoint.ts';
import type { SigningKey } from '../keys/key-provider.ts';

const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const skey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const text =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const signature =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

function keyFromSkey(encoded: string) {
  const seed = Buffer.from(encoded.split('+').slice(4).join('+'), 'base64').subarray(1);
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

describe('signed notes (golang.org/x/mod/sumdb/note)', () => {
  const { privateKey, publicKey } = keyFromSkey(skey);

  it('derives the reference verifier key and key hash', () => {
    const verifier = noteVerifier('PeterNeumann', publicKey);
    expect(verifier.keyHash.toString('hex')).toBe('c74f20a3');
    expect(verifierKeyString(verifier)).toBe(vkey);
    expect(parseVerifierKey(vkey)?.keyHash.toString('hex')).toBe('c74f20a3');
  });

  it('signs byte for byte like the reference and opens the reference note', () => {
    expect(signNote(text, 'PeterNeumann', privateKey, publicKey)).toBe(`${text}\n${signature}`);
    const opened = openNote(`${text}\n${signature}`, [parseVerifierKey(vkey)!]);
    expect(opened).toEqual({ ok: true, text, keyName: 'PeterNeumann' });
  });

  it('rejects mangled verifier keys (note_test.go TestNewVerifier)', () => {
    for (let i = 0; i < vkey.length; i++) {
      const bumped = vkey.slice(0, i) + String.fromCharCode(vkey.charCodeAt(i) + 1) + vkey.slice(i + 1);
      expect(parseVerifierKey(bumped)).toBeUndefined();
    }
    expect(
      parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
    ).toBeUndefined();
    expect(
      parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toBeUndefined();
  });

  it('refuses tampered text and unknown keys', () => {
    const verifier = parseVerifierKey(vkey)!;
    expect(openNote(`${text.replace('answer', 'Answer')}\n${signature}`, [verifier]).ok).toBe(false);
    const other = generateKeyPairSync('ed25519');
    expect(openNote(`${text}\n${signature}`, [noteVerifier('PeterNeumann', other.publicKey)])).toEqual({
      ok: false,
      reason: 'no signature by a known key',
    });
  });
});

describe('checkpoints', () => {
  const pair = generateKeyPairSync('ed25519');
  const key: SigningKey & { privateKey: typeof pair.privateKey } = {
    id: 'log-signing-2026-11-23-abcdef01',
    purpose: 'log-signing',
    createdAt: '2026-11-23T00:00:00.000Z',
    status: 'active',
    ...pair,
  };
  const origin = 'curtain.example/log';
  const rootHash = Buffer.alloc(32, 7);
  const verifier = noteVerifier(logKeyName(origin, key.id), pair.publicKey);

  it('has the transparency-dev body and a signature naming the key id', () => {
    expect(checkpointBody({ origin, size: 42, rootHash })).toBe(
      `${origin}\n42\n${rootHash.toString('base64')}\n`,
    );
    const note = signCheckpoint({ origin, size: 42, rootHash }, key);
    const lines = note.split('\n');
    expect(lines[3]).toBe('');
    expect(lines[4]).toMatch(
      /^\u2014 curtain\.example\/log\/log-signing-2026-11-23-abcdef01 [A-Za-z0-9+/]{91}=$/,
    );
    expect(openCheckpoint(note, [verifier])).toEqual({
      ok: true,
      checkpoint: { origin, size: 42, rootHash },
      keyName: verifier.name,
    });
  });

  it('fails on a changed size, root or signature', () => {
    const note = signCheckpoint({ origin, size: 42, rootHash }, key);
    expect(openCheckpoint(note.replace('\n42\n', '\n43\n'), [verifier]).ok).toBe(false);
    const sig = note.split('\n')[4]!;
    const flipped = sig.slice(0, -3) + (sig.at(-3) === 'A' ? 'B' : 'A') + sig.slice(-2);
    expect(openCheckpoint(note.replace(sig, flipped), [verifier]).ok).toBe(false);
    expect(openCheckpoint('garbage', [verifier]).ok).toBe(false);
  });
});
