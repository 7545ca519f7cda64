// Responses, leads and the advisor queue on every backend: effects, consent, receipts, refusals, the log.
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import type { ProvenEntry } from '../../src/audit/audit-log.ts';
import { containsPiiBesidesIds } from '../../src/privacy/scrub.ts';
import { verifyReceipt } from '../../src/vault/consent/receipts.ts';
import { isAuditCampaign, isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import type { LeadReceipt } from '../../src/vault/responses/lead-receipt.ts';
import { testBackends } from '../support/backends.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';
import {
  createResponseVault,
  deliver,
  insuranceOffer,
  mortgageOffer,
  type ResponseVault,
} from './fixture.ts';

const notice = currentNotice('identity_reveal').id;
const consent = { consent: true, noticeVersion: notice } as const;

/** Changes one character of a JWS segment (0 header, 1 payload, 2 signature) to another valid one. */
function tamper(jws: string, segment: 1 | 2): string {
  const parts = jws.split('.');
  const part = parts[segment]!;
  const at = Math.floor(part.length / 2);
  const swapped = part[at] === 'A' ? 'B' : 'A';
  parts[segment] = part.slice(0, at) + swapped + part.slice(at + 1);
  return parts.join('.');
}

describe.each(testBackends)('responses and leads on $name', (backend) => {
  let vault: ResponseVault;
  const customers = sampleCustomers(12, 'R');
  let ids: number[];
  const id = (i: number) => ids[i]!;

  beforeAll(async () => {
    vault = await createResponseVault(backend);
    ids = await vault.identity.createCustomers(customers);
  });
  afterAll(async () => vault.dispose());

  async function stored(messageId: string) {
    const { rows } = await vault.storage.query<{ response: string | null; responded_at: Date | null }>(
      'SELECT response, responded_at FROM inbox_messages WHERE public_id = $1',
      [messageId],
    );
    return rows[0]!;
  }

  const leadCount = async (customerId: number) =>
    (
      await vault.storage.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM leads WHERE customer_id = $1',
        [customerId],
      )
    ).rows[0]!.n;

  it('records "not now" and changes nothing else; a later answer replaces it', async () => {
    const { messageId } = await deliver(vault, id(0));
    const answered = await vault.responses.respond(id(0), messageId, 'not_now');
    expect(answered).toMatchObject({ ok: true, value: { kind: 'not_now', standing: 'not_now' } });
    expect((await stored(messageId)).response).toBe('not_now');
    const prefs = await vault.preferences.get(id(0));
    expect(prefs.notInterestedCategories).toEqual([]);
    expect(prefs.stopEverything).toBe(false);

    await vault.responses.respond(id(0), messageId, 'not_interested');
    expect((await stored(messageId)).response).toBe('not_interested');
  });

  it('"not interested" suppresses the offer’s category', async () => {
    const { messageId } = await deliver(vault, id(1), insuranceOffer);
    const answered = await vault.responses.respond(id(1), messageId, 'not_interested');
    expect(answered.ok).toBe(true);
    expect((await vault.preferences.get(id(1))).notInterestedCategories).toEqual(['home_insurance']);
    expect((await vault.preferences.suppressed('category', 'home_insurance')).has(id(1))).toBe(true);
    expect((await vault.preferences.get(id(1))).stopEverything).toBe(false);
  });

  it('"stop all" turns on the global opt-out', async () => {
    const { messageId } = await deliver(vault, id(2));
    expect((await vault.responses.respond(id(2), messageId, 'stop_all')).ok).toBe(true);
    expect((await vault.preferences.get(id(2))).stopEverything).toBe(true);
    expect((await vault.preferences.stoppedEverything()).has(id(2))).toBe(true);
    expect((await stored(messageId)).response).toBe('stop_all');
  });

  it('"interested" asks for consent and reveals nothing: what, to whom, for which offer, under which notice', async () => {
    const bank = await deliver(vault, id(3));
    const answered = await vault.responses.respond(id(3), bank.messageId, 'interested');
    if (!answered.ok) throw new Error(answered.error.message);
    const request = answered.value.consentRequest!;
    expect(request).toMatchObject({
      messageId: bank.messageId,
      campaignId: bank.campaignId,
      offer: { offerId: mortgageOffer.offerId, title: mortgageOffer.title },
      recipient: { code: 'bank' },
      reveals: ['givenName', 'familyName', 'email', 'phone'],
      notice: { id: notice, text: currentNotice('identity_reveal').text },
    });
    const text = JSON.stringify(request);
    for (const needle of piiNeedles(customers[3]!)) expect(text).not.toContain(needle);
    expect(await leadCount(id(3))).toBe(0);
    expect(await vault.responses.leadsOf(id(3))).toEqual([]);
    expect((await stored(bank.messageId)).response).toBe('interested');

    const partner = await deliver(vault, id(3), insuranceOffer);
    const asked = await vault.responses.respond(id(3), partner.messageId, 'interested');
    expect(asked.ok && asked.value.consentRequest?.recipient.code).toBe('acme');
  });

  it('refuses to connect without explicit consent to the current notice', async () => {
    const { messageId } = await deliver(vault, id(4));
    const none = await vault.responses.connect(id(4), messageId, { consent: false, noticeVersion: notice });
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REQUIRED', reason: 'consent-not-given' },
    });
    const wrong = await vault.responses.connect(id(4), messageId, {
      consent: true,
      noticeVersion: 'identity_reveal/v0',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REQUIRED', reason: 'notice-mismatch' },
    });
    const otherPurpose = await vault.responses.connect(id(4), messageId, {
      consent: true,
      noticeVersion: currentNotice('bank_offers').id,
    });
    expect(otherPurpose).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_REQUIRED', reason: 'notice-mismatch' },
    });
    expect(await leadCount(id(4))).toBe(0);
  });

  it('connects: a lead with a signed receipt bound to it; connecting twice returns the same lead', async () => {
    const { messageId, campaignId } = await deliver(vault, id(5));
    const connected = await vault.responses.connect(id(5), messageId, consent);
    if (!connected.ok) throw new Error(connected.error.message);
    const lead = connected.value;
    expect(lead).toMatchObject({ messageId, campaignId, recipient: 'bank', state: 'open' });
    expect(lead.id).toMatch(/^lead-[a-z]{20}$/);

    expect(decodeProtectedHeader(lead.receipt)).toMatchObject({ alg: 'EdDSA', typ: 'consent-receipt+json' });
    const verified = await verifyReceipt(lead.receipt, vault.consent.receiptKeys());
    if (!verified.ok) throw new Error(verified.error);
    const receipt = verified.value as LeadReceipt;
    expect(receipt.curtainLead).toEqual({
      leadId: lead.id,
      campaignId,
      offerId: mortgageOffer.offerId,
      recipient: 'bank',
    });
    const purposes = receipt.services.flatMap((s) => s.purposes);
    expect(purposes.map((p) => [p.curtainPurposeCode, p.curtainNoticeVersion])).toEqual([
      ['identity_reveal', notice],
    ]);
    expect(isAuditSubject(await vault.identity.auditKey(id(5)), receipt.piiPrincipalId)).toBe(true);
    expect(isAuditSubject(await vault.identity.auditKey(id(6)), receipt.piiPrincipalId)).toBe(false);
    expect(receipt.iat).toBeGreaterThan(0);
    for (const needle of piiNeedles(customers[5]!)) expect(lead.receipt).not.toContain(needle);

    const again = await vault.responses.connect(id(5), messageId, consent);
    expect(again.ok && again.value.id).toBe(lead.id);
    expect(await leadCount(id(5))).toBe(1);

    // Nothing undoes a lead: a later answer still applies its effect, the message stays "interested".
    const later = await vault.responses.respond(id(5), messageId, 'not_now');
    expect(later).toMatchObject({ ok: true, value: { standing: 'interested', leadId: lead.id } });
    expect((await stored(messageId)).response).toBe('interested');
    expect(await vault.responses.leadsOf(id(5))).toMatchObject([{ id: lead.id, state: 'open' }]);
  });

  async function connect(i: number, offer = mortgageOffer) {
    const { messageId, campaignId } = await deliver(vault, id(i), offer);
    const connected = await vault.responses.connect(id(i), messageId, consent);
    if (!connected.ok) throw new Error(connected.error.message);
    return { ...connected.value, campaignId };
  }

  it('lists leads to advisors without identity, each queue its own', async () => {
    const bankLead = await connect(6);
    const partnerLead = await connect(6, insuranceOffer);
    const bankQueue = await vault.advisorQueue.list({ recipient: 'bank' });
    const acmeQueue = await vault.advisorQueue.list({ recipient: 'acme' });
    expect(bankQueue.map((l) => l.id)).toContain(bankLead.id);
    expect(bankQueue.map((l) => l.id)).not.toContain(partnerLead.id);
    expect(acmeQueue.map((l) => l.id)).toEqual([partnerLead.id]);
    expect(acmeQueue[0]).toEqual({
      id: partnerLead.id,
      campaignId: partnerLead.campaignId,
      offerId: insuranceOffer.offerId,
      offerTitle: insuranceOffer.title,
      category: 'home_insurance',
      createdAt: expect.any(Date) as Date,
    });
    const text = JSON.stringify([...bankQueue, ...acmeQueue]);
    for (const customer of customers)
      for (const needle of piiNeedles(customer)) expect(text).not.toContain(needle);
    expect(text).not.toContain('receipt');
    expect(text).not.toMatch(/customer/i);
  });

  it('reveals the right customer to the right queue only, once, with the receipt', async () => {
    const lead = await connect(7, insuranceOffer);
    const fromBank = await vault.advisorQueue.claim('bob', lead.id, { recipient: 'bank' });
    expect(fromBank).toMatchObject({ ok: false, error: { code: 'LEAD_REFUSED', reason: 'wrong-recipient' } });

    const claimed = await vault.advisorQueue.claim('alice.acme', lead.id, { recipient: 'acme' });
    if (!claimed.ok) throw new Error(claimed.error.message);
    const pii = customers[7]!.pii;
    expect(claimed.value).toEqual({
      leadId: lead.id,
      campaignId: lead.campaignId,
      offer: { offerId: insuranceOffer.offerId, title: insuranceOffer.title },
      identity: { givenName: pii.givenName, familyName: pii.familyName, email: pii.email, phone: pii.phone },
      receipt: lead.receipt,
      claimedBy: 'alice.acme',
    });
    expect(JSON.stringify(claimed.value)).not.toContain(pii.nationalId);
    expect(await vault.responses.leadsOf(id(7))).toMatchObject([
      { id: lead.id, state: 'claimed', claimedBy: 'alice.acme' },
    ]);
    expect((await vault.advisorQueue.list({ recipient: 'acme' })).map((l) => l.id)).not.toContain(lead.id);

    const twice = await vault.advisorQueue.claim('carol', lead.id, { recipient: 'acme' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'LEAD_REFUSED', reason: 'already-claimed' } });
    // A withdrawal after the claim ends the reveal at once (test/security/identity-reveal.test.ts).
    const withdrawn = await vault.responses.withdraw(id(7), lead.id);
    expect(withdrawn).toMatchObject({ ok: true, value: { state: 'withdrawn', claimedBy: 'alice.acme' } });
  });

  async function setReceipt(leadId: string, receipt: string) {
    await vault.storage.query('UPDATE leads SET receipt = $2 WHERE public_id = $1', [leadId, receipt]);
  }

  it('refuses a tampered receipt, or one of another lead, and reveals nothing', async () => {
    const lead = await connect(8);
    // The same customer's receipt for another lead: signed and theirs, but not for this lead.
    const other = await connect(8);
    for (const [receipt, reason] of [
      [tamper(lead.receipt, 1), 'receipt-invalid'],
      [tamper(lead.receipt, 2), 'receipt-invalid'],
      [other.receipt, 'receipt-mismatch'],
      ['not a receipt', 'receipt-invalid'],
    ] as const) {
      await setReceipt(lead.id, receipt);
      const refused = await vault.advisorQueue.claim('bob', lead.id, { recipient: 'bank' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'RECEIPT_INVALID', reason } });
      expect(JSON.stringify(refused)).not.toContain(customers[8]!.pii.email);
    }
    expect((await vault.responses.leadsOf(id(8))).map((l) => l.state)).toEqual(['open', 'open']);
    await setReceipt(lead.id, lead.receipt);
    expect((await vault.advisorQueue.claim('bob', lead.id, { recipient: 'bank' })).ok).toBe(true);
  });

  it('refuses a receipt of another customer bound to this lead', async () => {
    // Customer 9 consents for a lead; the lead is then pointed at customer 10: the subject no longer matches.
    const lead = await connect(9);
    await vault.storage.query('UPDATE leads SET customer_id = $2 WHERE public_id = $1', [lead.id, id(10)]);
    const refused = await vault.advisorQueue.claim('bob', lead.id, { recipient: 'bank' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_INVALID', reason: 'receipt-mismatch' },
    });
    expect(JSON.stringify(refused)).not.toContain(customers[10]!.pii.email);
    await vault.storage.query(`UPDATE leads SET state = 'withdrawn' WHERE public_id = $1`, [lead.id]);
  });

  it('withdrawn leads leave the queue and cannot be claimed', async () => {
    const lead = await connect(11);
    const withdrawn = await vault.responses.withdraw(id(11), lead.id);
    expect(withdrawn).toMatchObject({ ok: true, value: { state: 'withdrawn' } });
    expect((await vault.responses.withdraw(id(11), lead.id)).ok).toBe(true);
    expect((await vault.advisorQueue.list({ recipient: 'bank' })).map((l) => l.id)).not.toContain(lead.id);
    const refused = await vault.advisorQueue.claim('bob', lead.id, { recipient: 'bank' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IDENTITY_WITHHELD', reason: 'withdrawn' } });
    // Connecting again returns the same, withdrawn lead: it does not reopen behind the customer's back.
    const again = await vault.responses.connect(id(11), lead.messageId, consent);
    expect(again).toMatchObject({ ok: true, value: { id: lead.id, state: 'withdrawn' } });
  });

  it('treats another customer’s message or lead as not found', async () => {
    const { messageId } = await deliver(vault, id(0));
    const lead = await connect(1);
    for (const kind of ['interested', 'not_now', 'not_interested', 'stop_all'] as const) {
      expect(await vault.responses.respond(id(4), messageId, kind)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', reason: 'not-found' },
      });
    }
    expect((await vault.preferences.get(id(4))).stopEverything).toBe(false);
    expect(await vault.responses.connect(id(4), messageId, consent)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'not-found' },
    });
    expect(await vault.responses.withdraw(id(4), lead.id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'not-found' },
    });
    expect(await vault.responses.respond(id(4), 'msg-nope', 'not_now')).toMatchObject({ ok: false });
    expect((await stored(messageId)).response).toBeNull();
    expect(await leadCount(id(4))).toBe(0);
  });

  it('never puts a customer who did not connect in a queue', async () => {
    // Its own customers: four answer without connecting ("interested" without consent among them), one connects.
    const answers = ['not_now', 'not_interested', 'stop_all', 'interested'] as const;
    const answering = await vault.identity.createCustomers(sampleCustomers(answers.length + 1, 'N'));
    const connecting = answering.pop()!;
    for (const [i, answer] of answers.entries()) {
      const { messageId } = await deliver(vault, answering[i]!);
      expect((await vault.responses.respond(answering[i]!, messageId, answer)).ok).toBe(true);
    }
    const { messageId } = await deliver(vault, connecting);
    expect((await vault.responses.connect(connecting, messageId, consent)).ok).toBe(true);

    const { rows } = await vault.storage.query<{ customer_id: number }>(
      'SELECT DISTINCT customer_id FROM leads',
    );
    const withLeads = new Set(rows.map((r) => Number(r.customer_id)));
    for (const customer of answering) expect(withLeads.has(customer)).toBe(false);
    expect(withLeads.has(connecting)).toBe(true);
    const queued = [
      ...(await vault.advisorQueue.list({ recipient: 'bank' })),
      ...(await vault.advisorQueue.list({ recipient: 'acme' })),
    ];
    const { rows: owners } = await vault.storage.query<{ customer_id: number }>(
      'SELECT customer_id FROM leads WHERE public_id = ANY($1::text[])',
      [queued.map((l) => l.id)],
    );
    expect(owners.map((owner) => Number(owner.customer_id))).toContain(connecting);
    for (const owner of owners) expect(answering).not.toContain(Number(owner.customer_id));
  });

  it('refuses to reveal an erased customer', async () => {
    const erasable = await vault.identity.createCustomers(sampleCustomers(1, 'E'));
    const { messageId } = await deliver(vault, erasable[0]!);
    const connected = await vault.responses.connect(erasable[0]!, messageId, consent);
    if (!connected.ok) throw new Error(connected.error.message);
    await vault.identity.shred([erasable[0]!]);
    const refused = await vault.advisorQueue.claim('bob', connected.value.id, { recipient: 'bank' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'not-found' } });
  });

  it('still verifies receipts signed before a receipt-key rotation', async () => {
    const lead = await connect(9);
    await vault.keys.rotateSigningKey('receipt-signing');
    const claimed = await vault.advisorQueue.claim('bob', lead.id, { recipient: 'bank' });
    expect(claimed.ok && claimed.value.identity.familyName).toBe(customers[9]!.pii.familyName);
  });

  it('refuses advisor handles that could carry PII', async () => {
    const lead = await connect(9);
    await expect(
      vault.advisorQueue.claim('bob@bank.example', lead.id, { recipient: 'bank' }),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('logs every step under the customer’s reference, with no PII', async () => {
    // Its own customers, taken through each logged step: an answer after a lead, a reveal to a partner, a
    // withdrawal, a reveal after refused claims.
    const logged = sampleCustomers(4, 'L');
    const [answered, partnered, withdrawn, retried] = await vault.identity.createCustomers(logged);
    const lead = async (customerId: number, offer = mortgageOffer) => {
      const { messageId } = await deliver(vault, customerId, offer);
      const connected = await vault.responses.connect(customerId, messageId, consent);
      if (!connected.ok) throw new Error(connected.error.message);
      return { ...connected.value, messageId };
    };
    const answeredLead = await lead(answered!);
    await vault.responses.respond(answered!, answeredLead.messageId, 'not_now');
    const partneredLead = await lead(partnered!, insuranceOffer);
    expect((await vault.advisorQueue.claim('alice.acme', partneredLead.id, { recipient: 'acme' })).ok).toBe(
      true,
    );
    const withdrawnLead = await lead(withdrawn!);
    await vault.responses.withdraw(withdrawn!, withdrawnLead.id);
    await vault.responses.withdraw(withdrawn!, withdrawnLead.id);
    const retriedLead = await lead(retried!);
    await setReceipt(retriedLead.id, tamper(retriedLead.receipt, 2));
    expect((await vault.advisorQueue.claim('bob', retriedLead.id, { recipient: 'bank' })).ok).toBe(false);
    await setReceipt(retriedLead.id, retriedLead.receipt);
    expect((await vault.advisorQueue.claim('bob', retriedLead.id, { recipient: 'bank' })).ok).toBe(true);

    const size = vault.audit.head().size;
    const entries: ProvenEntry[] = [];
    for (let i = 0; i < size; i++) entries.push((await vault.audit.entry(i))!);
    const ofType = (type: string) => entries.filter((e) => e.entry.type === type);

    const key5 = await vault.identity.auditKey(answered!);
    const responded = ofType('response.recorded').filter((e) => isAuditSubject(key5, e.entry.subjectRef!));
    expect(responded.map((e) => e.entry.details['response'])).toEqual(['not_now']);
    const created5 = ofType('lead.created').filter((e) => isAuditSubject(key5, e.entry.subjectRef!));
    expect(created5).toHaveLength(1);
    const lead5 = (await vault.responses.leadsOf(answered!))[0]!;
    expect(created5[0]!.entry.details).toEqual({
      leadId: lead5.id,
      campaignRef: expect.any(String) as string,
      recipient: 'bank',
    });
    // The campaign is named only under the customer's own key: their key recognises it, the id is not there.
    const { subjectRef, details } = created5[0]!.entry;
    expect(isAuditCampaign(key5, subjectRef!, details['campaignRef'] as string, lead5.campaignId)).toBe(true);
    expect(created5[0]!.json).not.toContain(lead5.campaignId);

    const key7 = await vault.identity.auditKey(partnered!);
    const revealed = ofType('identity.revealed').filter((e) => isAuditSubject(key7, e.entry.subjectRef!));
    expect(revealed.map((e) => e.entry.details)).toEqual([
      {
        leadId: (await vault.responses.leadsOf(partnered!))[0]!.id,
        campaignRef: expect.any(String) as string,
        recipient: 'acme',
        advisor: 'alice.acme',
      },
    ]);
    const key11 = await vault.identity.auditKey(withdrawn!);
    expect(ofType('lead.withdrawn').filter((e) => isAuditSubject(key11, e.entry.subjectRef!))).toHaveLength(
      1,
    );
    // Only successful reveals are logged as reveals: the refused claim is not among them.
    const key8 = await vault.identity.auditKey(retried!);
    expect(ofType('identity.revealed').filter((e) => isAuditSubject(key8, e.entry.subjectRef!))).toHaveLength(
      1,
    );

    for (const type of ['response.recorded', 'lead.created', 'lead.withdrawn', 'identity.revealed']) {
      expect(ofType(type).length).toBeGreaterThan(0);
      for (const e of ofType(type)) expect(e.entry.subjectRef).toMatch(/^[\w-]+\.[\w-]+$/);
    }
    for (const e of entries) {
      for (const value of Object.values(e.entry.details)) {
        if (typeof value === 'string') expect(containsPiiBesidesIds(value)).toBe(false);
      }
      expect(Object.keys(e.entry.details)).not.toContain('customerId');
    }
    const text = entries.map((e) => e.json).join('\n');
    for (const customer of [...customers, ...logged])
      for (const needle of piiNeedles(customer)) expect(text).not.toContain(needle);
    expect(await vault.audit.verifyAll()).toMatchObject({ ok: true });
  });
});

describe.each(testBackends)('expired offers on $name', (backend) => {
  let vault: ResponseVault;
  beforeAll(async () => {
    vault = await createResponseVault(backend, () => new Date('2030-01-02T00:00:00Z'));
  });
  afterAll(async () => vault.dispose());

  it('cannot be connected after their last day', async () => {
    const [customer] = await vault.identity.createCustomers(sampleCustomers(1, 'X'));
    const { messageId } = await deliver(vault, customer!, { ...mortgageOffer, validUntil: '2030-01-01' });
    const refused = await vault.responses.connect(customer!, messageId, consent);
    expect(refused).toMatchObject({ ok: false, error: { code: 'LEAD_REFUSED', reason: 'offer-expired' } });
    const { messageId: current } = await deliver(vault, customer!, {
      ...mortgageOffer,
      validUntil: '2030-01-02',
    });
    expect((await vault.responses.connect(customer!, current, consent)).ok).toBe(true);
  });
});
