// The log browser's API: entries a page at a time in either order, filtered by kind, actor, time and text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from './harness.ts';

interface Page {
  size: number;
  matched: number;
  entries: { index: number; entry: { type: string; at: string; details: Record<string, unknown> } }[];
}

describe.each(testBackends)('browsing the transparency log on $name', (backend) => {
  let h: Harness;
  let before: number;

  beforeAll(async () => {
    h = await openHarness(backend);
    before = h.vault.audit.head().size;
    await h.vault.audit.record([
      ...Array.from({ length: 30 }, (_, i) => ({
        type: 'admin.action' as const,
        details: { action: `browse.test_${i}`, by: i % 3 === 0 ? 'auditor.a' : 'auditor.b' },
      })),
      { type: 'campaign.drafted', details: { campaign: 'c-100%_odd', actor: 'mia.b', step: 'drafted' } },
      { type: 'privacy.spent', details: { asker: 'mia.b', purpose: 'credit_offers', epsilon: '0.5' } },
    ]);
  }, 120_000);
  afterAll(() => h.dispose());

  const page = async (query: string) => {
    const response = await h.inject({
      method: 'GET',
      url: `/v1/audit/entries?${query}`,
      headers: h.staff.compliance,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('pages newest first with a count of all matches, without gaps or repeats', async () => {
    const size = before + 32;
    const seen: number[] = [];
    for (let offset = 0; offset < size; offset += 10) {
      const p = await page(`order=newest&limit=10&offset=${offset}`);
      expect(p).toMatchObject({ size, matched: size });
      seen.push(...p.entries.map((e) => e.index));
    }
    expect(seen).toEqual(Array.from({ length: size }, (_, i) => size - 1 - i));
    const oldest = await page('limit=5');
    expect(oldest.entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters by kind, by the person who acted and by text, and combines them', async () => {
    const kinds = await page('types=campaign.drafted,privacy.spent&limit=500');
    expect(kinds.entries.map((e) => e.entry.type).sort()).toEqual(['campaign.drafted', 'privacy.spent']);
    expect(kinds.matched).toBe(2);
    const mia = await page('actor=mia.b&limit=500');
    expect(mia.entries.map((e) => e.entry.type).sort()).toEqual(['campaign.drafted', 'privacy.spent']);
    const a = await page('actor=auditor.a&types=admin.action&limit=500');
    expect(a.matched).toBe(10);
    expect(a.entries.every((e) => e.entry.details['by'] === 'auditor.a')).toBe(true);
    const text = await page(`q=${encodeURIComponent('BROWSE.TEST_2')}&limit=500`);
    // test_2 and test_20..29: the search is case-insensitive and finds the words anywhere.
    expect(text.matched).toBe(11);
    // LIKE's wildcards are taken literally.
    expect((await page(`q=${encodeURIComponent('100%_odd')}`)).matched).toBe(1);
    expect((await page(`q=${encodeURIComponent('%')}`)).matched).toBe(1);
  });

  it('filters by a time range and pages within a filter', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = '2000-01-01T00:00:00+01:00';
    expect((await page(`since=${encodeURIComponent(future)}`)).matched).toBe(0);
    expect(
      (await page(`since=${encodeURIComponent(past)}&until=${encodeURIComponent(future)}`)).matched,
    ).toBe(before + 32);
    const second = await page('types=admin.action&actor=auditor.b&order=newest&limit=5&offset=5');
    expect(second.matched).toBe(20);
    expect(second.entries).toHaveLength(5);
    expect(second.entries[0]!.index).toBeGreaterThan(second.entries[4]!.index);
  });

  it('answers bad filters with a clear error naming the parameter', async () => {
    for (const [query, needle] of [
      ['types=question.asked,nonsense', 'nonsense'],
      ['actor=a%20b', 'actor'],
      ['since=yesterday', 'since'],
      ['order=sideways', 'order'],
      ['offset=-1', 'offset'],
    ] as const) {
      const response = await h.inject({
        method: 'GET',
        url: `/v1/audit/entries?${query}`,
        headers: h.staff.compliance,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toContain(needle);
    }
  });
});
