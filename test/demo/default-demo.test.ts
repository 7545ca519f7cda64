// The default demo bank is large enough for the seeds' scenario at real density, and the docs say the same size.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settings } from '../../src/config/settings.ts';
import { generateBank, merchantsByCategory } from '../../src/demo/generate/index.ts';

const defaultCustomers = Number(settings.demoCustomers.default);
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const inspection = new Set(merchantsByCategory.home_inspection.map((m) => m.name));
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('the default demo bank', () => {
  it("puts comfortably more than the minimum audience (about 50) in the seeds' segment at real density", () => {
    // A sample of the default bank (seed 1), scaled to its size: deterministic, so no flakiness.
    const sample = 1_000;
    const end = '2026-11-01';
    let inSegment = 0;
    for (const c of generateBank({ customers: sample, seed: 1, end })) {
      const surveyed = c.transactions.some(
        (t) =>
          t.merchantName !== undefined &&
          inspection.has(t.merchantName) &&
          dayOf(end) - dayOf(t.bookingDate) < 90,
      );
      const mortgage = c.products.some(
        (p) => p.product === 'mortgage' && (p.until === undefined || p.until >= end),
      );
      if (surveyed && !mortgage) inSegment++;
    }
    expect((inSegment / sample) * defaultCustomers).toBeGreaterThan(70);
  });

  it('is the size the README and the tutorial give', () => {
    const size = defaultCustomers.toLocaleString('en-GB');
    expect(read('README.md')).toContain(`generates a demo bank of ${size} customers`);
    expect(read('docs/tutorial.md')).toContain(
      `npx curtain generate --customers ${defaultCustomers} --seed 1`,
    );
  });
});
