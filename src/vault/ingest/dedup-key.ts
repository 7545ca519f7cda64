// The deduplication key of a transaction within its account: what makes re-ingestion idempotent.
import { hash } from 'node:crypto';
import { detach } from '../../core/detach.ts';
import type { ByteaHex } from '../../storage/postgres-core/copy-text.ts';
import type { StatementTransaction } from '../../core/transaction.ts';

const keyHexLength = 32;

/**
 * With a bank reference (camt AcctSvcrRef, OFX FITID, FDX transactionId, CSV reference column) the key
 * is that reference. Without one, it is a hash of the content plus the occurrence ordinal of that same
 * content within the file, so that two genuine identical payments on one day are both kept while the
 * same file, or an overlapping statement covering whole days, adds nothing.
 */
export function referenceKey(reference: string): ByteaHex {
  return { byteaHex: hash('sha256', `ref\u0000${reference}`, 'hex').slice(0, keyHexLength) };
}

export function contentFingerprint(tx: StatementTransaction): string {
  return [
    tx.bookingDate,
    tx.direction,
    tx.amountMinor,
    tx.currency,
    tx.merchantName ?? '',
    tx.description ?? '',
    tx.counterpartyName ?? '',
    tx.counterpartyAccount ?? '',
  ].join('\u0000');
}

export function contentKey(fingerprint: string, occurrence: number): ByteaHex {
  return {
    byteaHex: hash('sha256', `content\u0000${fingerprint}\u0000${occurrence}`, 'hex').slice(0, keyHexLength),
  };
}

const dayMs = 86_400_000;

/**
 * Counts occurrences of identical reference-less rows in one file, per account. Statement files are in
 * date order, so entries older than a week behind the newest date are forgotten and memory stays
 * constant; a row that arrives older than that switches forgetting off, trading memory for correctness.
 */
export class OccurrenceCounter {
  readonly #counts = new Map<string, number>();
  readonly #horizonDays: number;
  #newestDay = -Infinity;
  #forgetting = true;
  #sinceSweep = 0;

  constructor(horizonDays = 7) {
    this.#horizonDays = horizonDays;
  }

  next(accountKey: string, fingerprint: string, bookingDate: string): number {
    const day = Date.parse(bookingDate) / dayMs;
    if (day > this.#newestDay) this.#newestDay = day;
    else if (this.#forgetting && day < this.#newestDay - this.#horizonDays) this.#forgetting = false;
    const key = detach(`${accountKey}\u0001${fingerprint}`);
    const occurrence = this.#counts.get(key) ?? 0;
    this.#counts.set(key, occurrence + 1);
    if (this.#forgetting && ++this.#sinceSweep >= 50_000) this.#sweep();
    return occurrence;
  }

  get size(): number {
    return this.#counts.size;
  }

  #sweep(): void {
    this.#sinceSweep = 0;
    const oldest = this.#newestDay - this.#horizonDays;
    for (const key of this.#counts.keys()) {
      const date = key.slice(key.indexOf('\u0001') + 1, key.indexOf('\u0001') + 11);
      if (Date.parse(date) / dayMs < oldest) this.#counts.delete(key);
    }
  }
}
