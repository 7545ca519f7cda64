// Keyed digests (HMAC-SHA256, 16 bytes): blind indexes and tokens that reveal nothing without the key.
import { createHmac } from 'node:crypto';
import { detach } from '../core/detach.ts';

export const digestLength = 16;

/** A digest of `value` under `key`, separated by `domain` so that one value hashes differently per use. */
export function keyedDigest(key: Uint8Array, domain: string, value: string): Buffer {
  return createHmac('sha256', key)
    .update(domain)
    .update('\u0000')
    .update(value)
    .digest()
    .subarray(0, digestLength);
}

/**
 * Tokenises repeated values (counterparty names, account numbers) with a bounded memo:
 * the same few thousand counterparties recur across millions of transactions.
 */
export class Tokeniser {
  readonly #key: Uint8Array;
  readonly #domain: string;
  readonly #memo = new Map<string, Buffer>();
  readonly #limit: number;

  constructor(key: Uint8Array, domain: string, limit = 10_000) {
    this.#key = key;
    this.#domain = domain;
    this.#limit = limit;
  }

  token(value: string): Buffer {
    let token = this.#memo.get(value);
    if (token === undefined) {
      token = keyedDigest(this.#key, this.#domain, value);
      if (this.#memo.size >= this.#limit) this.#memo.clear();
      this.#memo.set(detach(value), token);
    }
    return token;
  }
}

/** Normalisations applied before a value is digested, so that lookups match however it was typed. */
export const normalise = {
  email: (email: string) => email.trim().toLowerCase(),
  externalId: (id: string) => id.trim(),
  accountNumber: (number: string) => number.replace(/[\s-]/g, '').toUpperCase(),
  name: (name: string) => name.trim().replace(/\s+/g, ' ').toUpperCase(),
};
