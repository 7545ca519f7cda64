// The feature matrix read in one pass over the transactions equals, bit for bit, each feature's plan evaluated on
// its own, for every feature list, on the feature store's day (features answer) and on another day (scans).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productCodes } from '../../src/core/products.ts';
import type { TransactionFilter, ValuePlan, Window } from '../../src/language/plan.ts';
import { featureMatrix, featureMatrixOneByOne } from '../../src/models/features.ts';
import { hasFeatureList } from '../../src/models/feature-list.ts';
import type { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { testBackends } from '../support/backends.ts';
import type { TestVault } from '../support/test-vault.ts';
import { end, modelBankVault } from './support.ts';

/** The feature store's day, when it answers plain aggregates, and a day when every aggregate is scanned. */
const asOfs = [end, '2026-07-31'];
/** Products with a list of each version (versions 2 and 3 list three products only). */
const listProducts = (version: number) =>
  version === 1 ? productCodes : ['mortgage', 'credit_card', 'savings'];

const bits = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

// The matrix is the columnar engine's alone (both backends load the same store): one backend suffices.
describe('the feature matrix read in one pass', () => {
  let vault: TestVault;
  let engine: ColumnarEngine;

  beforeAll(async () => {
    vault = await modelBankVault(testBackends[0]!, 60);
    await vault.questionEngine.loadColumnar({ features: { day: end } });
    engine = await vault.questionEngine.columnar();
  }, 180_000);
  afterAll(async () => vault.dispose());

  it('equals each feature evaluated on its own, for every list and product, on two days', () => {
    expect(engine.customerIds.length).toBeGreaterThan(30);
    const spent: ValuePlan = {
      kind: 'aggregate',
      fn: 'sum',
      filter: { window: { kind: 'within', days: 90 }, currency: 'GBP', categories: ['groceries'] },
    };
    const question = {
      kind: 'compare',
      op: '>',
      left: spent,
      right: { kind: 'constant', value: 0 },
    } as const;
    expect(engine.explain(question, asOfs[0]!).featureReads).toBe(1);
    expect(engine.explain(question, asOfs[1]!).scans).toBe(1);
    for (const version of [1, 2, 3]) {
      expect(hasFeatureList(version)).toBe(true);
      for (const product of listProducts(version)) {
        for (const asOf of asOfs) {
          const context = { currency: 'GBP', asOf, version };
          const together = featureMatrix(engine, product, context);
          const alone = featureMatrixOneByOne(engine, product, context);
          const name = `list ${version}, ${product}, ${asOf}`;
          expect([...together.ids], name).toEqual([...alone.ids]);
          expect(together.columns, name).toBe(alone.columns);
          expect(bits(together.matrix).equals(bits(alone.matrix)), name).toBe(true);
          // Not vacuous: most features take more than one value over the customers.
          const varying = together.features.filter((_, j) =>
            together.ids.some((_, r) => together.matrix[r * together.columns + j] !== together.matrix[j]),
          );
          expect(varying.length, name).toBeGreaterThan(together.columns / 2);
        }
      }
    }
  });

  it('reads every kind of value as `valuesNow` does, those the pass cannot take included', () => {
    const windows: Window[] = [
      { kind: 'within', days: 90 },
      { kind: 'within', days: 45 },
      { kind: 'within', days: 1 },
      { kind: 'between', from: '2026-02-01', to: '2026-06-30' },
      { kind: 'between', from: '2026-06-30', to: '2026-02-01' },
    ];
    const filters: Omit<TransactionFilter, 'window'>[] = [
      { currency: 'GBP' },
      { currency: 'GBP', categories: ['groceries', 'dining'], direction: 'D' },
      { currency: 'GBP', direction: 'C' },
      { currency: 'GBP', categories: ['subscriptions'] },
      { currency: 'EUR' },
      { currency: 'GBP', mccs: [5411], minMinor: 500 },
      { currency: 'GBP', categories: ['no_such_category'] },
    ];
    const values: ValuePlan[] = [
      { kind: 'tenureDays' },
      { kind: 'holdingDays', product: 'current_account' },
      { kind: 'constant', value: 7 },
    ];
    for (const window of windows) {
      for (const filter of filters) {
        for (const fn of ['count', 'sum', 'average', 'min', 'max', 'daysSinceLast'] as const) {
          values.push({ kind: 'aggregate', fn, filter: { ...filter, window } });
        }
        values.push({ kind: 'recurring', filter: { ...filter, window } });
      }
    }
    for (const asOf of asOfs) {
      const together = engine.valuesOfEach(values, asOf);
      expect(together).toHaveLength(values.length);
      values.forEach((value, j) => {
        const alone = engine.valuesNow(value, asOf);
        expect(bits(together[j]!).equals(bits(alone)), `${asOf}: ${JSON.stringify(value)}`).toBe(true);
      });
    }
  });
});
