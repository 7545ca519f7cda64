// Ingestion: statement events in, categorised, scrubbed, tokenised and deduplicated rows out, by COPY.
import { requireRealVault, vaultKind } from '../vault-kind.ts';
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CurtainError } from '../../core/errors.ts';
import type {
  FileNotice,
  StatementEvent,
  StatementFormat,
  StatementTransaction,
} from '../../core/transaction.ts';
import { defaultCategoriser, type Categoriser } from '../../core/categorize.ts';
import { scrubMemo } from '../../privacy/scrub.ts';
import { normalise, Tokeniser } from '../../privacy/keyed-digest.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';
import type { AccountDirectory, AccountRecord } from '../accounts/account-directory.ts';
import type { AuditSink } from '../../core/audit-event.ts';
import { recordBalances, type BookedBalance } from '../accounts/balance-store.ts';
import { IngestBatchStore, type ChunkCounts } from './batch-store.ts';
import { fileHmac, logBatch } from './batch-log.ts';
import { contentFingerprint, contentKey, type OccurrenceCounter, referenceKey } from './dedup-key.ts';
import {
  accountsToResolve,
  batchStatus,
  newRun,
  retentionLine,
  take,
  unwrittenCounts,
  type IngestCounts,
  type IngestRun,
  type RetentionWindow,
} from './ingest-run.ts';
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
  /** `failed`: no row of the file is in the table; `partial`: some are, some were quarantined or refused. */
  readonly status: 'done' | 'partial' | 'failed';
  readonly read: number;
  /** Rows of the file in the table thanks to this batch (a resumed batch counts its earlier attempts too). */
  readonly stored: number;
  readonly duplicates: number;
  /** Quarantined rows, including those refused for retention. */
  readonly quarantined: number;
  /** Rows booked before the retention window: refused, not stored. */
  readonly pastRetention: number;
  /** "12,004 rows are older than the 7-year retention and were not stored …", when there were any. */
  readonly retention?: string;
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
  /** Takes up this interrupted batch again instead of starting a new one (the same file, read again). */
  readonly resumeBatchId?: number;
}

export interface FileIngestOptions extends Omit<IngestOptions, 'format' | 'fileSha256'> {
  readonly format?: StatementFormat;
  readonly mapping?: CsvMapping;
  readonly defaultCurrency?: string;
}

export interface IngestServiceOptions {
  /** The shipped category rules unless the bank adds its own (docs/categories.md). */
  readonly categoriser?: Categoriser;
  /** The one retention policy: rows booked before its window are refused. None: every date is accepted. */
  readonly retention?: { readonly days: () => Promise<number>; readonly now?: () => Date };
  /** Where each batch is recorded when it ends (source, status, row bands, the file's HMAC). */
  readonly audit?: AuditSink;
}

const uniqueViolation = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === uniqueViolation
  );
}

/** A load of at least this many rows refreshes the planner's statistics of the transactions table. */
const analyzeAfterRows = 50_000;

export class IngestService {
  readonly #storage: Storage;
  readonly #accounts: AccountDirectory;
  readonly #counterpartyNames: Tokeniser;
  readonly #counterpartyAccounts: Tokeniser;
  readonly #categoriser: Categoriser;
  readonly #retention: IngestServiceOptions['retention'];
  readonly #audit: AuditSink | undefined;
  readonly #tokenKey: Uint8Array;
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
    this.#retention = options.retention;
    this.#audit = options.audit;
    this.#tokenKey = tokenKey;
    this.batches = new IngestBatchStore(storage);
    this.#accounts = accounts;
    this.#counterpartyNames = new Tokeniser(tokenKey, 'counterparty-name');
    this.#counterpartyAccounts = new Tokeniser(tokenKey, 'counterparty-account');
  }

  /**
   * Ingests a statement file (the CLI and the HTTP upload both come here): refused in a demo vault with
   * VAULT_IS_DEMO before a byte is stored; an undecided vault becomes real.
   */
  async ingestStream(input: Readable, options: FileIngestOptions): Promise<IngestSummary> {
    try {
      await requireRealVault(this.#storage, `statement file ${options.sourceName}`);
    } catch (error) {
      input.resume();
      throw error;
    }
    return this.#ingestFile(input, options);
  }

  /** Benchmarks only: a file the demo generator wrote, into a demo vault (VAULT_IS_REAL elsewhere). */
  async ingestGeneratedFile(input: Readable, options: FileIngestOptions): Promise<IngestSummary> {
    if ((await vaultKind(this.#storage)) !== 'demo') {
      input.resume();
      throw new CurtainError('VAULT_IS_REAL', 'a generated file goes only into a demo vault');
    }
    return this.#ingestFile(input, options);
  }

  /** Detects the format, hashes and parses the file as a stream. */
  async #ingestFile(input: Readable, options: FileIngestOptions): Promise<IngestSummary> {
    const hash = createHash('sha256');
    const hmac = fileHmac(this.#tokenKey);
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
      hmac.update(chunk);
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
      fileHmacLater: () => hmac.digest(),
    });
  }

  /** Ingests parsed statement events; used by file ingest and by the demo-bank loader. */
  async ingestEvents(
    events: AsyncIterable<StatementEvent> | Iterable<StatementEvent>,
    options: IngestOptions & {
      readonly fileSha256Later?: () => Buffer;
      readonly fileHmacLater?: () => Buffer;
    },
  ): Promise<IngestSummary> {
    let batchId: number;
    let priorStored = 0;
    if (options.resumeBatchId === undefined) {
      batchId = await this.batches.create(options.sourceName, options.format, this.#categoriser.version);
      await this.batches.start(batchId);
    } else {
      batchId = options.resumeBatchId;
      priorStored = await this.batches.resume(batchId);
    }
    const run = newRun(batchId, await this.#retentionWindow());
    const chunkRows = options.chunkRows ?? 50_000;
    try {
      for await (const event of events) {
        take(run, event);
        if (run.pending.length >= chunkRows || run.quarantine.length >= chunkRows)
          await this.#flush(run, options);
      }
      await this.#flush(run, options);
      await run.inFlight;
      await this.#recordBalances(run);
    } catch (error) {
      await run.inFlight.catch(() => undefined);
      const notices = [...run.notices, { kind: 'invalid-file' as const, message: errorMessage(error) }];
      const status = run.counts.stored + priorStored > 0 ? 'partial' : 'failed';
      await this.batches.finish(batchId, {
        status,
        duplicates: Math.max(0, run.counts.duplicates - priorStored),
        notice: noticeText(notices, run),
        fileSha256: null,
      });
      await this.#log(batchId, options, status, run.counts, priorStored, undefined);
      throw error;
    }

    const { counts, notices } = run;
    const status = batchStatus(counts, priorStored, notices) as IngestSummary['status'];
    const duplicates = Math.max(0, counts.duplicates - priorStored);
    const fileSha256 = options.fileSha256Later?.() ?? options.fileSha256 ?? null;
    await this.batches.finish(batchId, { status, duplicates, notice: noticeText(notices, run), fileSha256 });
    await this.#log(batchId, options, status, counts, priorStored, options.fileHmacLater?.());
    // After a bulk load the planner's statistics are stale, and PGlite has no autovacuum to refresh them:
    // without them a keyset page (`id > $1 ORDER BY id LIMIT n`) sorts the rest of the table every time.
    if (counts.stored >= analyzeAfterRows) await this.#storage.exec('ANALYZE transactions');
    const retention = retentionLine(counts.pastRetention, run.retention);
    return {
      batchId,
      sourceName: options.sourceName,
      format: options.format,
      status,
      ...counts,
      stored: counts.stored + priorStored,
      duplicates,
      accountsCreated: run.accountsCreated,
      accountsUnlinked: run.unlinked.size,
      notices,
      ...(retention === undefined ? {} : { retention }),
    };
  }

  /** The balances the file stated, for the accounts the vault knows (an account no row created stays unknown). */
  async #recordBalances(run: IngestRun): Promise<void> {
    if (run.balances.size === 0) return;
    const known: BookedBalance[] = [];
    for (const balance of run.balances.values()) {
      const account = await this.#accounts.find(this.#storage, balance.account);
      if (account !== undefined) known.push({ accountId: account.id, ...balance });
    }
    await recordBalances(this.#storage, known);
  }

  async #log(
    batchId: number,
    options: IngestOptions,
    status: string,
    counts: IngestCounts,
    priorStored: number,
    hmac: Buffer | undefined,
  ): Promise<void> {
    if (this.#audit === undefined) return;
    await logBatch(this.#audit, this.#tokenKey, {
      kind: 'ingest',
      subject: 'statements',
      batchId,
      source: options.sourceName,
      format: options.format,
      status,
      rows: {
        read: counts.read,
        stored: counts.stored + priorStored,
        duplicates: Math.max(0, counts.duplicates - priorStored),
        quarantined: counts.quarantined,
        pastRetention: counts.pastRetention,
      },
      ...(hmac === undefined ? {} : { fileHmac: hmac }),
    });
  }

  /** The window of the one retention policy, read at the start of each batch; none when no policy is wired. */
  async #retentionWindow(): Promise<RetentionWindow | undefined> {
    if (this.#retention === undefined) return undefined;
    const days = await this.#retention.days();
    const today = (this.#retention.now?.() ?? new Date()).toISOString().slice(0, 10);
    const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    return { days, cutoff };
  }

  /**
   * Resolves the accounts the pending transactions need (no others: a file whose rows are all quarantined creates
   * no account), turns the transactions into rows and starts storing them with the quarantined rows and the
   * counts, in one transaction per chunk.
   */
  async #flush(run: IngestRun, options: IngestOptions): Promise<void> {
    const { pending, quarantine } = run;
    if (pending.length === 0 && quarantine.length === 0 && run.counts.read === run.written.read) {
      options.onProgress?.({ rowsRead: run.counts.read });
      return;
    }
    const rows: string[] = new Array<string>(pending.length);
    let uncategorised = 0;
    if (pending.length > 0) {
      const resolved = await this.#accounts.resolveMany(
        this.#storage,
        accountsToResolve(run),
        options.customerId ?? null,
      );
      run.accountsCreated += resolved.created;
      for (const record of resolved.records.values())
        if (record.customerId === null) run.unlinked.add(record.id);
      for (let i = 0; i < pending.length; i++) {
        const tx = pending[i]!;
        const account = resolved.records.get(normalise.accountNumber(tx.account.value))!;
        const row = this.#row(tx, account, run.batchId, run.occurrences);
        if (row.category === 'uncategorised') uncategorised++;
        rows[i] = row.line;
      }
    }
    const counts = unwrittenCounts(run, uncategorised);
    run.counts.uncategorised += uncategorised;
    run.pending = [];
    run.quarantine = [];
    // One chunk is stored while the next is parsed: the server works while this process does.
    await run.inFlight;
    run.inFlight = this.#storeChunk(run.batchId, rows, quarantine, counts).then((stored) => {
      run.counts.stored += stored;
      run.counts.duplicates += rows.length - stored;
    });
    run.inFlight.catch(() => undefined);
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
   * Stores one chunk, its quarantined rows and its counts in one transaction, so that the batch's counts always
   * match the rows in the table, whenever the process stops. The fast path is a plain COPY; if any row is
   * already stored (a re-run, an overlapping statement) the chunk goes through a staging table instead and
   * only new rows are inserted. Committing per chunk keeps progress across a crash: a re-run adds only what
   * is missing. Returns the rows stored.
   */
  async #storeChunk(
    batchId: number,
    rows: readonly string[],
    quarantine: readonly string[],
    counts: Omit<ChunkCounts, 'stored' | 'duplicates'>,
  ): Promise<number> {
    const store = async (tx: SqlExecutor, insert: (tx: SqlExecutor) => Promise<number>) => {
      const stored = rows.length === 0 ? 0 : await insert(tx);
      if (quarantine.length > 0) await tx.copyFrom('quarantine', quarantineColumns, quarantine);
      await this.batches.addChunk(tx, batchId, { ...counts, stored, duplicates: rows.length - stored });
      return stored;
    };
    try {
      return await this.#storage.transaction((tx) =>
        store(tx, (t) => t.copyFrom('transactions', transactionColumns, rows)),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return this.#storage.transaction((tx) => store(tx, (t) => mergeThroughStaging(t, rows)));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The batch's notice: the file's notices, and the retention summary line. */
function noticeText(notices: readonly FileNotice[], run: IngestRun): string | null {
  const lines = notices.map((n) => n.message);
  const retention = retentionLine(run.counts.pastRetention, run.retention);
  if (retention !== undefined) lines.push(retention);
  return lines.join('; ') || null;
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
