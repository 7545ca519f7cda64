// Issue 19: insights are never a segment feature, a model feature or a credit input.
import { describe, expect, it } from 'vitest';
import { functionNames } from '../../src/language/checker.ts';
import { fairLendingProxies, fairLendingVersion, proxyFor } from '../../src/language/fair-lending.ts';

const insightNames = [
  'regular_payments',
  'month_over_month',
  'balance_forecast',
  'low_balance_warning',
  'saving_suggestions',
];

describe('insights and fair lending', () => {
  it('lists every insight as a proxy that credit purposes may not use', () => {
    for (const name of insightNames) expect(proxyFor('insight', name), name).toBeDefined();
    expect(fairLendingProxies.filter((p) => p.kind === 'insight').map((p) => p.value)).toEqual(insightNames);
    expect(fairLendingVersion).toBe('2026-12.1');
  });

  it('offers no insight to the segment language', () => {
    for (const name of insightNames) expect(functionNames).not.toContain(name);
  });
});
