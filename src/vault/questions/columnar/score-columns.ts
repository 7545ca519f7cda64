// Frozen models' stored scores as columns of the columnar store: one Float64Array per model version, by row.
import { rowOf } from './columnar-data.ts';

/** One model version's stored scores: customer ids ascending, the score of each at the same index. */
export interface StoredScores {
  readonly customerIds: Int32Array;
  readonly scores: Float64Array;
}

/**
 * The scores the vault stores (model_scores), laid out by the store's rows on first use: NaN (absent) for a
 * customer without a stored score, so a comparison with it is false as the plan's semantics say.
 */
export class ScoreColumns {
  #stored = new Map<string, StoredScores>();
  /** Columns laid out for one array of row ids; dropped when the rows or the scores change. */
  #layout: { rows: Int32Array; columns: Map<string, Float64Array> } | undefined;

  /** Replaces every model version's scores (the vault re-reads them when model_scores changes). */
  replace(stored: ReadonlyMap<string, StoredScores>): void {
    this.#stored = new Map(stored);
    this.#layout = undefined;
  }

  /** The column of `model` for the store's rows (`rowIds`: customer ids ascending, one per row). */
  column(model: string, rowIds: Int32Array): Float64Array {
    if (this.#layout?.rows !== rowIds) this.#layout = { rows: rowIds, columns: new Map() };
    let column = this.#layout.columns.get(model);
    if (column === undefined) {
      column = new Float64Array(rowIds.length).fill(Number.NaN);
      const stored = this.#stored.get(model);
      if (stored !== undefined) {
        for (let k = 0; k < stored.customerIds.length; k++) {
          const row = rowOf(rowIds, stored.customerIds[k]!);
          if (row >= 0) column[row] = stored.scores[k]!;
        }
      }
      this.#layout.columns.set(model, column);
    }
    return column;
  }
}
