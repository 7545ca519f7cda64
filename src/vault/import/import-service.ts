// Imports customers, accounts with owners, products held and consents from a system of record, in chunks.
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { AccountDirectory } from '../accounts/account-directory.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import { emptyOutcome, quarantine, type ChunkOutcome } from './chunk.ts';
import { readAccount, type ImportedAccount } from './accounts-import.ts';
import { readConsent, type ImportedConsent } from './consents-import.ts';
import { readFdxFile } from './fdx-import.ts';
import { CustomerWriter } from './customer-writer.ts';
import { readCustomer, type ImportedCustomer } from './customers-import.ts';
import {
  prepareAccounts,
  prepareConsents,
  prepareProducts,
  type HoldingsDependencies,
} from './holdings-writer.ts';
import { requireRealVault } from '../vault-kind.ts';
import { fileHmac, logBatch } from '../ingest/batch-log.ts';
import type { Hmac } from 'node:crypto';
import type { AuditSink } from '../../core/audit-event.ts';
import { isMalformed, readImportCsv, type ImportRecord } from './import-csv.ts';
import type { ImportKind, ImportMapping } from './import-mapping.ts';
import { CellReader, isProblem, type RowProblem } from './import-rows.ts';
import {
  finishImportBatch,
  openImportBatch,
  quarantineOf,
  quarantineRows,
  resumeImportBatch,
  startImportBatch,
  type BatchCounts,
  type ImportBatchKind,
  type QuarantinedRow,
  updateImportBatchCounts,
} from './import-store.ts';
import type { BatchStatus } from '../ingest/batch-store.ts';
import { readProduct, type ImportedProduct } from './products-import.ts';

export interface ImportProgress {
  readonly rowsRead: number;
  readonly bytesRead: number;
}

export interface ImportOptions {
  readonly sourceName: string;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Rows per transaction (default 500): each chunk is committed with its quarantine and the batch's totals. */
  readonly rowsPerChunk?: number;
  /**
   * Takes up this interrupted batch (of the same kind) with the same file: the file is read again from its start,
   * the rows the killed run stored stay counted once, and the batch ends as if it had never stopped.
   */
  readonly resumeBatchId?: number;
  /** When this vault is one shard of a group: only the rows of customers it holds are imported here. */
  readonly shard?: ImportShard;
}

/** A shard's share of a file every shard reads: rows routed by their customer's external id. */
export interface ImportShard {
  /** Whether this shard holds the customer with this external id (`shardOf` under the group's shard key). */
  owns(externalId: string): boolean;
  /** Whether rows with no external id to route by (malformed, or the column empty) are quarantined here. */
  readonly keepsUnroutable: boolean;
}

/** The field naming the customer a row of each kind belongs to. */
const ownerField: Record<ImportKind, string> = {
  customers: 'externalId',
  accounts: 'ownerExternalId',
  products: 'ownerExternalId',
  consents: 'ownerExternalId',
};

/** Whether a shard imports a row: its customer is the shard's, or it has none and the shard keeps those. */
function shardTakes(shard: ImportShard | undefined, externalId: string | undefined): boolean {
  if (shard === undefined) return true;
  return externalId === undefined || externalId === '' ? shard.keepsUnroutable : shard.owns(externalId);
}

export interface ImportSummary extends BatchCounts {
  readonly batchId: number;
  readonly kind: ImportBatchKind;
  /** done; partial when some rows were quarantined; failed when no row of the file is in the tables. */
  readonly status: Exclude<BatchStatus, 'received' | 'running' | 'interrupted'>;
  readonly sourceName: string;
  /** The first quarantined rows (line, field, reason), never their values. */
  readonly quarantine: readonly QuarantinedRow[];
}

export interface ImportServiceDependencies {
  readonly storage: Storage;
  readonly keys: KeyProvider;
  readonly identity: IdentityStore;
  readonly accounts: AccountDirectory;
  readonly consent: ConsentLedger;
  /** Where each batch is recorded (source, status, row counts as bands, an HMAC of the file). */
  readonly audit: AuditSink;
  readonly now?: () => Date;
}

type ChunkWrite = (tx: SqlExecutor) => Promise<unknown>;

type ParsedRows =
  | { readonly kind: 'customers'; readonly rows: ImportedCustomer[] }
  | { readonly kind: 'accounts'; readonly rows: ImportedAccount[] }
  | { readonly kind: 'products'; readonly rows: ImportedProduct[] }
  | { readonly kind: 'consents'; readonly rows: ImportedConsent[] };

type Counts = { rowsRead: number; rowsStored: number; rowsUnchanged: number; rowsQuarantined: number };

const rowsPerChunk = 500;
const quarantineShown = 100;

function chunksOf<T>(rows: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Counts bytes as they pass, for the progress bar, and feeds them to the file's HMAC for the log. */
async function* counted(
  input: AsyncIterable<unknown>,
  onBytes: (n: number) => void,
  hmac: Hmac,
): AsyncGenerator<unknown> {
  for await (const chunk of input) {
    if (chunk instanceof Uint8Array || typeof chunk === 'string') {
      onBytes(chunk.length);
      hmac.update(chunk);
    }
    yield chunk;
  }
}

export class ImportService {
  readonly #deps: ImportServiceDependencies;
  readonly #holdings: HoldingsDependencies;
  readonly #customers: CustomerWriter;

  constructor(deps: ImportServiceDependencies) {
    this.#deps = deps;
    this.#holdings = {
      db: deps.storage,
      identity: deps.identity,
      accounts: deps.accounts,
      consent: deps.consent,
      evidenceKey: deps.keys.secret('blind-index'),
    };
    this.#customers = new CustomerWriter(deps.storage, deps.identity);
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  /** Imports one CSV file of `kind` with its mapping; a re-run of the same file changes nothing. */
  async importCsv(
    kind: ImportKind,
    input: AsyncIterable<unknown>,
    mapping: ImportMapping,
    options: ImportOptions,
  ): Promise<ImportSummary> {
    const storage = this.#deps.storage;
    await requireRealVault(storage, `${kind} file ${options.sourceName}`);
    const { batchId, counts } = await this.#open(kind, options, 'csv');
    const hmac = fileHmac(this.#deps.keys.secret('token'));
    let bytesRead = 0;
    try {
      let pending: ImportRecord[] = [];
      let pendingProblems: QuarantinedRow[] = [];
      const flush = async () => {
        const outcome = emptyOutcome();
        outcome.quarantined.push(...pendingProblems);
        const read = pending.length + pendingProblems.length;
        await this.#apply(this.#parse(kind, mapping, pending, outcome), batchId, outcome, (write) =>
          this.#commit(batchId, read, outcome, counts, write),
        );
        pending = [];
        pendingProblems = [];
        options.onProgress?.({ rowsRead: counts.rowsRead, bytesRead });
      };
      for await (const batch of readImportCsv(
        counted(input, (n) => (bytesRead += n), hmac),
        mapping,
      )) {
        for (const record of batch) {
          if (isMalformed(record)) {
            if (shardTakes(options.shard, undefined))
              pendingProblems.push({
                line: record.line,
                field: 'row',
                code: record.code,
                reason: record.reason,
              });
          } else if (shardTakes(options.shard, record.fields[ownerField[kind]])) pending.push(record);
          if (pending.length + pendingProblems.length >= (options.rowsPerChunk ?? rowsPerChunk))
            await flush();
        }
      }
      if (pending.length + pendingProblems.length > 0) await flush();
    } catch (error) {
      await this.#abandon(batchId, counts);
      throw error;
    }
    return this.#finish(
      kind,
      batchId,
      { source: options.sourceName, format: 'csv', fileHmac: hmac.digest() },
      counts,
    );
  }

  /**
   * Imports an FDX NDJSON file: customers first, then their accounts (owners by holder relationship), then the
   * products their account types stand for. Counts are of records (customers, owner links, products held).
   */
  async importFdx(input: AsyncIterable<unknown>, options: ImportOptions): Promise<ImportSummary> {
    const storage = this.#deps.storage;
    await requireRealVault(storage, `FDX file ${options.sourceName}`);
    const { batchId, counts } = await this.#open('fdx', options, 'fdx-ndjson');
    const hmac = fileHmac(this.#deps.keys.secret('token'));
    let bytesRead = 0;
    try {
      const today = this.#now().toISOString().slice(0, 10);
      const size = options.rowsPerChunk ?? rowsPerChunk;
      const file = await readFdxFile(
        counted(input, (n) => (bytesRead += n), hmac),
        today,
      );
      const steps: ParsedRows[] = [
        ...chunksOf(file.customers, size).map((rows) => ({ kind: 'customers' as const, rows })),
        ...chunksOf(file.accounts, size).map((rows) => ({ kind: 'accounts' as const, rows })),
        ...chunksOf(file.products, size).map((rows) => ({ kind: 'products' as const, rows })),
      ];
      const first = emptyOutcome();
      first.quarantined.push(...file.problems);
      await this.#commit(batchId, file.lines, first, counts, () => Promise.resolve());
      for (const step of steps) {
        const outcome = emptyOutcome();
        await this.#apply(step, batchId, outcome, (write) =>
          this.#commit(batchId, 0, outcome, counts, write),
        );
        options.onProgress?.({ rowsRead: counts.rowsRead, bytesRead });
      }
    } catch (error) {
      await this.#abandon(batchId, counts);
      throw error;
    }
    return this.#finish(
      'fdx',
      batchId,
      { source: options.sourceName, format: 'fdx-ndjson', fileHmac: hmac.digest() },
      counts,
    );
  }

  /** A new batch, or the interrupted one to resume, running in this process, with the counts it starts from. */
  async #open(
    kind: ImportBatchKind,
    options: ImportOptions,
    format: string,
  ): Promise<{ batchId: number; counts: Counts & { priorStored: number } }> {
    const storage = this.#deps.storage;
    const counts = { rowsRead: 0, rowsStored: 0, rowsUnchanged: 0, rowsQuarantined: 0, priorStored: 0 };
    if (options.resumeBatchId !== undefined) {
      const priorStored = await resumeImportBatch(storage, options.resumeBatchId, kind);
      return { batchId: options.resumeBatchId, counts: { ...counts, rowsStored: priorStored, priorStored } };
    }
    const batchId = await openImportBatch(storage, kind, options.sourceName, format);
    await startImportBatch(storage, batchId);
    return { batchId, counts };
  }

  /** A batch stopped by an error: failed when nothing of it is stored, else interrupted (resumable). */
  async #abandon(batchId: number, counts: Counts): Promise<void> {
    const stored = counts.rowsStored > 0;
    await finishImportBatch(
      this.#deps.storage,
      batchId,
      stored ? 'interrupted' : 'failed',
      counts,
      stored ? 'interrupted: the import stopped on an error; resume it with the same file' : null,
    ).catch(() => undefined);
  }

  async #finish(
    kind: ImportBatchKind,
    batchId: number,
    file: { readonly source: string; readonly format: string; readonly fileHmac: Buffer },
    running: Counts & { readonly priorStored: number },
  ): Promise<ImportSummary> {
    const storage = this.#deps.storage;
    const sourceName = file.source;
    // Read again, the rows a killed run stored come back unchanged: they are counted once, as stored.
    const counts: BatchCounts = {
      rowsRead: running.rowsRead,
      rowsStored: running.rowsStored,
      rowsUnchanged: Math.max(0, running.rowsUnchanged - running.priorStored),
      rowsQuarantined: running.rowsQuarantined,
    };
    const status =
      counts.rowsStored + counts.rowsUnchanged === 0
        ? 'failed'
        : counts.rowsQuarantined > 0
          ? 'partial'
          : 'done';
    await finishImportBatch(storage, batchId, status, counts);
    await logBatch(this.#deps.audit, this.#deps.keys.secret('token'), {
      kind: 'import',
      subject: kind === 'fdx' ? 'customers, accounts, products' : kind,
      batchId,
      ...file,
      status,
      rows: {
        read: counts.rowsRead,
        stored: counts.rowsStored,
        unchanged: counts.rowsUnchanged,
        quarantined: counts.rowsQuarantined,
      },
    });
    const quarantine = (await quarantineOf(storage, batchId)).slice(0, quarantineShown);
    return { batchId, kind, status, sourceName, ...counts, quarantine };
  }

  /** Parses one chunk of records of `kind`; rows that cannot be read are quarantined into `outcome`. */
  #parse(
    kind: ImportKind,
    mapping: ImportMapping,
    records: readonly ImportRecord[],
    outcome: ChunkOutcome,
  ): ParsedRows {
    const cells = new CellReader(mapping);
    const today = this.#now().toISOString().slice(0, 10);
    const parse = <Row>(read: (record: ImportRecord) => Row | RowProblem): Row[] => {
      const rows: Row[] = [];
      for (const record of records) {
        const row = read(record);
        if (isProblem(row)) quarantine(outcome, record.line, row);
        else rows.push(row);
      }
      return rows;
    };
    switch (kind) {
      case 'customers':
        return { kind, rows: parse((r) => readCustomer(r, cells, today)) };
      case 'accounts':
        return { kind, rows: parse((r) => readAccount(r, cells)) };
      case 'products':
        return { kind, rows: parse((r) => readProduct(r, cells)) };
      case 'consents':
        return { kind, rows: parse((r) => readConsent(r, cells, this.#now())) };
      default:
        return kind satisfies never;
    }
  }

  /** Applies parsed rows and records the chunk in one transaction (the consent ledger commits its own first). */
  async #apply(
    parsed: ParsedRows,
    batchId: number,
    outcome: ChunkOutcome,
    commit: (write: ChunkWrite) => Promise<void>,
  ): Promise<void> {
    switch (parsed.kind) {
      case 'customers':
        await commit(await this.#customers.prepare(parsed.rows, outcome));
        return;
      case 'accounts': {
        const prepared = await prepareAccounts(this.#holdings, parsed.rows, outcome);
        let remember: (() => void) | undefined;
        await commit(async (tx) => (remember = await prepared(tx)));
        remember?.();
        return;
      }
      case 'products':
        await commit(await prepareProducts(this.#holdings, parsed.rows, outcome));
        return;
      case 'consents': {
        const prepared = await prepareConsents(this.#holdings, parsed.rows, outcome);
        await prepared.record();
        await commit((tx) => prepared.write(tx, batchId));
        return;
      }
      default:
        parsed satisfies never;
    }
  }

  async #commit(
    batchId: number,
    read: number,
    outcome: ChunkOutcome,
    counts: Counts,
    write: ChunkWrite,
  ): Promise<void> {
    await this.#deps.storage.transaction(async (tx) => {
      await write(tx);
      await quarantineRows(tx, batchId, outcome.quarantined);
      const next = {
        rowsRead: counts.rowsRead + read,
        rowsStored: counts.rowsStored + outcome.stored,
        rowsUnchanged: counts.rowsUnchanged + outcome.unchanged,
        rowsQuarantined: counts.rowsQuarantined + outcome.quarantined.length,
      };
      await updateImportBatchCounts(tx, batchId, next);
      Object.assign(counts, next);
    });
  }
}
