// Imports customers, accounts with owners, products held and consents from a system of record, in chunks.
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { AccountDirectory } from '../accounts/account-directory.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import { emptyOutcome, quarantine, type ChunkOutcome } from './chunk.ts';
import { readAccount } from './accounts-import.ts';
import { readConsent } from './consents-import.ts';
import { CustomerWriter } from './customer-writer.ts';
import { readCustomer } from './customers-import.ts';
import {
  prepareAccounts,
  prepareConsents,
  prepareProducts,
  type HoldingsDependencies,
} from './holdings-writer.ts';
import { assertImportAllowed } from './import-gate.ts';
import { isMalformed, readImportCsv, type ImportRecord } from './import-csv.ts';
import type { ImportKind, ImportMapping } from './import-mapping.ts';
import { CellReader, isProblem, problem } from './import-rows.ts';
import {
  finishImportBatch,
  openImportBatch,
  quarantineOf,
  quarantineRows,
  type BatchCounts,
  type ImportBatchKind,
  type QuarantinedRow,
  updateImportBatchCounts,
} from './import-store.ts';
import { readProduct } from './products-import.ts';

export interface ImportProgress {
  readonly rowsRead: number;
  readonly bytesRead: number;
}

export interface ImportOptions {
  readonly sourceName: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportSummary extends BatchCounts {
  readonly batchId: number;
  readonly kind: ImportBatchKind;
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
  /** Whether this is a demo vault, which takes no imports; the composition root wires the vault-kind check. */
  readonly isDemoVault: () => Promise<boolean>;
  readonly now?: () => Date;
}

type ChunkWrite = (tx: SqlExecutor) => Promise<unknown>;

const rowsPerChunk = 500;
const quarantineShown = 100;

/** Counts bytes as they pass, for the progress bar. */
async function* counted(
  input: AsyncIterable<unknown>,
  onBytes: (n: number) => void,
): AsyncGenerator<unknown> {
  for await (const chunk of input) {
    if (chunk instanceof Uint8Array || typeof chunk === 'string') onBytes(chunk.length);
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
    await assertImportAllowed(this.#deps.isDemoVault);
    const storage = this.#deps.storage;
    const batchId = await openImportBatch(storage, kind, options.sourceName, 'csv');
    const counts = { rowsRead: 0, rowsStored: 0, rowsUnchanged: 0, rowsQuarantined: 0 };
    let bytesRead = 0;
    try {
      let pending: ImportRecord[] = [];
      let pendingProblems: QuarantinedRow[] = [];
      const flush = async () => {
        const outcome = emptyOutcome();
        outcome.quarantined.push(...pendingProblems);
        const read = pending.length + pendingProblems.length;
        await this.#applyChunk(kind, mapping, batchId, pending, outcome, (write) =>
          this.#commit(batchId, read, outcome, counts, write),
        );
        pending = [];
        pendingProblems = [];
        options.onProgress?.({ rowsRead: counts.rowsRead, bytesRead });
      };
      for await (const batch of readImportCsv(
        counted(input, (n) => (bytesRead += n)),
        mapping,
      )) {
        for (const record of batch) {
          if (isMalformed(record))
            pendingProblems.push({
              line: record.line,
              field: 'row',
              code: record.code,
              reason: record.reason,
            });
          else pending.push(record);
          if (pending.length + pendingProblems.length >= rowsPerChunk) await flush();
        }
      }
      if (pending.length + pendingProblems.length > 0) await flush();
    } catch (error) {
      await finishImportBatch(storage, batchId, 'failed', counts);
      throw error;
    }
    return this.#finish(kind, batchId, options.sourceName, counts);
  }

  async #finish(
    kind: ImportBatchKind,
    batchId: number,
    sourceName: string,
    counts: BatchCounts,
  ): Promise<ImportSummary> {
    const storage = this.#deps.storage;
    const status = counts.rowsRead > 0 && counts.rowsQuarantined === counts.rowsRead ? 'failed' : 'done';
    await finishImportBatch(storage, batchId, status, counts);
    const quarantine = (await quarantineOf(storage, batchId)).slice(0, quarantineShown);
    return { batchId, kind, sourceName, ...counts, quarantine };
  }

  /** Parses, applies and records one chunk in one transaction (the consent ledger commits its own first). */
  async #applyChunk(
    kind: ImportKind,
    mapping: ImportMapping,
    batchId: number,
    records: readonly ImportRecord[],
    outcome: ChunkOutcome,
    commit: (write: ChunkWrite) => Promise<void>,
  ): Promise<void> {
    const cells = new CellReader(mapping);
    const today = this.#now().toISOString().slice(0, 10);
    const parse = <Row>(read: (record: ImportRecord) => Row | ReturnType<typeof problem>): Row[] => {
      const rows: Row[] = [];
      for (const record of records) {
        const row = read(record);
        if (isProblem(row)) quarantine(outcome, record.line, row);
        else rows.push(row);
      }
      return rows;
    };
    let write: ChunkWrite;
    let after: (() => void) | undefined;
    switch (kind) {
      case 'customers':
        write = await this.#customers.prepare(
          parse((r) => readCustomer(r, cells, today)),
          outcome,
        );
        break;
      case 'accounts': {
        const prepared = await prepareAccounts(
          this.#holdings,
          parse((r) => readAccount(r, cells)),
          outcome,
        );
        write = async (tx) => (after = await prepared(tx));
        break;
      }
      case 'products':
        write = await prepareProducts(
          this.#holdings,
          parse((r) => readProduct(r, cells)),
          outcome,
        );
        break;
      case 'consents': {
        const prepared = await prepareConsents(
          this.#holdings,
          parse((r) => readConsent(r, cells, this.#now())),
          outcome,
        );
        await prepared.record();
        write = (tx) => prepared.write(tx, batchId);
        break;
      }
      default:
        kind satisfies never;
        return;
    }
    await commit(write);
    after?.();
  }

  async #commit(
    batchId: number,
    read: number,
    outcome: ChunkOutcome,
    counts: { rowsRead: number; rowsStored: number; rowsUnchanged: number; rowsQuarantined: number },
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
