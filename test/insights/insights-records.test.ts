// Issue 19: the customer's insight messages in their access export, under their own retention, gone on erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { externalIdOf, generateBank } from '../../src/demo/generate/generate-bank.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';

const end = '2026-06-30';

describe.each(testBackends)('insight messages as records on $name (issue 19)', (backend) => {
  let h: Harness;
  let today = new Date('2026-06-30T12:00:00Z');
  const ids: number[] = [];
  const generated = [...generateBank({ customers: 12, seed: 19, end, density: 'thin' })];

  beforeAll(async () => {
    h = await openHarness(backend, {}, { now: () => today });
    await loadDemoBank(h.vault, { density: 'thin', customers: 12, seed: 19, end });
    for (const index of [3, 4])
      ids.push((await h.vault.identity.findCustomer('external_id', externalIdOf(index)))!);
    const recorded = await h.vault.consent.record(
      ids.map((customerId) => ({
        customerId,
        purpose: 'spending_insights' as const,
        channel: 'all' as const,
        granted: true,
        source: 'console' as const,
        noticeVersion: currentNotice('spending_insights').id,
        decidedAt: today,
      })),
    );
    expect(recorded.ok).toBe(true);
    for (const id of ids) expect(await h.vault.insights.send(id)).toBe('sent');
  }, 120_000);
  afterAll(() => h.dispose());

  it('puts the customer’s own insight messages, and no one else’s, in their access export', async () => {
    const data = await h.vault.compliance.exportCustomer(ids[0]!);
    const own = await h.vault.insights.messages(ids[0]!);
    expect(data.insights).toHaveLength(1);
    expect(data.insights[0]).toMatchObject({
      id: own[0]!.publicId,
      title: own[0]!.title,
      insights: { asOf: end },
    });
  });

  it('keeps them for 365 days, then retention removes them', async () => {
    const policy = (await h.vault.compliance.retention.policies()).find((p) => p.kind === 'insights');
    expect(policy).toMatchObject({ days: 365, source: 'default' });
    await h.vault.compliance.retention.run(new Date('2027-06-29T12:00:00Z'));
    expect(await h.vault.insights.messages(ids[1]!)).toHaveLength(1);
    await h.vault.compliance.retention.run(new Date('2027-07-01T12:00:00Z'));
    expect(await h.vault.insights.messages(ids[1]!)).toHaveLength(0);
  });

  it('erasure removes them (the trigger of migration 21)', async () => {
    today = new Date('2026-08-15T12:00:00Z');
    expect(await h.vault.insights.send(ids[0]!)).toBe('sent');
    expect(await h.vault.insights.messages(ids[0]!)).not.toHaveLength(0);
    const request = await h.vault.compliance.requests.receive('erasure', 'gdpr');
    await h.vault.compliance.requests.verify(request.id, {
      externalId: externalIdOf(3),
      dateOfBirth: generated[3]!.pii.dateOfBirth,
    });
    await h.vault.compliance.erase(request.id, externalIdOf(3));
    const { rows } = await h.vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM insight_messages WHERE customer_id = $1',
      [ids[0]],
    );
    expect(rows[0]!.n).toBe(0);
  });
});
