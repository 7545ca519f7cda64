// What applying one chunk of import rows produced: rows stored, unchanged and quarantined (with line and field).
import type { SqlExecutor } from '../../storage/ports.ts';
import type { QuarantinedRow } from './import-store.ts';
import type { RowProblem } from './import-rows.ts';

export interface ChunkOutcome {
  stored: number;
  unchanged: number;
  readonly quarantined: QuarantinedRow[];
}

export const emptyOutcome = (): ChunkOutcome => ({ stored: 0, unchanged: 0, quarantined: [] });

export function quarantine(outcome: ChunkOutcome, line: number, problem: RowProblem): void {
  outcome.quarantined.push({ line, ...problem });
}

/** Applies parsed rows of one kind: reads first, then writes everything in `write` inside the caller's transaction. */
export interface ChunkWriter<Row> {
  prepare(rows: readonly Row[], outcome: ChunkOutcome): Promise<(tx: SqlExecutor) => Promise<void>>;
  /** After the chunk's transaction committed (caches, the consent ledger). */
  afterCommit?(): Promise<void>;
}
