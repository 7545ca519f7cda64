// The propensity benchmark's question cost: a question reading propensity("…") against one that does not, on the
// same bank, and the stored-scores stamp every question reads (model_scores), with the bank's scores and at scale.
import type { VaultServices } from '../src/app/vault-process.ts';
import { featuresFor } from '../src/models/features.ts';
import { activeCustomerIds, insertModelVersion, replaceScores } from '../src/models/model-store.ts';
import type { Plan } from '../src/language/plan.ts';
import { storedScoresStamp } from '../src/vault/questions/stored-scores-store.ts';
import { fmt } from './support.ts';

const plain = 'spent(category: "home_inspection", within: 180d) > 0 and not holds("mortgage")';
const withPropensity = 'propensity("mortgage") >= 0.5 and not holds("mortgage")';
const repeats = Number(process.env['BENCH_MODELS_STAMP_REPEATS'] ?? 25);
/** Stored scores at scale: about 200,000 customers × 5 approved models. */
const scaleRows = Number(process.env['BENCH_MODELS_STAMP_ROWS'] ?? 1_000_000);
const filler = 'bench-filler';

interface Timings {
  readonly rows: number;
  readonly plain: number;
  readonly propensity: number;
  readonly stamp: number;
  readonly columnarOnly: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function planOf(vault: VaultServices, expression: string): Promise<Plan> {
  const checked = await vault.questions.check(expression, 'bank_offers');
  if (!checked.ok) throw new Error(`${expression}: ${checked.error.message}`);
  return checked.value.plan;
}

/** Medians in ms, the measures interleaved so that the busy machine's drift falls on all of them alike. */
async function time(vault: VaultServices, asOf: string): Promise<Timings> {
  const [p, q] = [await planOf(vault, plain), await planOf(vault, withPropensity)];
  const engine = await vault.questionEngine.columnar();
  await vault.questionEngine.evaluate(q, asOf); // warm-up: scores read once after a change
  const runs = {
    plain: [] as number[],
    propensity: [] as number[],
    stamp: [] as number[],
    columnar: [] as number[],
  };
  const timed = async (into: number[], work: () => unknown) => {
    const started = performance.now();
    await work();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < repeats; i++) {
    await timed(runs.plain, () => vault.questionEngine.evaluate(p, asOf));
    await timed(runs.propensity, () => vault.questionEngine.evaluate(q, asOf));
    await timed(runs.stamp, () => storedScoresStamp(vault.storage));
    await timed(runs.columnar, () => engine.evaluate(p, asOf));
  }
  const { rows } = await vault.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM model_scores');
  return {
    rows: rows[0]!.n,
    plain: median(runs.plain),
    propensity: median(runs.propensity),
    stamp: median(runs.stamp),
    columnarOnly: median(runs.columnar),
  };
}

/** Trained, never approved versions with a score for every customer: rows the stamp reads, no question uses. */
async function addFiller(vault: VaultServices, rows: number): Promise<void> {
  const customers = await activeCustomerIds(vault.storage);
  const weights = featuresFor('savings').map(() => 0);
  const scores = new Float64Array(customers.length).fill(0.5);
  for (let added = 0; added < rows; added += customers.length) {
    const model = await insertModelVersion(vault.storage, {
      product: 'savings',
      featureListVersion: 1,
      weights,
      bias: 0,
      mechanism: 'output-perturbation',
      epsilon: 1,
      delta: 0,
      trainedFrom: '2025-01-01',
      trainedTo: '2025-12-31',
      trainedBy: filler,
    });
    await vault.storage.transaction((tx) => replaceScores(tx, model.id, customers, scores));
  }
}

const removeFiller = (vault: VaultServices) =>
  vault.storage.query('DELETE FROM model_versions WHERE trained_by = $1', [filler]);

function print(label: string, t: Timings): void {
  console.log(
    `| ${label} | ${t.rows.toLocaleString('en')} | ${fmt(t.plain)} ms | ${fmt(t.propensity)} ms | ` +
      `${fmt(t.propensity / t.plain)} × | ${fmt(t.stamp)} ms | ${fmt(t.columnarOnly)} ms | ${fmt(t.stamp / t.columnarOnly)} × |`,
  );
}

/**
 * Approves the trained versions (the registry scores every profiled customer and stores the scores), then times
 * a question with and without propensity on the vault's engine, the stamp read alone and the columnar
 * evaluation alone (no stamp): first with the bank's own scores, then with `scaleRows` stored scores.
 */
export async function benchStamp(
  vault: VaultServices,
  trained: readonly string[],
  asOf: string,
): Promise<void> {
  await removeFiller(vault);
  for (const id of trained) await vault.models.approve(id, 'bench.approver', 'benchmark');
  console.log(`\nper-question cost of propensity (median of ${repeats}, vault engine, columnar):`);
  console.log(
    '| stored scores | rows in model_scores | plain question | with propensity | ratio | stamp read | columnar evaluation alone | stamp ÷ evaluation |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  print('the bank’s approved models', await time(vault, asOf));
  try {
    const started = performance.now();
    await addFiller(vault, scaleRows);
    console.log(`(filler scores written in ${fmt((performance.now() - started) / 1000)} s)`);
    print('at scale (filler versions)', await time(vault, asOf));
  } finally {
    await removeFiller(vault);
  }
}
