// The customer's door and the advisor's reveal over HTTP: own data only, consent before identity, no PII in logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { testBackends } from '../support/backends.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';
import { deliver, mortgageOffer } from '../responses/fixture.ts';
import { openHarness, type Harness } from './harness.ts';

describe.each(testBackends)('the customer API on $name', (backend) => {
  let h: Harness;
  const logLines: string[] = [];
  const customers = sampleCustomers(2, 'H');
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let messageId: string;
  let aliceId: number;

  beforeAll(async () => {
    h = await openHarness(backend, {
      logLevel: 'trace',
      logStream: { write: (line) => void logLines.push(line) },
    });
    let bobId: number;
    [aliceId, bobId] = (await h.vault.identity.createCustomers(customers)) as [number, number];
    ({ messageId } = await deliver(h.vault, aliceId));
    alice = await h.customer(aliceId);
    bob = await h.customer(bobId);
  }, 120_000);
  afterAll(() => h.dispose());

  it('shows a customer their own messages and nobody else’s', async () => {
    const own = await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: alice });
    const messages = own.json<{ messages: { id: string; title: string; why: string; greeting: string }[] }>()
      .messages;
    expect(messages.map((m) => m.id)).toEqual([messageId]);
    expect(messages[0]!.why).toMatch(/home inspection/);
    expect(messages[0]!.greeting).toContain(customers[0]!.pii.givenName);
    expect(own.body).not.toMatch(/customerId|customer_id/);

    expect((await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: bob })).json()).toEqual({
      messages: [],
      insights: [],
    });
    const peek = await h.inject({ method: 'GET', url: `/v1/me/inbox/${messageId}`, headers: bob });
    expect(peek.statusCode).toBe(404);
    const answer = await h.inject({
      method: 'POST',
      url: `/v1/me/inbox/${messageId}/response`,
      headers: bob,
      payload: { answer: 'stop_all' },
    });
    expect(answer.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const connect = await h.inject({
      method: 'POST',
      url: `/v1/me/inbox/${messageId}/connect`,
      headers: bob,
      payload: { consent: true },
    });
    expect(connect.statusCode).toBe(404);
    // Staff cannot read an inbox, whatever their role.
    const staff = await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: h.staff.operator });
    expect(staff.statusCode).toBe(403);
  });

  it('reveals identity to an advisor only after the customer consents, for that lead', async () => {
    const opened = await h.inject({ method: 'GET', url: `/v1/me/inbox/${messageId}`, headers: alice });
    expect(opened.json()).toMatchObject({
      title: mortgageOffer.title,
      openedAt: expect.any(String) as unknown,
    });
    const interested = await h.inject({
      method: 'POST',
      url: `/v1/me/inbox/${messageId}/response`,
      headers: alice,
      payload: { answer: 'interested' },
    });
    expect(interested.json()).toMatchObject({
      kind: 'interested',
      consentRequest: { reveals: ['givenName', 'familyName', 'email', 'phone'] },
    });
    const queueBefore = await h.inject({ method: 'GET', url: '/v1/leads', headers: h.staff.advisor });
    expect(queueBefore.json()).toEqual({ leads: [] });

    const refused = await h.inject({
      method: 'POST',
      url: `/v1/me/inbox/${messageId}/connect`,
      headers: alice,
      payload: { consent: false },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });

    const connected = await h.inject({
      method: 'POST',
      url: `/v1/me/inbox/${messageId}/connect`,
      headers: alice,
      payload: { consent: true },
    });
    expect(connected.statusCode).toBe(201);
    const lead = connected.json<{ id: string; state: string; receipt: string }>();
    expect(lead.state).toBe('open');
    const mine = await h.inject({ method: 'GET', url: '/v1/me/leads', headers: alice });
    expect(mine.json()).toMatchObject({ leads: [{ id: lead.id, receipt: lead.receipt }] });

    const queue = await h.inject({ method: 'GET', url: '/v1/leads', headers: h.staff.advisor });
    expect(queue.json()).toMatchObject({ leads: [{ id: lead.id, offerTitle: mortgageOffer.title }] });
    for (const needle of piiNeedles(customers[0]!)) expect(queue.body).not.toContain(needle);

    const claimed = await h.inject({
      method: 'POST',
      url: `/v1/leads/${lead.id}/claim`,
      headers: h.staff.advisor,
    });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({
      leadId: lead.id,
      claimedBy: 'ada',
      identity: { givenName: customers[0]!.pii.givenName, email: customers[0]!.pii.email },
      receipt: lead.receipt,
    });
    const again = await h.inject({
      method: 'POST',
      url: `/v1/leads/${lead.id}/claim`,
      headers: h.staff.advisor,
    });
    expect(again.json()).toMatchObject({ error: { code: 'LEAD_REFUSED' } });
  });

  it('lists an advisor’s own leads, takes a status and a note, and shows the customer the status', async () => {
    const delivered = await deliver(h.vault, aliceId);
    const noticeVersion = currentNotice('identity_reveal').id;
    const connected = await h.vault.responses.connect(aliceId, delivered.messageId, {
      consent: true,
      noticeVersion,
    });
    if (!connected.ok) throw new Error(connected.error.message);
    const leadId = connected.value.id;
    expect((await h.vault.advisorQueue.claim('ada', leadId, { recipient: 'bank' })).ok).toBe(true);
    const post = (path: string, payload: object) =>
      h.inject({ method: 'POST', url: `/v1/leads/${leadId}/${path}`, headers: h.staff.advisor, payload });

    const bad = await post('status', { status: 'won' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'USAGE', message: expect.stringContaining('status') as unknown },
    });
    expect((await post('status', { status: 'contacted' })).json()).toEqual({ leadId, status: 'contacted' });
    expect((await post('notes', { text: 'rang, no answer' })).json()).toEqual({ leadId });

    const mine = await h.inject({ method: 'GET', url: '/v1/my-leads', headers: h.staff.advisor });
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ leads: { leadId: string }[] }>().leads.find((l) => l.leadId === leadId)).toMatchObject(
      {
        status: 'contacted',
        identity: { email: customers[0]!.pii.email },
        withheld: null,
        history: [
          { advisor: 'ada', change: 'status', status: 'contacted', note: null },
          { advisor: 'ada', change: 'note', status: null, note: 'rang, no answer' },
        ],
      },
    );
    const own = await h.inject({ method: 'GET', url: '/v1/me/leads', headers: alice });
    expect(own.json<{ leads: { id: string }[] }>().leads.find((l) => l.id === leadId)).toMatchObject({
      status: 'contacted',
    });
  });

  it('keeps a preference centre: consent per purpose and channel, frequency, quiet hours, stop all', async () => {
    const changed = await h.inject({
      method: 'PATCH',
      url: '/v1/me/preferences',
      headers: bob,
      payload: {
        frequencyCap: 'weekly',
        quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/London' },
        stopEverything: true,
        notInterested: [{ category: 'mortgage', on: true }],
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      preferences: {
        frequencyCap: 'weekly',
        quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/London' },
        stopEverything: true,
        notInterestedCategories: ['mortgage'],
      },
    });
    const bad = await h.inject({
      method: 'PATCH',
      url: '/v1/me/preferences',
      headers: bob,
      payload: { frequencyCap: 'hourly' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'USAGE' } });

    const granted = await h.inject({
      method: 'PUT',
      url: '/v1/me/consent',
      headers: bob,
      payload: { purpose: 'bank_offers', channel: 'all', granted: true },
    });
    const withdrawn = await h.inject({
      method: 'PUT',
      url: '/v1/me/consent',
      headers: bob,
      payload: { purpose: 'bank_offers', channel: 'email', granted: false },
    });
    expect(granted.statusCode).toBe(200);
    const state = withdrawn.json<{ consent: { purpose: string; grantedChannels: string[] }[] }>();
    expect(state.consent.find((c) => c.purpose === 'bank_offers')!.grantedChannels.sort()).toEqual(
      ['inbox', 'push', 'webhook'].sort(),
    );
    const receipt = await h.inject({ method: 'GET', url: '/v1/me/consent/receipt', headers: bob });
    expect(receipt.json<{ receipt: string }>().receipt.split('.')).toHaveLength(3);
    // Alice's preferences did not change.
    const aliceState = await h.inject({ method: 'GET', url: '/v1/me/preferences', headers: alice });
    expect(aliceState.json()).toMatchObject({ preferences: { stopEverything: false, frequencyCap: null } });

    // How many customers consent is a customer count: no route releases it (issue 14, class 3).
    const stats = await h.inject({
      method: 'GET',
      url: '/v1/consent/statistics',
      headers: h.staff.compliance,
    });
    expect(stats.statusCode).toBe(404);
  });

  it('gives compliance the log: entries, an inclusion proof, verification', async () => {
    // A customer of its own who consents to bank offers and to a reveal, which an advisor then claims.
    const customer = sampleCustomers(1, 'G')[0]!;
    const [customerId] = (await h.vault.identity.createCustomers([customer])) as [number];
    const consented = await h.vault.consent.record([
      {
        customerId,
        purpose: 'bank_offers',
        channel: 'inbox',
        granted: true,
        source: 'api',
        noticeVersion: currentNotice('bank_offers').id,
        decidedAt: new Date('2026-11-01T10:00:00Z'),
      },
    ]);
    expect(consented.ok).toBe(true);
    const delivered = await deliver(h.vault, customerId);
    const lead = await h.vault.responses.connect(customerId, delivered.messageId, {
      consent: true,
      noticeVersion: currentNotice('identity_reveal').id,
    });
    if (!lead.ok) throw new Error(lead.error.message);
    expect((await h.vault.advisorQueue.claim('ada', lead.value.id, { recipient: 'bank' })).ok).toBe(true);
    const head = (
      await h.inject({ method: 'GET', url: '/v1/audit/head', headers: h.staff.compliance })
    ).json<{
      size: number;
      checkpoint: string;
    }>();
    expect(head.size).toBeGreaterThan(3);
    const page = await h.inject({
      method: 'GET',
      url: '/v1/audit/entries?from=0&limit=500',
      headers: h.staff.compliance,
    });
    const entries = page.json<{ entries: { index: number; entry: { type: string } }[] }>().entries;
    expect(entries).toHaveLength(head.size);
    expect(entries.map((e) => e.entry.type)).toEqual(
      expect.arrayContaining(['identity.revealed', 'consent.changed']),
    );
    for (const shown of [...customers, customer])
      for (const needle of piiNeedles(shown)) expect(page.body).not.toContain(needle);
    const proven = await h.inject({ method: 'GET', url: '/v1/audit/entries/1', headers: h.staff.compliance });
    expect(proven.json()).toMatchObject({ index: 1, head: { size: head.size } });
    const verdict = await h.inject({ method: 'GET', url: '/v1/audit/verify', headers: h.staff.compliance });
    expect(verdict.json()).toMatchObject({ ok: true, size: head.size });
    const consistency = await h.inject({
      method: 'GET',
      url: '/v1/audit/consistency?from=2',
      headers: h.staff.compliance,
    });
    expect(consistency.json()).toMatchObject({ oldSize: 2 });
  });

  it('ends an erased customer’s sessions', async () => {
    const [carolId] = (await h.vault.identity.createCustomers(sampleCustomers(1, 'E'))) as [number];
    const carol = await h.customer(carolId);
    expect((await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: carol })).statusCode).toBe(200);
    await h.vault.identity.shred([carolId]);
    const after = await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: carol });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
  });

  it('writes log lines with no customer name, email, phone or IBAN, even when a path or query carries one', async () => {
    const email = customers[0]!.pii.email;
    await h.inject({ method: 'GET', url: `/v1/me/inbox/${encodeURIComponent(email)}`, headers: alice });
    await h.inject({
      method: 'GET',
      url: `/v1/leads?partner=${encodeURIComponent(email)}`,
      headers: h.staff.advisor,
    });
    await h.inject({ method: 'GET', url: `/nowhere/${encodeURIComponent(email)}` });
    // Every piece of PII in a path and in a query, of a customer's request and of an anonymous one.
    for (const customer of customers) {
      for (const needle of piiNeedles(customer)) {
        await h.inject({ method: 'GET', url: `/v1/me/inbox/${encodeURIComponent(needle)}`, headers: alice });
        await h.inject({ method: 'GET', url: `/nowhere?q=${encodeURIComponent(needle)}` });
      }
    }
    expect(logLines.length).toBeGreaterThan(20);
    const log = logLines.join('\n');
    expect(log).toContain('request completed');
    for (const customer of customers) {
      for (const needle of [
        ...piiNeedles(customer),
        customer.pii.iban,
        encodeURIComponent(customer.pii.email),
      ]) {
        expect(log).not.toContain(needle);
      }
    }
    expect(log).not.toMatch(/curtain_session=|Bearer /);
  });
});
