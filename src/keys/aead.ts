// AES-256-GCM sealing with a bound context (AAD): the one encryption primitive of the vault.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const nonceLength = 12;
const tagLength = 16;

/** Returns nonce ‖ ciphertext ‖ tag. The context must be given again to open. */
export function seal(key: Uint8Array, plaintext: Uint8Array, context: string): Buffer {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens a sealed box; throws if the key, the context or a single byte is wrong. */
export function open(key: Uint8Array, sealed: Uint8Array, context: string): Buffer {
  const box = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (box.length < nonceLength + tagLength) throw new Error('sealed box too short');
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, nonceLength), {
    authTagLength: tagLength,
  });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(box.subarray(box.length - tagLength));
  return Buffer.concat([
    decipher.update(box.subarray(nonceLength, box.length - tagLength)),
    decipher.final(),
  ]);
}
