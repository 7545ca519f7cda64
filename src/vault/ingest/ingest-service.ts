// Ingestion: statement events in, categorised, scrubbed, tokenised and deduplicated rows out, by COPY.
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CurtainError } from '../../core/errors.ts';
import type {
  AccountIdentifier,
  FileNotice,
  RejectedRow,
  StatementEvent,
  StatementFormat,
  StatementTransaction,
} from '../../core/transaction.ts';
import { describeLocation } from '../../core/transaction.ts';
import { defaultCategoriser, type Categoriser } from '../../core/categorize.ts';
import { scrubFreeText, scrubMemo } from '../../privacy/scrub.ts';
import { normalise, Tokeniser } from '../../privacy/keyed-digest.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';
import type { AccountDirectory, AccountRecord } from '../accounts/account-directory.ts';
import { IngestBatchStore } from './batch-store.ts';
import { contentFingerprint, contentKey, OccurrenceCounter, referenceKey } from './dedup-key.ts';
import { detectFormat } from './formats/detect.ts';
import { parsers } from './formats/index.ts';
import type { CsvMapping } from './formats/csv-mapping.ts';

export const transactionColumns = [
  'account_id',
  'customer_id',
  'batch_id',
  'booking_date',
  'value_date',
  'amount_minor',
  'currency',
  'direction',
  'mcc',
  'category',
  'merchant_name',
  'description',
  'counterparty_token',
  'counterparty_account_token',
  'external_id',
  'dedup_key',
] as const;

const quarantineColumns = ['batch_id', 'location', 'field', 'reason_code', 'reason', 'excerpt'] as const;

export interface IngestSummary {
  readonly batchId: number;
  readonly sourceName: string;
  readonly format: BatchSource;
  readonly status: 'done' | 'failed' | 'not_a_statement';
  readonly read: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly quarantined: number;
  readonly uncategorised: number;
  readonly accountsCreated: number;
  /** Accounts that no customer holds yet: stored, waiting for the system of record to link them. */
  readonly accountsUnlinked: number;
  readonly notices: readonly FileNotice[];
}

export interface IngestProgress {
  readonly rowsRead: number;
  readonly bytesRead?: number;
}

/** Where a batch came from: a statement format, or the demo-bank generator. */
export type BatchSource = StatementFormat | 'generated';

export interface IngestOptions {
  readonly sourceName: string;
  readonly format: BatchSource;
  readonly fileSha256?: Buffer;
  /** New accounts found in the file are linked to this customer; otherwise they stay unlinked. */
  readonly customerId?: number;
  readonly chunkRows?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
}

export interface FileIngestOptions extends Omit<IngestOptions, 'format' | 'fileSha256'> {
  readonly format?: StatementFormat;
  readonly mapping?: CsvMapping;
  readonly defaultCurrency?: string;
}

export interface IngestServiceOptions {
  /** The shipped category rules unless the bank adds its own (docs/categories.md). */
  readonly categoriser?: Categoriser;
}

const uniqueViolation = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === uniqueViolation
  );
}

const excerptLength = 120;

/** A load of at least this many rows refreshes the planner's statistics of the transactions table. */
const analyzeAfterRows = 50_000;

export class IngestService {
  readonly #storage: Storage;
  readonly #accounts: AccountDirectory;
  readonly #counterpartyNames: Tokeniser;
  readonly #counterpartyAccounts: Tokeniser;
  readonly #categoriser: Categoriser;
  /** The batches loaded so far, and their quarantined rows. */
  readonly batches: IngestBatchStore;

  constructor(
    storage: Storage,
    accounts: AccountDirectory,
    tokenKey: Uint8Array,
    options: IngestServiceOptions = {},
  ) {
    this.#storage = storage;
    this.#categoriser = options.categoriser ?? defaultCategoriser;
    this.batches = new IngestBatchStore(storage);
    this.#accounts = accounts;
    this.#counterpartyNames = new Tokeniser(tokenKey, 'counterparty-name');
    this.#counterpartyAccounts = new Tokeniser(tokenKey, 'counterparty-account');
  }

  /** Ingests a file: detects the format, hashes and parses it as a stream. */
  async ingestStream(input: Readable, options: FileIngestOptions): Promise<IngestSummary> {
    const hash = createHash('sha256');
    let bytesRead = 0;
    const head = await peek(input, 4096);
    const format = options.format ?? detectFormat(head.bytes, options.sourceName);
    if (format === undefined) {
      throw new CurtainError(
        'INGEST_FORMAT_UNKNOWN',
        `cannot tell the format of ${options.sourceName}: pass --format`,
      );
    }
    if (format === 'csv' && options.mapping === undefined) {
      throw new CurtainError(
        'MAPPING_INVALID',
        'CSV files need a column mapping: pass --mapping <file.json>',
      );
    }
    const counted = new PassThrough();
    head.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytesRead += chunk.length;
    });
    head.stream.on('error', (error) => counted.destroy(error));
    head.stream.pipe(counted);
    const parsed = parsers[format](counted, {
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.defaultCurrency ? { defaultCurrency: options.defaultCurrency } : {}),
    });
    // A parser may stop early (an invalid file); reading the rest keeps the recorded hash that of the
    // whole file and lets an HTTP upload finish before the response.
    async function* events(): AsyncGenerator<StatementEvent> {
      yield* parsed;
      if (!head.stream.readableEnded) {
        head.stream.unpipe(counted);
        head.stream.resume();
        await finished(head.stream);
      }
    }
    const { onProgress } = options;
    return this.ingestEvents(events(), {
      ...options,
      format,
      ...(onProgress ? { onProgress: (p: IngestProgress) => onProgress({ ...p, bytesRead }) } : {}),
      fileSha256Later: () => hash.digest(),
    });
  }

  /** Ingests parsed statement events; used by file ingest and by the demo-bank loader. */
  async ingestEvents(
    events: AsyncIterable<StatementEvent> | Iterable<StatementEvent>,
    options: IngestOptions & { readonly fileSha256Later?: () => Buffer },
  ): Promise<IngestSummary> {
    const batch = await this.#storage.query<{ id: number }>(
      'INSERT INTO ingest_batches (source_name, format, taxonomy_version) VALUES ($1, $2, $3) RETURNING id',
      [options.sourceName, options.format, this.#categoriser.version],
    );
    const run = newRun(batch.rows[0]!.id);
    const chunkRows = options.chunkRows ?? 50_000;
    try {
      for await (const event of events) {
        take(run, event);
        if (run.pending.length >= chunkRows || run.quarantine.length >= chunkRows)
          await this.#flush(run, options);
      }
      await this.#flush(run, options);
      await run.inFlight;
    } catch (error) {
      await run.inFlight.catch(() => undefined);
      await this.#finish(run.batchId, 'failed', { ...run.counts }, [
        ...run.notices,
        { kind: 'invalid-file', message: error instanceof Error ? error.message : String(error) },
      ]);
      throw error;
    }

    const { batchId, counts, notices } = run;
    const status = batchStatus(counts.read, notices);
    await this.#finish(batchId, status, counts, notices, options.fileSha256Later?.() ?? options.fileSha256);
    // After a bulk load the planner's statistics are stale, and PGlite has no autovacuum to refresh them:
    // without them a keyset page (`id > $1 ORDER BY id LIMIT n`) sorts the rest of the table every time.
    if (counts.stored >= analyzeAfterRows) await this.#storage.exec('ANALYZE transactions');
    return {
      batchId,
      sourceName: options.sourceName,
      format: options.format,
      status,
      ...counts,
      accountsCreated: run.accountsCreated,
      accountsUnlinked: run.unlinked.size,
      notices,
    };
  }

  /**
   * Resolves the accounts seen so far, turns the pending transactions into rows and starts storing them, and
   * stores the quarantined rows.
   */
  async #flush(run: IngestRun, options: IngestOptions): Promise<void> {
    if (run.pendingAccounts.size > 0) {
      const resolved = await this.#accounts.resolveMany(
        this.#storage,
        run.pendingAccounts.values(),
        options.customerId ?? null,
      );
      run.accountsCreated += resolved.created;
      for (const record of resolved.records.values())
        if (record.customerId === null) run.unlinked.add(record.id);
      run.pendingAccounts.clear();
      if (run.pending.length > 0) {
        const { pending, counts } = run;
        const rows: string[] = new Array<string>(pending.length);
        for (let i = 0; i < pending.length; i++) {
          const tx = pending[i]!;
          const account = resolved.records.get(normalise.accountNumber(tx.account.value))!;
          const row = this.#row(tx, account, run.batchId, run.occurrences);
          if (row.category === 'uncategorised') counts.uncategorised++;
          rows[i] = row.line;
        }
        // One chunk is stored while the next is parsed: the server works while this process does.
        await run.inFlight;
        run.inFlight = this.#storeChunk(rows).then((outcome) => {
          counts.stored += outcome.stored;
          counts.duplicates += rows.length - outcome.stored;
        });
        run.inFlight.catch(() => undefined);
        run.pending = [];
      }
    }
    if (run.quarantine.length > 0) {
      await this.#storage.copyFrom('quarantine', quarantineColumns, run.quarantine);
      run.quarantine = [];
    }
    options.onProgress?.({ rowsRead: run.counts.read });
  }

  #row(
    tx: StatementTransaction,
    account: AccountRecord,
    batchId: number,
    occurrences: OccurrenceCounter,
  ): { line: string; category: string } {
    const merchant = tx.merchantName === undefined ? undefined : scrubMemo(tx.merchantName);
    const description = tx.description === undefined ? undefined : scrubMemo(tx.description);
    const category =
      tx.category ??
      this.#categoriser.categorize({
        direction: tx.direction,
        ...(tx.mcc === undefined ? {} : { mcc: tx.mcc }),
        ...(merchant === undefined ? {} : { merchantName: merchant }),
        ...(description === undefined ? {} : { description }),
        ...(tx.counterpartyName === undefined ? {} : { counterpartyName: tx.counterpartyName }),
      });
    const dedupKey =
      tx.bankReference !== undefined && tx.bankReference !== ''
        ? referenceKey(tx.bankReference)
        : (() => {
            const fingerprint = contentFingerprint(tx);
            return contentKey(fingerprint, occurrences.next(String(account.id), fingerprint, tx.bookingDate));
          })();
    const mcc = tx.mcc === undefined ? null : Number(tx.mcc);
    const line = copyRow([
      account.id,
      account.customerId,
      batchId,
      tx.bookingDate,
      tx.valueDate ?? null,
      tx.amountMinor,
      tx.currency,
      tx.direction === 'debit' ? 'D' : 'C',
      Number.isInteger(mcc) ? mcc : null,
      category,
      merchant ?? null,
      description ?? null,
      tx.counterpartyName ? this.#counterpartyNames.token(normalise.name(tx.counterpartyName)) : null,
      tx.counterpartyAccount
        ? this.#counterpartyAccounts.token(normalise.accountNumber(tx.counterpartyAccount))
        : null,
      tx.bankReference ?? null,
      dedupKey,
    ]);
    return { line, category };
  }

  /**
   * Stores one chunk in its own transaction. The fast path is a plain COPY; if any row is already
   * stored (a re-run, an overlapping statement) the chunk goes through a staging table instead and
   * only new rows are inserted. Committing per chunk keeps progress across a crash: a re-run adds
   * only what is missing.
   */
  async #storeChunk(rows: readonly string[]): Promise<{ stored: number }> {
    try {
      const stored = await this.#storage.transaction((tx) =>
        tx.copyFrom('transactions', transactionColumns, rows),
      );
      return { stored };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return this.#storage.transaction(async (tx) => ({ stored: await mergeThroughStaging(tx, rows) }));
  }

  async #finish(
    batchId: number,
    status: IngestSummary['status'],
    counts: IngestCounts,
    notices: readonly FileNotice[],
    fileSha256?: Buffer,
  ): Promise<void> {
    await this.#storage.query(
      `UPDATE ingest_batches SET status = $2, finished_at = now(), rows_read = $3, rows_stored = $4,
              rows_duplicate = $5, rows_quarantined = $6, rows_uncategorised = $7, notice = $8, file_sha256 = $9
        WHERE id = $1`,
      [
        batchId,
        status,
        counts.read,
        counts.stored,
        counts.duplicates,
        counts.quarantined,
        counts.uncategorised,
        notices.map((n) => n.message).join('; ') || null,
        fileSha256 ?? null,
      ],
    );
  }
}

interface IngestCounts {
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  uncategorised: number;
}

/** One ingest into one batch: what waits to be stored, and the counts so far. */
interface IngestRun {
  readonly batchId: number;
  readonly counts: IngestCounts;
  readonly notices: FileNotice[];
  readonly occurrences: OccurrenceCounter;
  /** Accounts seen since the last flush, by normalised number. */
  readonly pendingAccounts: Map<string, AccountIdentifier>;
  /** Accounts that no customer holds yet. */
  readonly unlinked: Set<number>;
  pending: StatementTransaction[];
  quarantine: string[];
  accountsCreated: number;
  /** The chunk being stored while the next one is parsed. */
  inFlight: Promise<void>;
}

function newRun(batchId: number): IngestRun {
  return {
    batchId,
    counts: { read: 0, stored: 0, duplicates: 0, quarantined: 0, uncategorised: 0 },
    notices: [],
    occurrences: new OccurrenceCounter(),
    pendingAccounts: new Map(),
    unlinked: new Set(),
    pending: [],
    quarantine: [],
    accountsCreated: 0,
    inFlight: Promise.resolve(),
  };
}

/** Takes one parsed event into the run. */
function take(run: IngestRun, event: StatementEvent): void {
  switch (event.kind) {
    case 'account':
      noteAccount(run, event.account);
      break;
    case 'transaction':
      run.counts.read++;
      noteAccount(run, event.transaction.account);
      run.pending.push(event.transaction);
      break;
    case 'reject':
      run.counts.read++;
      run.counts.quarantined++;
      run.quarantine.push(quarantineRow(run.batchId, event.reject));
      break;
    case 'notice':
      run.notices.push(event.notice);
      break;
    default:
      event satisfies never;
  }
}

function noteAccount(run: IngestRun, identifier: AccountIdentifier): void {
  const key = normalise.accountNumber(identifier.value);
  if (!run.pendingAccounts.has(key)) run.pendingAccounts.set(key, identifier);
}

/** A batch that read rows is done; one that read none failed, was not a statement, or was empty. */
function batchStatus(read: number, notices: readonly FileNotice[]): IngestSummary['status'] {
  return read > 0
    ? 'done'
    : notices.some((n) => n.kind === 'invalid-file')
      ? 'failed'
      : notices.some((n) => n.kind === 'not-a-statement' || n.kind === 'investment-statement')
        ? 'not_a_statement'
        : 'done';
}

async function mergeThroughStaging(tx: SqlExecutor, rows: readonly string[]): Promise<number> {
  await tx.exec(
    `CREATE TEMP TABLE IF NOT EXISTS ingest_staging ON COMMIT DROP AS
       SELECT ${transactionColumns.join(', ')} FROM transactions WITH NO DATA`,
  );
  await tx.copyFrom('ingest_staging', transactionColumns, rows);
  const inserted = await tx.query(
    `INSERT INTO transactions (${transactionColumns.join(', ')})
     SELECT ${transactionColumns.join(', ')} FROM ingest_staging
     ON CONFLICT (account_id, dedup_key) DO NOTHING`,
  );
  return inserted.affectedRows;
}

function quarantineRow(batchId: number, reject: RejectedRow): string {
  return copyRow([
    batchId,
    describeLocation(reject.location),
    reject.field,
    reject.code,
    reject.reason,
    reject.excerpt === undefined ? null : scrubFreeText(reject.excerpt).slice(0, excerptLength),
  ]);
}

/** Reads the first bytes of a stream for format detection and returns a stream that still yields them. */
async function peek(input: Readable, size: number): Promise<{ bytes: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = true;
  for await (const chunk of input.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(buffer);
    length += buffer.length;
    if (length >= size) {
      ended = false;
      break;
    }
  }
  const bytes = Buffer.concat(chunks);
  const stream = new PassThrough();
  if (ended) {
    stream.end(bytes);
  } else {
    stream.write(bytes);
    input.on('error', (error) => stream.destroy(error));
    input.pipe(stream);
  }
  return { bytes: bytes.subarray(0, size), stream };
}
