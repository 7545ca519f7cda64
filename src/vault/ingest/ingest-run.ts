// One ingest into one batch, in memory: what waits to be stored, the counts so far, and the batch's final status.
import type {
  AccountIdentifier,
  FileNotice,
  RejectedRow,
  StatementBalance,
  StatementEvent,
  StatementTransaction,
} from '../../core/transaction.ts';
import { describeLocation } from '../../core/transaction.ts';
import { normalise } from '../../privacy/keyed-digest.ts';
import { scrubFreeText } from '../../privacy/scrub.ts';
import { copyRow } from '../../storage/postgres-core/copy-text.ts';
import type { BatchStatus, ChunkCounts } from './batch-store.ts';
import { OccurrenceCounter } from './dedup-key.ts';

export interface IngestCounts {
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  /** Rows older than the transaction retention: refused, quarantined with their reason, never stored. */
  pastRetention: number;
  uncategorised: number;
}

/** The oldest booking date ingest accepts, and the retention it follows. */
export interface RetentionWindow {
  readonly days: number;
  /** YYYY-MM-DD: rows booked before it are refused. */
  readonly cutoff: string;
}

export interface IngestRun {
  readonly batchId: number;
  readonly counts: IngestCounts;
  /** The counts already written to the batch row, by earlier chunks. */
  readonly written: IngestCounts;
  readonly notices: FileNotice[];
  readonly occurrences: OccurrenceCounter;
  readonly retention: RetentionWindow | undefined;
  /** Every account the file named, by normalised number: resolved only once a transaction of it is stored. */
  readonly accounts: Map<string, AccountIdentifier>;
  /** Accounts that no customer holds yet. */
  readonly unlinked: Set<number>;
  /** The latest booked balance the file states for each account, by normalised number. */
  readonly balances: Map<string, StatementBalance>;
  pending: StatementTransaction[];
  quarantine: string[];
  accountsCreated: number;
  /** The chunk being stored while the next one is parsed. */
  inFlight: Promise<void>;
}

const zeroCounts = (): IngestCounts => ({
  read: 0,
  stored: 0,
  duplicates: 0,
  quarantined: 0,
  pastRetention: 0,
  uncategorised: 0,
});

export function newRun(batchId: number, retention: RetentionWindow | undefined): IngestRun {
  return {
    batchId,
    counts: zeroCounts(),
    written: zeroCounts(),
    notices: [],
    occurrences: new OccurrenceCounter(),
    retention,
    accounts: new Map(),
    unlinked: new Set(),
    balances: new Map(),
    pending: [],
    quarantine: [],
    accountsCreated: 0,
    inFlight: Promise.resolve(),
  };
}

/** What the run read, quarantined and refused since the last chunk was written (stored rows come from the database). */
export function unwrittenCounts(
  run: IngestRun,
  uncategorised: number,
): Omit<ChunkCounts, 'stored' | 'duplicates'> {
  const { counts, written } = run;
  const delta = {
    read: counts.read - written.read,
    quarantined: counts.quarantined - written.quarantined,
    pastRetention: counts.pastRetention - written.pastRetention,
    uncategorised,
  };
  written.read = counts.read;
  written.quarantined = counts.quarantined;
  written.pastRetention = counts.pastRetention;
  return delta;
}

const excerptLength = 120;

export function quarantineRow(batchId: number, reject: RejectedRow): string {
  return copyRow([
    batchId,
    describeLocation(reject.location),
    reject.field,
    reject.code,
    reject.reason,
    reject.excerpt === undefined ? null : scrubFreeText(reject.excerpt).slice(0, excerptLength),
  ]);
}

function reject(run: IngestRun, row: RejectedRow): void {
  run.counts.quarantined++;
  run.quarantine.push(quarantineRow(run.batchId, row));
}

/** Takes one parsed event into the run; a transaction booked before the retention window is refused. */
export function take(run: IngestRun, event: StatementEvent): void {
  switch (event.kind) {
    case 'account':
      noteAccount(run, event.account);
      break;
    case 'transaction': {
      run.counts.read++;
      const tx = event.transaction;
      const retention = run.retention;
      if (retention !== undefined && tx.bookingDate < retention.cutoff) {
        run.counts.pastRetention++;
        reject(run, {
          location: tx.location,
          field: 'bookingDate',
          code: 'date.past-retention',
          reason: `booked before ${retention.cutoff}, older than the ${retention.days}-day transaction retention: not stored`,
          excerpt: tx.bookingDate,
        });
        break;
      }
      noteAccount(run, tx.account);
      run.pending.push(tx);
      break;
    }
    case 'reject':
      run.counts.read++;
      reject(run, event.reject);
      break;
    case 'notice':
      run.notices.push(event.notice);
      break;
    case 'balance': {
      const key = normalise.accountNumber(event.balance.account.value);
      const known = run.balances.get(key);
      if (known === undefined || known.asOf <= event.balance.asOf) run.balances.set(key, event.balance);
      break;
    }
    default:
      event satisfies never;
  }
}

function noteAccount(run: IngestRun, identifier: AccountIdentifier): void {
  const key = normalise.accountNumber(identifier.value);
  if (!run.accounts.has(key)) run.accounts.set(key, identifier);
}

/**
 * The accounts the pending transactions need: only accounts with a row to store are ever created. They leave
 * `run.accounts`, which keeps only accounts named but not yet needed (a file's text must not stay pinned).
 */
export function accountsToResolve(run: IngestRun): AccountIdentifier[] {
  const needed = new Map<string, AccountIdentifier>();
  for (const tx of run.pending) {
    const key = normalise.accountNumber(tx.account.value);
    if (!needed.has(key)) needed.set(key, run.accounts.get(key) ?? tx.account);
  }
  for (const key of needed.keys()) run.accounts.delete(key);
  return [...needed.values()];
}

/**
 * The batch's end: `failed` when no row of the file is in the table (nothing stored, nothing already there: an
 * empty file, a file that is not a statement, one whose rows were all quarantined or refused); `partial` when
 * some rows are in and some were quarantined, refused or cut off by an unreadable rest; `done` otherwise.
 */
export function batchStatus(
  counts: IngestCounts,
  priorStored: number,
  notices: readonly FileNotice[],
): BatchStatus {
  if (counts.stored + counts.duplicates + priorStored === 0) return 'failed';
  const invalid = notices.some((n) => n.kind === 'invalid-file');
  return invalid || counts.quarantined > 0 ? 'partial' : 'done';
}

/** One line for a summary: how many rows retention refused, or undefined when none. */
export function retentionLine(
  pastRetention: number,
  retention: RetentionWindow | undefined,
): string | undefined {
  if (pastRetention === 0 || retention === undefined) return undefined;
  const years =
    retention.days % 365 <= 2 && retention.days >= 365
      ? `${Math.round(retention.days / 365.25)}-year`
      : `${retention.days}-day`;
  const rows = pastRetention === 1 ? '1 row is' : `${pastRetention.toLocaleString('en-GB')} rows are`;
  const were = pastRetention === 1 ? 'was' : 'were';
  return `${rows} older than the ${years} retention and ${were} not stored (booked before ${retention.cutoff})`;
}
