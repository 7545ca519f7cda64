// Sets of customer rows, ascending Int32Arrays, and the loops that filter, join and compare them.
import { holds } from '../../../language/compare.ts';
import type { CompareOperator } from '../../../language/plan.ts';

/** Keeps the customer rows (ascending) that satisfy a plan, out of the candidate rows given. */
export type RowSet = (candidates: Int32Array) => Int32Array;
/** A value of one customer row; NaN when absent. */
export type RowValue = (row: number) => number;

export const none = new Int32Array(0);

/** The candidates whose values compare true, one tight loop over dense values. */
export function select(
  op: CompareOperator,
  candidates: Int32Array,
  left: Float64Array | number,
  right: Float64Array | number,
): Int32Array {
  const out = new Int32Array(candidates.length);
  let n = 0;
  if (typeof left === 'number') {
    // Constant on the left: flip the comparison.
    const flipped = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const)[op];
    return select(flipped, candidates, right, left);
  }
  const constant = typeof right === 'number' ? right : 0;
  const values = typeof right === 'number' ? undefined : right;
  for (let k = 0; k < candidates.length; k++) {
    const row = candidates[k]!;
    const a = left[row]!;
    const b = values === undefined ? constant : values[row]!;
    if (holds(op, a, b)) out[n++] = row;
  }
  return out.subarray(0, n);
}

export function keep(predicate: (row: number) => boolean): RowSet {
  return (candidates) => {
    const out = new Int32Array(candidates.length);
    let n = 0;
    for (let k = 0; k < candidates.length; k++) {
      const row = candidates[k]!;
      if (predicate(row)) out[n++] = row;
    }
    return out.subarray(0, n);
  };
}

export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[n++] = a[i++]!;
    else if (y < x) out[n++] = b[j++]!;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** Rows of `a` not in `b`; both ascending, `b` a subset of `a` or not. */
export function difference(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  const out = new Int32Array(a.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j < b.length && b[j] === x) continue;
    out[n++] = x;
  }
  return out.subarray(0, n);
}
