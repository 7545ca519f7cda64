// The default key provider: a key file outside the data directory, created on first start with mode 0600.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { appendFile, chmod, mkdir, open as openFile, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CurtainError } from '../core/errors.ts';
import { open, seal } from './aead.ts';
import type {
  KeyInfo,
  KeyProvider,
  SecretPurpose,
  SigningKey,
  SigningPurpose,
  WrappedKey,
} from './key-provider.ts';

const keySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  status: z.enum(['active', 'retired']),
  key: z.string().base64(),
});

const signingKeySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  status: z.enum(['active', 'retired']),
  /** PKCS#8 DER, base64; removed when the key is retired. */
  privateKey: z.string().base64().optional(),
  /** SPKI DER, base64. */
  publicKey: z.string().base64(),
});

const fileSchema = z.object({
  format: z.literal('curtain-keys/1'),
  keks: z.array(keySchema).min(1),
  // 'avatar-token' and 'message-id' are optional only so that older files parse; open() adds them.
  secrets: z.object({
    'blind-index': keySchema,
    token: keySchema,
    'avatar-token': keySchema.optional(),
    'message-id': keySchema.optional(),
  }),
  signing: z
    .object({ 'log-signing': z.array(signingKeySchema), 'receipt-signing': z.array(signingKeySchema) })
    .optional(),
});

type KeyFile = z.infer<typeof fileSchema>;
type StoredKey = z.infer<typeof keySchema>;
type StoredSigningKey = z.infer<typeof signingKeySchema>;

const signingPurposes: readonly SigningPurpose[] = ['log-signing', 'receipt-signing'];

/**
 * A key's id: its purpose, day and eight random letters. Letters, not hex digits: ids go into the
 * transparency log, whose PII check would read a run of random digits after the date as a phone number.
 */
function keyId(prefix: string, createdAt: string): string {
  const letters = Array.from(randomBytes(8), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `${prefix}-${createdAt.slice(0, 10)}-${letters}`;
}

function newSigningKey(purpose: SigningPurpose): StoredSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const createdAt = new Date().toISOString();
  return {
    id: keyId(purpose, createdAt),
    createdAt,
    status: 'active',
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

function signingKeyOf(stored: StoredSigningKey, purpose: SigningPurpose): SigningKey {
  const privateKey: KeyObject | undefined = stored.privateKey
    ? createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' })
    : undefined;
  return {
    id: stored.id,
    purpose,
    createdAt: stored.createdAt,
    status: stored.status,
    privateKey,
    publicKey: createPublicKey({ key: Buffer.from(stored.publicKey, 'base64'), format: 'der', type: 'spki' }),
  };
}

const keyFileName = 'keys.json';
const shredLogName = 'shredded-keys.log';

function newKey(prefix: string): StoredKey {
  const createdAt = new Date().toISOString();
  return {
    id: keyId(prefix, createdAt),
    createdAt,
    status: 'active',
    key: randomBytes(32).toString('base64'),
  };
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await openFile(temporary, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

export class LocalKeyFile implements KeyProvider {
  readonly #directory: string;
  #file: KeyFile;
  readonly #shredded: Set<string>;

  private constructor(directory: string, file: KeyFile, shredded: Set<string>) {
    this.#directory = directory;
    this.#file = file;
    this.#shredded = shredded;
  }

  /** Opens the key file in `directory`, creating directory (0700) and file (0600) on first use. */
  static async open(directory: string): Promise<LocalKeyFile> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    await chmod(directory, 0o700);
    const path = join(directory, keyFileName);
    let file: KeyFile;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (!parsed.success) throw new CurtainError('KEY_UNAVAILABLE', `key file ${path} is malformed`);
      file = parsed.data;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      file = {
        format: 'curtain-keys/1',
        keks: [newKey('kek')],
        secrets: {
          'blind-index': newKey('blind-index'),
          token: newKey('token'),
          'avatar-token': newKey('avatar-token'),
          'message-id': newKey('message-id'),
        },
        signing: {
          'log-signing': [newSigningKey('log-signing')],
          'receipt-signing': [newSigningKey('receipt-signing')],
        },
      };
      await writeAtomically(path, JSON.stringify(file, null, 2));
    }
    if (file.signing === undefined) {
      // Key files from before signing keys existed gain them on first open.
      file = {
        ...file,
        signing: {
          'log-signing': [newSigningKey('log-signing')],
          'receipt-signing': [newSigningKey('receipt-signing')],
        },
      };
      await writeAtomically(path, JSON.stringify(file, null, 2));
    }
    for (const purpose of ['avatar-token', 'message-id'] as const) {
      if (file.secrets[purpose] !== undefined) continue;
      // Key files from before avatars and delivery existed gain their secrets on first open.
      file = { ...file, secrets: { ...file.secrets, [purpose]: newKey(purpose) } };
      await writeAtomically(path, JSON.stringify(file, null, 2));
    }
    const shredLog = await readFile(join(directory, shredLogName), 'utf8').catch(() => '');
    const shredded = new Set(shredLog.split('\n').filter((line) => line.length > 0));
    return new LocalKeyFile(directory, file, shredded);
  }

  get currentKekId(): string {
    return this.#activeKek().id;
  }

  #activeKek(): StoredKey {
    const active = this.#file.keks.filter((k) => k.status === 'active').at(-1);
    if (!active) throw new CurtainError('KEY_UNAVAILABLE', 'no active key-encryption key');
    return active;
  }

  wrap(dataKey: Uint8Array, keyId: string): Promise<WrappedKey> {
    const kek = this.#activeKek();
    return Promise.resolve({
      kekId: kek.id,
      blob: seal(Buffer.from(kek.key, 'base64'), dataKey, `dek:${keyId}`),
    });
  }

  unwrap(wrapped: WrappedKey, keyId: string): Promise<Buffer> {
    if (this.#shredded.has(keyId)) {
      return Promise.reject(new CurtainError('KEY_UNAVAILABLE', 'this data key was shredded'));
    }
    const kek = this.#file.keks.find((k) => k.id === wrapped.kekId);
    if (!kek) {
      return Promise.reject(
        new CurtainError('KEY_UNAVAILABLE', `key-encryption key ${wrapped.kekId} is gone`),
      );
    }
    return Promise.resolve(open(Buffer.from(kek.key, 'base64'), wrapped.blob, `dek:${keyId}`));
  }

  secret(purpose: SecretPurpose): Buffer {
    const stored = this.#file.secrets[purpose];
    if (!stored) throw new CurtainError('KEY_UNAVAILABLE', `no ${purpose} secret`);
    return Buffer.from(stored.key, 'base64');
  }

  async rotateKek(): Promise<string> {
    const fresh = newKey('kek');
    const keks = this.#file.keks.map((k) => ({ ...k, status: 'retired' as const }));
    await this.#save({ ...this.#file, keks: [...keks, fresh] });
    return fresh.id;
  }

  async destroyKek(kekId: string): Promise<void> {
    if (kekId === this.currentKekId)
      throw new CurtainError('USAGE', 'cannot destroy the active key-encryption key');
    await this.#save({ ...this.#file, keks: this.#file.keks.filter((k) => k.id !== kekId) });
  }

  signingKey(purpose: SigningPurpose): SigningKey & { readonly privateKey: KeyObject } {
    const active = this.#signing(purpose).find((k) => k.status === 'active' && k.privateKey);
    if (!active) throw new CurtainError('KEY_UNAVAILABLE', `no active ${purpose} key`);
    const key = signingKeyOf(active, purpose);
    return { ...key, privateKey: key.privateKey! };
  }

  verificationKeys(purpose: SigningPurpose): readonly SigningKey[] {
    return this.#signing(purpose).map((k) => signingKeyOf(k, purpose));
  }

  async rotateSigningKey(purpose: SigningPurpose): Promise<string> {
    const fresh = newSigningKey(purpose);
    const retired = this.#signing(purpose).map((k) => ({
      id: k.id,
      createdAt: k.createdAt,
      status: 'retired' as const,
      publicKey: k.publicKey,
    }));
    const signing = {
      'log-signing': this.#signing('log-signing'),
      'receipt-signing': this.#signing('receipt-signing'),
    };
    await this.#save({ ...this.#file, signing: { ...signing, [purpose]: [...retired, fresh] } });
    return fresh.id;
  }

  #signing(purpose: SigningPurpose): StoredSigningKey[] {
    return this.#file.signing?.[purpose] ?? [];
  }

  async recordShred(keyIds: readonly string[]): Promise<void> {
    if (keyIds.length === 0) return;
    const path = join(this.#directory, shredLogName);
    await appendFile(path, keyIds.map((id) => `${id}\n`).join(''), { mode: 0o600 });
    const handle = await openFile(path, 'r');
    await handle.sync().finally(() => handle.close());
    for (const id of keyIds) this.#shredded.add(id);
  }

  shreddedKeyIds(): ReadonlySet<string> {
    return this.#shredded;
  }

  inventory(): readonly KeyInfo[] {
    const info = (k: StoredKey | StoredSigningKey, purpose: KeyInfo['purpose']): KeyInfo => ({
      id: k.id,
      purpose,
      createdAt: k.createdAt,
      status: k.status,
    });
    return [
      ...this.#file.keks.map((k) => info(k, 'key-encryption')),
      info(this.#file.secrets['blind-index'], 'blind-index'),
      info(this.#file.secrets.token, 'token'),
      ...(['avatar-token', 'message-id'] as const).flatMap((purpose) => {
        const stored = this.#file.secrets[purpose];
        return stored === undefined ? [] : [info(stored, purpose)];
      }),
      ...signingPurposes.flatMap((purpose) => this.#signing(purpose).map((k) => info(k, purpose))),
    ];
  }

  async #save(file: KeyFile): Promise<void> {
    await writeAtomically(join(this.#directory, keyFileName), JSON.stringify(file, null, 2));
    this.#file = file;
  }
}
