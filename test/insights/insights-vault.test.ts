// Issue 19: the customer's insights in the vault — the consent gate, the inbox and its frequency, deletion on
// withdrawal, and nothing about them in the transparency log, the hub or the application log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { externalIdOf } from '../../src/demo/generate/generate-bank.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';

const now = new Date('2026-06-30T12:00:00Z');

describe.each(testBackends)('the customer’s insights on $name (issue 19)', (backend) => {
  let h: Harness;
  let customerId: number;
  const appLog: string[] = [];

  const decide = async (granted: boolean) => {
    const recorded = await h.vault.consent.record([
      {
        customerId,
        purpose: 'spending_insights',
        channel: 'all',
        granted,
        source: 'console',
        noticeVersion: currentNotice('spending_insights').id,
        decidedAt: new Date(),
      },
    ]);
    expect(recorded.ok).toBe(true);
  };
  const get = async (url: string) => h.inject({ method: 'GET', url, headers: await h.customer(customerId) });

  beforeAll(async () => {
    h = await openHarness(
      backend,
      { logLevel: 'info', logStream: { write: (line) => void appLog.push(line) } },
      { now: () => now },
    );
    await loadDemoBank(h.vault, { density: 'thin', customers: 12, seed: 19, end: '2026-06-30' });
    customerId = (await h.vault.identity.findCustomer('external_id', externalIdOf(3)))!;
  }, 120_000);
  afterAll(() => h.dispose());

  it('refuses without the spending_insights consent, with a coded error, and sends nothing', async () => {
    await decide(false);
    const response = await get('/v1/me/insights');
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('CONSENT_REQUIRED');
    expect(await h.vault.insights.send(customerId)).toBe('no-consent');
    expect(await h.vault.insights.messages(customerId)).toEqual([]);
  });

  it('computes them for the customer and puts them in their inbox at most as often as they chose', async () => {
    await decide(true);
    const response = await get('/v1/me/insights');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      asOf: string;
      regularPayments: unknown[];
      monthOverMonth: { month: string };
    }>();
    expect(body.asOf).toBe('2026-06-30');
    expect(body.monthOverMonth.month).toBe('2026-06');

    const logBefore = h.vault.audit.head().size;
    expect(await h.vault.insights.send(customerId)).toBe('sent');
    expect(await h.vault.insights.send(customerId)).toBe('not-due');
    // Neither computing nor sending writes to the transparency log: no count of anything leaves this way.
    expect(h.vault.audit.head().size).toBe(logBefore);

    const list = (await get('/v1/me/insights/messages')).json<{
      messages: { id: string; title: string }[];
    }>();
    expect(list.messages).toHaveLength(1);
    // The same message is in the customer's inbox, beside their offers.
    const inbox = (await get('/v1/me/inbox')).json<{ insights: { id: string; title: string }[] }>();
    expect(inbox.insights).toEqual([expect.objectContaining({ id: list.messages[0]!.id })]);
    const opened = await get(`/v1/me/insights/messages/${list.messages[0]!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json<{ insights: { asOf: string }; openedAt: string }>()).toMatchObject({
      insights: { asOf: '2026-06-30' },
      openedAt: now.toISOString(),
    });
    expect((await get('/v1/me/insights/messages/ins_unknown')).statusCode).toBe(404);
  });

  it('sends none to a customer whose frequency choice is "never"', async () => {
    const other = (await h.vault.identity.findCustomer('external_id', externalIdOf(4)))!;
    const recorded = await h.vault.consent.record([
      {
        customerId: other,
        purpose: 'spending_insights',
        channel: 'all',
        granted: true,
        source: 'console',
        noticeVersion: currentNotice('spending_insights').id,
        decidedAt: new Date(),
      },
    ]);
    expect(recorded.ok).toBe(true);
    const changed = await h.vault.preferences.update([
      { customerId: other, change: { kind: 'frequency_cap', cap: 'never' } },
    ]);
    expect(changed.ok).toBe(true);
    expect(await h.vault.insights.send(other)).toBe('not-due');
    await h.vault.insights.sendDue();
    expect(await h.vault.insights.messages(other)).toEqual([]);
  });

  it('deletes the stored insights when the customer withdraws, and stops them', async () => {
    expect(await h.vault.insights.messages(customerId)).toHaveLength(1);
    await decide(false);
    expect(await h.vault.insights.messages(customerId)).toEqual([]);
    const { rows } = await h.vault.storage.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM insight_messages WHERE customer_id = $1',
      [customerId],
    );
    expect(Number(rows[0]!.n)).toBe(0);
    expect((await get('/v1/me/insights')).statusCode).toBe(403);
    expect((await get('/v1/me/inbox')).json<{ insights: unknown[] }>().insights).toEqual([]);
    expect(await h.vault.insights.send(customerId)).toBe('no-consent');
    await h.vault.insights.sendDue();
    expect(await h.vault.insights.messages(customerId)).toEqual([]);
  });

  /** Every hub table's row count, and the transparency log's size: what a send could add a count to. */
  const outside = async () => {
    const { rows } = await h.vault.storage.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'hub' ORDER BY table_name",
    );
    const counts: Record<string, number> = { 'transparency log': h.vault.audit.head().size };
    for (const { table_name } of rows) {
      const counted = await h.vault.storage.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM hub."${table_name}"`,
      );
      counts[table_name] = Number(counted.rows[0]!.n);
    }
    return counts;
  };

  it('leaves nothing about insights in the hub or the application log', async () => {
    await decide(true);
    const insights = await h.vault.insights.forCustomer(customerId);
    const before = await outside();
    expect(Object.keys(before).length).toBeGreaterThan(5);
    const logged = appLog.length;
    await h.vault.insights.send(customerId);
    await h.vault.insights.sendDue();
    expect(await h.vault.insights.messages(customerId)).toHaveLength(1);
    // Sending adds no row to any hub table and no entry to the transparency log: no count of sends leaves.
    // (Broken once: a send that recorded a log event with the number of its regular payments failed here.)
    expect(await outside()).toEqual(before);
    // Nor does it write a line to the application log, with a count or without.
    expect(appLog.slice(logged)).toEqual([]);
    const merchants = insights.regularPayments.flatMap((p) => (p.merchant === undefined ? [] : [p.merchant]));
    const log = appLog.join('\n');
    for (const merchant of merchants) expect(log).not.toContain(merchant);
    expect(log).not.toMatch(/amountMinor|regularPayments|insight_messages/);
    // The hub's own schema has no table for them, and its database role cannot read the vault's.
    const { rows } = await h.vault.storage.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'hub' AND table_name LIKE '%insight%'",
    );
    expect(rows).toEqual([]);
  });
});
