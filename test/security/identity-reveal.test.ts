// Class 2 of issue 14: an advisor sees a customer's identity only while the customer still agrees (invariant 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import { refused } from '../../src/vault/responses/refusals.ts';
import { testBackends } from '../support/backends.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';
import { createResponseVault, deliver, type ResponseVault } from '../responses/fixture.ts';

const consent = { consent: true, noticeVersion: currentNotice('identity_reveal').id } as const;

describe.each(testBackends)('identity reveal under current consent on $name', (backend) => {
  let vault: ResponseVault;
  const customers = sampleCustomers(8, 'V');
  let ids: number[];
  const id = (i: number) => ids[i]!;

  beforeAll(async () => {
    vault = await createResponseVault(backend);
    ids = await vault.identity.createCustomers(customers);
  });
  afterAll(async () => vault.dispose());

  async function leadOf(i: number) {
    const { messageId } = await deliver(vault, id(i));
    const connected = await vault.responses.connect(id(i), messageId, consent);
    if (!connected.ok) throw new Error(connected.error.message);
    return connected.value;
  }

  /** The customer's identity_reveal withdrawal, as the preference centre records it. */
  async function withdrawConsent(i: number) {
    const recorded = await vault.consent.record([
      {
        customerId: id(i),
        purpose: 'identity_reveal',
        channel: 'all',
        granted: false,
        source: 'console',
        noticeVersion: currentNotice('identity_reveal').id,
        decidedAt: new Date(),
      },
    ]);
    expect(recorded.ok).toBe(true);
  }

  async function verifiedRequest(kind: 'restriction' | 'objection' | 'erasure', i: number) {
    const request = await vault.compliance.requests.receive(kind, 'gdpr');
    await vault.compliance.requests.verify(request.id, {
      externalId: customers[i]!.externalId,
      email: customers[i]!.pii.email,
    });
    return request.id;
  }

  async function logged(type: string, i: number) {
    const key = await vault.identity.auditKey(id(i));
    const entries = [];
    for (let n = 0; n < vault.audit.head().size; n++) {
      const e = (await vault.audit.entry(n))!.entry;
      if (e.type === type && e.subjectRef !== undefined && isAuditSubject(key, e.subjectRef)) entries.push(e);
    }
    return entries;
  }

  /** Nothing of customer i anywhere in what the advisor got. */
  function expectNothingOf(i: number, outcome: unknown) {
    const text = JSON.stringify(outcome);
    for (const needle of piiNeedles(customers[i]!)) expect(text).not.toContain(needle);
  }

  it('shows a customer who keeps consent at the claim and at every later display, logging each', async () => {
    const lead = await leadOf(0);
    const claimed = await vault.advisorQueue.claim('ada', lead.id, { recipient: 'bank' });
    expect(claimed).toMatchObject({ ok: true, value: { identity: { email: customers[0]!.pii.email } } });
    const shown = await vault.advisorQueue.show('ada', lead.id, { recipient: 'bank' });
    expect(shown).toMatchObject({ ok: true, value: { identity: { email: customers[0]!.pii.email } } });
    // Another advisor of the same queue is not shown a lead they did not take up.
    const other = await vault.advisorQueue.show('bob', lead.id, { recipient: 'bank' });
    expect(other).toMatchObject({ ok: false, error: { code: 'LEAD_REFUSED', reason: 'already-claimed' } });
    expectNothingOf(0, other);
    expect((await logged('identity.revealed', 0)).map((e) => e.details['occasion'] ?? 'claim')).toEqual([
      'claim',
      'display',
    ]);
  });

  it('refuses the claim after the customer withdrew identity_reveal in the consent ledger, and logs it', async () => {
    const lead = await leadOf(1);
    await withdrawConsent(1);
    const outcome = await vault.advisorQueue.claim('ada', lead.id, { recipient: 'bank' });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'IDENTITY_WITHHELD', reason: 'withdrawn', message: 'the customer withdrew consent' },
    });
    if (!outcome.ok) expect(refused(outcome.error).code).toBe('IDENTITY_WITHHELD');
    expectNothingOf(1, outcome);
    expect(await logged('identity.revealed', 1)).toEqual([]);
    expect((await logged('identity.withheld', 1)).map((e) => e.details)).toEqual([
      {
        leadId: lead.id,
        campaignRef: expect.any(String) as unknown,
        recipient: 'bank',
        advisor: 'ada',
        reason: 'withdrawn',
      },
    ]);
    // The lead stays unclaimed: consent given again later does not let this lead through behind the refusal.
    expect((await vault.responses.leadsOf(id(1)))[0]).toMatchObject({ state: 'open', claimedBy: undefined });
  });

  it('stops showing a claimed lead once the customer withdraws, through the ledger or the lead', async () => {
    const viaLedger = await leadOf(2);
    expect((await vault.advisorQueue.claim('ada', viaLedger.id, { recipient: 'bank' })).ok).toBe(true);
    await withdrawConsent(2);
    const afterLedger = await vault.advisorQueue.show('ada', viaLedger.id, { recipient: 'bank' });
    expect(afterLedger).toMatchObject({
      ok: false,
      error: { code: 'IDENTITY_WITHHELD', reason: 'withdrawn' },
    });
    expectNothingOf(2, afterLedger);

    const viaLead = await leadOf(3);
    expect((await vault.advisorQueue.claim('ada', viaLead.id, { recipient: 'bank' })).ok).toBe(true);
    expect(await vault.responses.withdraw(id(3), viaLead.id)).toMatchObject({
      ok: true,
      value: { state: 'withdrawn' },
    });
    const afterLead = await vault.advisorQueue.show('ada', viaLead.id, { recipient: 'bank' });
    expect(afterLead).toEqual({
      ok: false,
      error: { code: 'IDENTITY_WITHHELD', reason: 'withdrawn', message: 'the customer withdrew consent' },
    });
    expectNothingOf(3, afterLead);
    expect(await logged('identity.withheld', 3)).toHaveLength(1);
  });

  it('withholds the identity while a restriction or an objection is in force', async () => {
    const restrictedLead = await leadOf(4);
    await vault.compliance.restrict(await verifiedRequest('restriction', 4), 'restriction');
    const atClaim = await vault.advisorQueue.claim('ada', restrictedLead.id, { recipient: 'bank' });
    expect(atClaim).toMatchObject({ ok: false, error: { code: 'IDENTITY_WITHHELD', reason: 'restricted' } });
    expectNothingOf(4, atClaim);
    // Lifted, the consent given for the lead stands again.
    await vault.compliance.lift(id(4), 'restriction');
    expect((await vault.advisorQueue.claim('ada', restrictedLead.id, { recipient: 'bank' })).ok).toBe(true);

    const objectedLead = await leadOf(5);
    expect((await vault.advisorQueue.claim('ada', objectedLead.id, { recipient: 'bank' })).ok).toBe(true);
    await vault.compliance.restrict(await verifiedRequest('objection', 5), 'objection');
    const atDisplay = await vault.advisorQueue.show('ada', objectedLead.id, { recipient: 'bank' });
    expect(atDisplay).toMatchObject({
      ok: false,
      error: { code: 'IDENTITY_WITHHELD', reason: 'restricted' },
    });
    expectNothingOf(5, atDisplay);
    expect((await logged('identity.withheld', 5)).map((e) => e.details['reason'])).toEqual(['restricted']);
  });

  it('closes every lead of an erased customer: neither claimed nor shown again', async () => {
    const open = await leadOf(6);
    const claimed = await leadOf(6);
    expect((await vault.advisorQueue.claim('ada', claimed.id, { recipient: 'bank' })).ok).toBe(true);
    await vault.compliance.erase(await verifiedRequest('erasure', 6), customers[6]!.externalId);
    const claim = await vault.advisorQueue.claim('bob', open.id, { recipient: 'bank' });
    const show = await vault.advisorQueue.show('ada', claimed.id, { recipient: 'bank' });
    expect(claim).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'not-found' } });
    expect(show).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'not-found' } });
    expectNothingOf(6, [claim, show]);
    expect(await vault.advisorQueue.list({ recipient: 'bank' })).not.toContainEqual(
      expect.objectContaining({ id: open.id }),
    );
  });
});
