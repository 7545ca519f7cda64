// Ingest and import batches in the transparency log: source, status, row counts as bands, and an HMAC of the file
// under a vault key (a bare hash would let anyone confirm a guess of a small file's contents).
import { createHmac, hkdfSync, type Hmac } from 'node:crypto';
import type { AuditSink } from '../../core/audit-event.ts';

/** The key of file HMACs, derived from the vault's token secret (no new key to manage or back up). */
export function fileHmacKey(tokenKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', tokenKey, Buffer.alloc(0), 'curtain batch file hmac v1', 32));
}

/** A running HMAC-SHA256 of a file's bytes under the vault's file HMAC key: `update` with each chunk, then `digest`. */
export function fileHmac(tokenKey: Uint8Array): Hmac {
  return createHmac('sha256', fileHmacKey(tokenKey));
}

/**
 * A count as the log shows it: its order of magnitude ("0", "1-9", "10-99", "100-999", …). The exact counts stay
 * in the vault's private tables: one statement per customer would otherwise publish how many payments a person
 * made (docs/transparency-log.md).
 */
export function countBand(count: number): string {
  if (count <= 0) return '0';
  const low = 10 ** Math.floor(Math.log10(count));
  return low === 1 ? '1-9' : `${low}-${low * 10 - 1}`;
}

export interface LoggedBatch {
  /** `ingest` for statements; `import` for customers, accounts, products, consents. */
  readonly kind: 'ingest' | 'import';
  /** What the batch loads: `statements`, `customers`, `accounts`, `products`, `consents`. */
  readonly subject: string;
  readonly batchId: number;
  /** The file's name as given; logged as its HMAC too (a file name can name a person). */
  readonly source: string;
  /** The file's format: csv, camt053, ofx, fdx, ndjson, generated… */
  readonly format: string;
  readonly status: string;
  /** Row counts by what happened to them (read, stored, duplicates, quarantined…): logged as bands. */
  readonly rows: { readonly [what: string]: number };
  /** HMAC-SHA256 of the file's bytes under `fileHmacKey` (see `fileHmac`); absent for generated batches. */
  readonly fileHmac?: Buffer;
}

/**
 * Records one batch in the transparency log. The import engineer's batches call this too, with kind `import`,
 * so that every load of the vault is in the log the same way.
 */
export async function logBatch(audit: AuditSink, tokenKey: Uint8Array, batch: LoggedBatch): Promise<void> {
  const key = fileHmacKey(tokenKey);
  const rows = Object.fromEntries(Object.entries(batch.rows).map(([what, n]) => [what, countBand(n)]));
  await audit.record([
    {
      type: batch.kind === 'ingest' ? 'ingest.batch' : 'import.batch',
      details: {
        subject: batch.subject,
        batch: batch.batchId,
        format: batch.format,
        status: batch.status,
        sourceHmac: createHmac('sha256', key).update(batch.source).digest('base64'),
        rows,
        ...(batch.fileHmac === undefined ? {} : { fileHmac: batch.fileHmac.toString('base64') }),
      },
    },
  ]);
}
