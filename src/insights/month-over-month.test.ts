import { describe, expect, it } from 'vitest';
import { columnsOf, dayOf, type PlainTransaction } from './ledger.ts';
import { monthOverMonth } from './month-over-month.ts';

const spend = (date: string, category: string, amountMinor: number): PlainTransaction => ({
  day: dayOf(date),
  amountMinor,
  direction: 'debit',
  category,
});

/** Six usual months, then this month (to the 20th) with dining doubled and groceries as usual. */
function history(thisMonthDining: number): PlainTransaction[] {
  const rows: PlainTransaction[] = [];
  for (let m = 1; m <= 7; m++) {
    const month = `2026-${String(m).padStart(2, '0')}`;
    rows.push(spend(`${month}-05`, 'groceries', 20_000 + m * 100));
    rows.push(spend(`${month}-12`, 'dining', m === 7 ? thisMonthDining : 6_000));
    rows.push(spend(`${month}-14`, 'transport', 3_000));
    rows.push(spend(`${month}-25`, 'dining', 50_000)); // after the 20th: not compared
    rows.push(spend(`${month}-10`, 'savings_transfer', m === 7 ? 90_000 : 10_000));
  }
  return rows;
}

describe('month over month', () => {
  it('tells the few categories that changed, against the same days of the usual months', () => {
    const result = monthOverMonth(columnsOf(history(15_000)), dayOf('2026-07-20'));
    expect(result).toMatchObject({ month: '2026-07', days: 20, monthsCompared: 6 });
    expect(result.changes).toEqual([
      { category: 'dining', thisMonthMinor: 15_000, usualMinor: 6_000, changeMinor: 9_000 },
    ]);
  });

  it('says nothing when the changes are small', () => {
    expect(monthOverMonth(columnsOf(history(6_500)), dayOf('2026-07-20')).changes).toEqual([]);
  });

  it('tells a drop too, and keeps at most three changes, the largest first', () => {
    const rows = history(0);
    for (const [category, amount] of [
      ['travel', 80_000],
      ['electronics', 60_000],
      ['clothing', 40_000],
    ] as const)
      rows.push(spend('2026-07-03', category, amount));
    const changes = monthOverMonth(columnsOf(rows), dayOf('2026-07-20')).changes;
    expect(changes.map((c) => c.category)).toEqual(['travel', 'electronics', 'clothing']);
    expect(monthOverMonth(columnsOf(history(0)), dayOf('2026-07-20')).changes[0]).toMatchObject({
      category: 'dining',
      changeMinor: -6_000,
    });
  });
});
