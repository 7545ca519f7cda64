// Who gets an offer: consent, "stop everything", suppressions, both caps, quiet hours, maxMessages, too small.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PreferenceChange } from '../../src/core/consent.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { DeliveryService } from '../../src/vault/delivery/delivery-service.ts';
import { testBackends } from '../support/backends.ts';
import { createVaultTemplate, type VaultTemplate } from '../support/test-vault.ts';
import { consentingCustomers, inboxOrigin, RecordingAdapter, request } from './support/delivery-fixtures.ts';

const t0 = Date.parse('2026-06-30T12:00:00Z');
const day = 86_400_000;

describe.each(testBackends)('delivery filters on $name', (backend) => {
  // Each test opens its own copy of the customers and their preferences; those that look at what an earlier
  // campaign left deliver that campaign first.
  let template: VaultTemplate<number[]>;
  let vault: VaultServices & { dispose(): Promise<void> };
  let delivery: DeliveryService;
  let clock = new Date(t0);
  let email: RecordingAdapter<'email'>;
  let ids: number[] = [];
  // Named customers with one rule each; the rest are plain.
  let noInbox: number, stopped: number, notInterested: number, blocked: number, never: number;
  let weekly: number, monthly: number, quietUtc: number, quietTokyo: number, inboxOnly: number;

  const inboxOf = async (campaign: string): Promise<Set<number>> => {
    const { rows } = await vault.storage.query<{ customer_id: number }>(
      'SELECT customer_id FROM inbox_messages WHERE campaign_id = $1',
      [campaign],
    );
    return new Set(rows.map((r) => Number(r.customer_id)));
  };

  const settings = () => ({ random: seededRandomSource(`delivery-${backend.name}`), now: () => clock });

  beforeAll(async () => {
    template = await createVaultTemplate(backend, populate, { settings: settings() });
    ids = template.data.slice(2);
    [noInbox, inboxOnly] = template.data as [number, number];
    [stopped, notInterested, blocked, never, weekly, monthly, quietUtc, quietTokyo] = ids as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
  }, 120_000);
  afterAll(() => template.dispose());
  beforeEach(async () => {
    clock = new Date(t0);
    vault = await template.open(settings());
    email = new RecordingAdapter('email');
    delivery = new DeliveryService(vault, vault.guard, {
      currency: 'GBP',
      inboxOrigin,
      adapters: { email },
      now: () => clock,
      batchSize: 64,
      random: seededRandomSource(`order-${backend.name}`),
    });
  });
  afterEach(() => vault.dispose());

  /** Consenting customers, the first eight with one rule each: [noInbox, inboxOnly, ...the 200]. */
  async function populate(vault: VaultServices): Promise<number[]> {
    const ids = await consentingCustomers(vault, 200, 'F');
    const noInbox = (await consentingCustomers(vault, 1, 'N', ['email']))[0]!;
    const inboxOnly = (await consentingCustomers(vault, 1, 'I', ['inbox']))[0]!;
    const [stopped, notInterested, blocked, never, weekly, monthly, quietUtc, quietTokyo] = ids as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const change = (customerId: number, c: PreferenceChange) => ({ customerId, change: c });
    const updated = await vault.preferences.update([
      change(stopped, { kind: 'stop_everything', on: true }),
      change(notInterested, { kind: 'not_interested', category: 'mortgage', on: true }),
      change(blocked, { kind: 'never_from_partner', partner: 'acme', on: true }),
      change(never, { kind: 'frequency_cap', cap: 'never' }),
      change(weekly, { kind: 'frequency_cap', cap: 'weekly' }),
      change(monthly, { kind: 'frequency_cap', cap: 'monthly' }),
      change(quietUtc, {
        kind: 'quiet_hours',
        quietHours: { start: '11:00', end: '13:00', timeZone: 'UTC' },
      }),
      // 21:00 in Tokyo: inside quiet hours that wrap midnight, until 08:00 there (23:00 UTC).
      change(quietTokyo, {
        kind: 'quiet_hours',
        quietHours: { start: '20:00', end: '08:00', timeZone: 'Asia/Tokyo' },
      }),
    ]);
    expect(updated.ok).toBe(true);
    return [noInbox, inboxOnly, ...ids];
  }

  it('delivers to consenting customers only, minus stop-everything, suppressions and "never"', async () => {
    const report = await delivery.deliver(request('camp-a'));
    expect(report).toEqual({
      ok: true,
      value: {
        campaignId: 'camp-a',
        state: 'finished',
        fractionDone: 1,
        budget: expect.objectContaining({ charged: '5/8' }) as unknown,
      },
    });
    const got = await inboxOf('camp-a');
    for (const id of [noInbox, stopped, notInterested, blocked, never]) expect(got.has(id)).toBe(false);
    for (const id of [weekly, monthly, quietUtc, quietTokyo, inboxOnly]) expect(got.has(id)).toBe(true);
    expect(got.size).toBe(ids.length - 4 + 1);
  });

  it('writes notices only on consented channels, and holds them through quiet hours', async () => {
    expect((await delivery.deliver(request('camp-a'))).ok).toBe(true);
    const { rows } = await vault.storage.query<{ customer_id: number; state: string; not_before: Date }>(
      "SELECT customer_id, state, not_before FROM outbound_notices WHERE campaign_id = 'camp-a'",
    );
    const notices = new Map(rows.map((r) => [Number(r.customer_id), r]));
    expect(notices.has(inboxOnly)).toBe(false);
    expect(notices.size).toBe(ids.length - 4);
    expect(notices.get(quietUtc)).toMatchObject({
      state: 'pending',
      not_before: new Date('2026-06-30T13:00:00Z'),
    });
    expect(notices.get(quietTokyo)).toMatchObject({
      state: 'pending',
      not_before: new Date('2026-06-30T23:00:00Z'),
    });
    expect(notices.get(weekly)?.state).toBe('sent');
    expect(email.sent).toHaveLength(ids.length - 6);

    clock = new Date('2026-06-30T13:00:00Z');
    const summary = await delivery.sendDueNotices();
    expect(summary.sent).toBe(1);
    expect(email.sent.at(-1)?.to).toBe('zebulon.f6@example.org');
    clock = new Date(t0);
  });

  it('samples maxMessages customers, and keeps to the customer’s and the campaign’s caps', async () => {
    expect((await delivery.deliver(request('camp-a'))).ok).toBe(true);
    const b = await delivery.deliver(
      request('camp-b', {
        offer: { ...request('x').offer, category: 'savings', partner: 'other' },
        maxMessages: 60,
      }),
    );
    expect(b.ok).toBe(true);
    const gotB = await inboxOf('camp-b');
    expect(gotB.size).toBe(60);
    for (const id of [stopped, never, weekly, monthly, noInbox]) expect(gotB.has(id)).toBe(false);

    // Ten days later: "weekly" may hear again, "monthly" not; two messages in 30 days is the campaign's cap.
    clock = new Date(t0 + 10 * day);
    const c = await delivery.deliver(
      request('camp-c', {
        offer: { ...request('x').offer, category: 'savings', partner: 'other' },
        frequencyCap: { messages: 2, days: 30 },
      }),
    );
    expect(c.ok).toBe(true);
    const gotA = await inboxOf('camp-a');
    const gotC = await inboxOf('camp-c');
    expect(gotC.has(weekly)).toBe(true);
    expect(gotC.has(monthly)).toBe(false);
    for (const id of gotB) if (gotA.has(id)) expect(gotC.has(id)).toBe(false);
    // Not interested in mortgages and blocked acme: this offer is neither, so they get it.
    expect(gotC.has(notInterested) && gotC.has(blocked)).toBe(true);
    clock = new Date(t0);
  });

  it('refuses an audience under the noised k with "audience too small" and sends nothing, also on retry', async () => {
    const refused = await delivery.deliver(request('camp-small', { maxMessages: 5 }));
    // Charged, and saying so; nothing else about the audience.
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'DELIVERY_AUDIENCE_TOO_SMALL',
        message: 'audience too small',
        budget: expect.objectContaining({ charged: '5/8' }) as unknown,
      },
    });
    // The retry reads the refused run back: nothing charged (the door adds what is left, test/security/charged.test.ts).
    const again = await delivery.deliver(request('camp-small', { maxMessages: 5 }));
    expect(again).toEqual({
      ok: false,
      error: { code: 'DELIVERY_AUDIENCE_TOO_SMALL', message: 'audience too small' },
    });
    const { rows } = await vault.storage.query<{ inbox: number; notices: number; admissions: number }>(
      `SELECT (SELECT count(*)::int FROM inbox_messages WHERE campaign_id = 'camp-small') AS inbox,
              (SELECT count(*)::int FROM outbound_notices WHERE campaign_id = 'camp-small') AS notices,
              (SELECT count(*)::int FROM questions WHERE expression = 'delivery:camp-small') AS admissions`,
    );
    expect(rows[0]).toEqual({ inbox: 0, notices: 0, admissions: 1 });
    const logged = await vault.storage.query<{ entry: string }>(
      "SELECT entry FROM audit_entries WHERE entry LIKE '%delivery.refused%' AND entry LIKE '%camp-small%'",
    );
    expect(logged.rows).toHaveLength(1);
  });

  it('passes question refusals through, with the rendered diagnostics', async () => {
    const invalid = await delivery.deliver(request('camp-bad', { audience: 'holds("mortgage" and' }));
    expect(!invalid.ok && invalid.error.code).toBe('QUESTION_INVALID');
    expect(!invalid.ok && invalid.error.message).toContain('^');
    const unknown = await delivery.deliver(request('camp-bad', { purpose: 'astrology' }));
    expect(!unknown.ok && unknown.error.code).toBe('QUESTION_PURPOSE_UNKNOWN');
    const malformed = await delivery.deliver(request('camp-bad', { channels: ['email', 'email'] }));
    expect(!malformed.ok && malformed.error.code).toBe('DELIVERY_INVALID');
  });
});
