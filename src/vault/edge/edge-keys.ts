// The vault's edge keys: the Ed25519 key that signs campaign definitions and one blind-RSA issuer key per epoch,
// each created on first use, its private half wrapped by the key provider, its fingerprint logged.
import { publicVerif, util } from '@cloudflare/privacypass-ts';
import { generateKeyPairSync, randomBytes, createPrivateKey, type KeyObject } from 'node:crypto';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { keyFingerprint } from '../../core/key-fingerprint.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { CryptoKey, LogProof } from '../../edge/log-proof.ts';
import { issuerKeyAlgorithm, tokenMode } from '../../edge/tokens.ts';
import { nativeBlindIssuer, type BlindIssuer } from './blind-sign.ts';
import { insertEdgeKey, readEdgeKey, type StoredEdgeKey } from './edge-store.ts';

const rsaParameters = { modulusLength: 2048, publicExponent: Uint8Array.from([1, 0, 1]) };
/** How far back from the head to look for the entry just logged (other events may land in between). */
const logLookBack = 256;

/** A key id like the key provider's: use, day and random letters (digits would read as a phone number). */
function edgeKeyId(use: string): string {
  const letters = Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `edge-${use}-${new Date().toISOString().slice(0, 10)}-${letters}`;
}

export class EdgeKeys {
  readonly #db: SqlExecutor;
  readonly #keys: KeyProvider;
  readonly #audit: TransparencyLog;
  /** Keys being created, by use and epoch: one creation at a time per key in this process. */
  readonly #creating = new Map<string, Promise<StoredEdgeKey>>();

  constructor(db: SqlExecutor, keys: KeyProvider, audit: TransparencyLog) {
    this.#db = db;
    this.#keys = keys;
    this.#audit = audit;
  }

  /** The definitions key (created on first use). */
  definitionsKey(): Promise<StoredEdgeKey> {
    return this.#key('definitions', '', () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const spki = publicKey.export({ format: 'der', type: 'spki' });
      return Promise.resolve({
        publicKey: Buffer.from(spki.subarray(spki.length - 32)),
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
      });
    });
  }

  /** The epoch's issuer key (created on first use): its public half as the client takes it (SPKI, RSA-PSS). */
  issuerKey(epoch: string): Promise<StoredEdgeKey> {
    return this.#key('tokens', epoch, async () => {
      // The library's types name DOM types this (server) program compiles without.
      const pair = (await publicVerif.Issuer.generateKey(tokenMode, rsaParameters)) as {
        privateKey: CryptoKey;
        publicKey: CryptoKey;
      };
      const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
      return {
        publicKey: Buffer.from(await publicVerif.getPublicKeyBytes(pair.publicKey)),
        privateKey: Buffer.from(pkcs8),
      };
    });
  }

  /** The Ed25519 private key that signs definitions. */
  async signingKey(stored: StoredEdgeKey): Promise<KeyObject> {
    const der = await this.#keys.unwrap({ kekId: stored.kekId, blob: stored.wrappedPrivate }, stored.id);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }

  /** The epoch's issuer, ready to sign blinded requests. */
  async issuer(stored: StoredEdgeKey): Promise<BlindIssuer> {
    const pkcs8 = await this.#keys.unwrap({ kekId: stored.kekId, blob: stored.wrappedPrivate }, stored.id);
    const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    return nativeBlindIssuer(privateKey, stored.publicKey);
  }

  /** The issuer's public key as WebCrypto verifies tokens with it (stored in the RSASSA-PSS form clients take). */
  issuerPublicKey(stored: StoredEdgeKey): Promise<CryptoKey> {
    const spki = util.convertRSASSAPSSToEnc(new Uint8Array(stored.publicKey));
    return crypto.subtle.importKey('spki', spki, issuerKeyAlgorithm, true, ['verify']);
  }

  /** The key's log entry with its inclusion proof under the current head. */
  async logProof(stored: StoredEdgeKey): Promise<LogProof> {
    const proven = await this.#audit.entry(stored.logIndex);
    if (proven === undefined) throw new Error(`edge key ${stored.id} has no log entry`);
    return {
      index: proven.index,
      json: proven.json,
      proof: proven.proof.map((p) => p.toString('base64')),
      checkpoint: proven.head.checkpoint,
    };
  }

  #key(
    use: StoredEdgeKey['use'],
    epoch: string,
    generate: () => Promise<{ publicKey: Buffer; privateKey: Buffer }>,
  ): Promise<StoredEdgeKey> {
    const name = `${use}:${epoch}`;
    let pending = this.#creating.get(name);
    if (pending === undefined) {
      pending = this.#readOrCreate(use, epoch, generate).finally(() => this.#creating.delete(name));
      this.#creating.set(name, pending);
    }
    return pending;
  }

  async #readOrCreate(
    use: StoredEdgeKey['use'],
    epoch: string,
    generate: () => Promise<{ publicKey: Buffer; privateKey: Buffer }>,
  ): Promise<StoredEdgeKey> {
    const existing = await readEdgeKey(this.#db, use, epoch);
    if (existing !== undefined) return existing;
    const id = edgeKeyId(use);
    const { publicKey, privateKey } = await generate();
    const wrapped = await this.#keys.wrap(privateKey, id);
    const fingerprint = await keyFingerprint(publicKey);
    const details = { use, keyId: id, fingerprint, ...(epoch === '' ? {} : { epoch }) };
    await this.#audit.record([{ type: 'edge.key_published', details }]);
    const logIndex = await this.#loggedAt(id);
    return insertEdgeKey(this.#db, {
      id,
      use,
      epoch,
      publicKey,
      kekId: wrapped.kekId,
      wrappedPrivate: Buffer.from(wrapped.blob),
      logIndex,
    });
  }

  async #loggedAt(keyId: string): Promise<number> {
    const size = this.#audit.head().size;
    const entries = await this.#audit.entries(Math.max(0, size - logLookBack), logLookBack);
    const found = entries.findLast((e) => {
      const entry = e.entry as { type?: string; details?: { keyId?: string } };
      return entry.type === 'edge.key_published' && entry.details?.keyId === keyId;
    });
    if (found === undefined) throw new Error('the edge key’s log entry was not found');
    return found.index;
  }
}
