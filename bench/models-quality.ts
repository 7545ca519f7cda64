// The propensity benchmark's measures: AUC and top-10 % lift of model scores and of hand rules, on a population.
import { questionPurpose } from '../src/core/question-purposes.ts';
import { checkExpression } from '../src/language/checker.ts';
import { parseExpression } from '../src/language/parser.ts';
import { interceptInput, scoreVector, type FeatureMatrix } from '../src/models/features.ts';
import { labelDays } from '../src/models/train/train-model.ts';
import { holdersOn, takeUpsAfter } from '../src/models/model-store.ts';
import type { SqlExecutor } from '../src/storage/ports.ts';
import type { ColumnarEngine } from '../src/vault/questions/columnar/columnar-engine.ts';

export interface Population {
  /** Matrix rows of the customers who did not hold the product on the day. */
  readonly rows: Int32Array;
  readonly labels: Uint8Array;
}

export interface Quality {
  readonly auc: number;
  readonly lift: number;
}

/** AUC with ties counted half (Mann–Whitney), and the positive rate in the top 10 % over the base rate. */
export function quality(scores: Float64Array, labels: Uint8Array): Quality {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    const meanRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (labels[order[k]!] !== 1) continue;
      positives++;
      rankSum += meanRank;
    }
    i = j;
  }
  const negatives = order.length - positives;
  const auc = (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  return { auc, lift: topLift(scores, labels, order, positives) };
}

/** Positive rate among the top 10 % by score (a tie at the cut shared pro rata) over the base rate. */
function topLift(scores: Float64Array, labels: Uint8Array, order: number[], positives: number): number {
  const top = order.length * 0.1;
  let taken = 0;
  let hits = 0;
  for (let i = order.length - 1; i >= 0 && taken < top;) {
    let j = i;
    let tiedHits = 0;
    while (j >= 0 && scores[order[j]!] === scores[order[i]!]) tiedHits += labels[order[j--]!]!;
    const tied = i - j;
    const share = Math.min(1, (top - taken) / tied);
    hits += tiedHits * share;
    taken += tied * share;
    i = j;
  }
  return hits / top / (positives / order.length);
}

/** Everyone who did not hold the product on `asOf`, labelled by a take-up in the 90 days after (all customers). */
export async function population(
  storage: SqlExecutor,
  m: FeatureMatrix,
  product: string,
  asOf: string,
): Promise<Population> {
  const [holders, takers] = await Promise.all([
    holdersOn(storage, product, asOf),
    takeUpsAfter(storage, product, asOf, labelDays),
  ]);
  const held = new Set(holders);
  const took = new Set(takers);
  const rows: number[] = [];
  m.ids.forEach((id, row) => {
    if (!held.has(id)) rows.push(row);
  });
  return { rows: Int32Array.from(rows), labels: Uint8Array.from(rows, (r) => (took.has(m.ids[r]!) ? 1 : 0)) };
}

/** Scores of a fit's weights (the intercept's last), its margins starting from `offset`. */
export function scoresOf(
  m: FeatureMatrix,
  p: Population,
  weights: Float64Array,
  offset: number,
): Float64Array {
  const w = weights.subarray(0, m.columns);
  const bias = offset + weights[m.columns]! * interceptInput(m.columns);
  return Float64Array.from(p.rows, (r) => scoreVector(w, bias, m.matrix, r * m.columns));
}

/** A hand rule as a score: 1 for its audience (the columnar engine's answer), 0 for everyone else. */
export function ruleScores(
  engine: ColumnarEngine,
  m: FeatureMatrix,
  p: Population,
  rule: string,
  asOf: string,
): Float64Array {
  const parsed = parseExpression(rule);
  if (!parsed.ok) throw new Error(`rule does not parse: ${rule}`);
  const checked = checkExpression(parsed.ast, {
    purpose: questionPurpose('bank_offers')!,
    currency: 'GBP',
    retentionDays: 3_650,
    maxAttributes: 5,
    asOf,
  });
  if (!checked.ok) throw new Error(`rule does not check: ${rule}: ${checked.error[0]?.message}`);
  const audience = new Set(engine.evaluateNow(checked.value.plan, asOf));
  return Float64Array.from(p.rows, (r) => (audience.has(m.ids[r]!) ? 1 : 0));
}
