import { describe, expect, it } from 'vitest';
import { computeInsights } from './insights.ts';
import { columnsOf, dayOf, type PlainTransaction } from './ledger.ts';

/** Three streaming subscriptions, one of which rose in price, and a steady salary. */
function ledger() {
  const rows: PlainTransaction[] = [];
  for (let m = 0; m < 14; m++) {
    const month = `${2025 + Math.floor((m + 5) / 12)}-${String(((m + 5) % 12) + 1).padStart(2, '0')}`;
    rows.push({
      day: dayOf(`${month}-03`),
      amountMinor: m < 10 ? 1099 : 1299,
      direction: 'debit',
      category: 'subscriptions',
      merchant: 'Spotify',
    });
    rows.push({
      day: dayOf(`${month}-08`),
      amountMinor: 799,
      direction: 'debit',
      category: 'subscriptions',
      merchant: 'Disney Plus',
    });
    rows.push({
      day: dayOf(`${month}-12`),
      amountMinor: 999,
      direction: 'debit',
      category: 'subscriptions',
      merchant: 'NOW TV',
    });
    rows.push({
      day: dayOf(`${month}-27`),
      amountMinor: 300_000,
      direction: 'credit',
      category: 'salary',
      merchant: 'ACME',
    });
  }
  return columnsOf(rows);
}

const options = { asOf: dayOf('2026-07-20'), currency: 'GBP', balance: { currentMinor: 900_000 } };

describe('saving suggestions', () => {
  it('are grounded in the regular payments: a price rise, overlapping subscriptions, a yearly plan', () => {
    const { suggestions } = computeInsights(ledger(), { ...options, offersAllowed: false });
    expect(suggestions.map((s) => s.kind).sort()).toEqual([
      'overlapping_subscriptions',
      'price_rise',
      'yearly_plan',
    ]);
    expect(suggestions.find((s) => s.kind === 'price_rise')?.text).toContain(
      'Spotify went up from £10.99 to £12.99',
    );
    expect(suggestions.every((s) => !s.product)).toBe(true);
  });

  it('push a product only when the customer also consented to offers', () => {
    const salaryOnly = columnsOf(
      [0, 1, 2, 3, 4, 5].map((m) => ({
        day: dayOf(`2026-0${m + 1}-27`),
        amountMinor: 300_000,
        direction: 'credit' as const,
        category: 'salary',
        merchant: 'ACME',
      })),
    );
    const withOffers = computeInsights(salaryOnly, { ...options, offersAllowed: true });
    expect(withOffers.suggestions.map((s) => [s.kind, s.product])).toEqual([['move_to_savings', true]]);
    const without = computeInsights(salaryOnly, { ...options, offersAllowed: false });
    expect(without.suggestions).toEqual([]);
  });

  it('name categories as the taxonomy does, never by their codes', () => {
    const rows: PlainTransaction[] = [];
    for (let m = 1; m <= 7; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      rows.push({
        day: dayOf(`${month}-12`),
        amountMinor: m === 7 ? 15_000 : 6_000,
        direction: 'debit',
        category: 'dining',
      });
      rows.push({
        day: dayOf(`${month}-02`),
        amountMinor: m < 6 ? 4_500 : 5_000,
        direction: 'debit',
        category: 'home_services',
      });
    }
    const texts = computeInsights(columnsOf(rows), { ...options, offersAllowed: false }).suggestions.map(
      (s) => s.text,
    );
    expect(texts).toContain(
      'Restaurants, bars and takeaway: £150.00 so far this month against a usual £60.00.',
    );
    for (const text of texts) expect(text).not.toMatch(/dining|home_services|home services/);
  });
});

describe('all insights', () => {
  it('need no balance: then there is no forecast, the rest still comes', () => {
    const insights = computeInsights(ledger(), {
      asOf: dayOf('2026-07-20'),
      currency: 'GBP',
      offersAllowed: false,
    });
    expect(insights.forecast).toBeUndefined();
    expect(insights.income.map((p) => p.merchant)).toEqual(['ACME']);
    expect(insights.regularPayments.map((p) => p.merchant).sort()).toEqual([
      'Disney Plus',
      'NOW TV',
      'Spotify',
    ]);
  });

  it('import nothing from node: the same code runs in a browser', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('.', import.meta.url);
    const sources = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThanOrEqual(6);
    // Outside this folder, only the pure core modules of names and money (themselves free of node:).
    const core = ['../core/money.ts', '../core/taxonomy.ts', '../core/mcc-codes.ts', '../core/result.ts'];
    for (const file of sources) {
      const text = await readFile(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:/);
      for (const [, path] of text.matchAll(/from ['"](\.\.\/[^'"]+)['"]/g))
        expect(core, file).toContain(path);
    }
    for (const file of core) {
      const text = await readFile(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/from ['"](node:|\.\.\/)/);
    }
  });
});
