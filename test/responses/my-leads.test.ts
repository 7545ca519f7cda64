// Issue 17: an advisor's own leads — identity while consent stands, status, sealed notes, history, erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import { AdvisorLeads } from '../../src/vault/responses/my-leads.ts';
import { testBackends } from '../support/backends.ts';
import { piiNeedles, sampleCustomers } from '../support/sample-customers.ts';
import { createResponseVault, deliver, type ResponseVault } from './fixture.ts';

const consent = { consent: true, noticeVersion: currentNotice('identity_reveal').id } as const;
const bank = { recipient: 'bank' } as const;
const noteText = 'Prefers a call after work; asked about a five-year fix';

describe.each(testBackends)('my leads on $name', (backend) => {
  let vault: ResponseVault;
  let leads: AdvisorLeads;
  const customers = sampleCustomers(5, 'M');
  let ids: number[];
  const id = (i: number) => ids[i]!;

  beforeAll(async () => {
    vault = await createResponseVault(backend);
    leads = new AdvisorLeads(vault.storage, vault.identity, vault.advisorQueue, vault.audit);
    ids = await vault.identity.createCustomers(customers);
  });
  afterAll(async () => vault.dispose());

  async function claimed(i: number, advisor = 'ada') {
    const { messageId } = await deliver(vault, id(i));
    const connected = await vault.responses.connect(id(i), messageId, consent);
    if (!connected.ok) throw new Error(connected.error.message);
    const claim = await vault.advisorQueue.claim(advisor, connected.value.id, bank);
    if (!claim.ok) throw new Error(claim.error.message);
    return connected.value.id;
  }

  const mineOf = async (advisor: string, leadId: string) =>
    (await leads.mine(advisor, bank)).find((lead) => lead.leadId === leadId);

  async function verifiedRequest(kind: 'restriction' | 'objection' | 'erasure', i: number) {
    const request = await vault.compliance.requests.receive(kind, 'gdpr');
    await vault.compliance.requests.verify(request.id, {
      externalId: customers[i]!.externalId,
      email: customers[i]!.pii.email,
    });
    return request.id;
  }

  it('lists the advisor’s claimed leads with identity, status, notes and history; not another advisor’s', async () => {
    const leadId = await claimed(0);
    expect(await leads.setStatus('ada', leadId, 'contacted', bank)).toEqual({
      ok: true,
      value: { leadId, status: 'contacted' },
    });
    expect((await leads.addNote('ada', leadId, noteText, bank)).ok).toBe(true);
    expect((await leads.setStatus('ada', leadId, 'meeting', bank)).ok).toBe(true);

    const mine = await mineOf('ada', leadId);
    expect(mine).toMatchObject({
      status: 'meeting',
      identity: { email: customers[0]!.pii.email },
      withheld: null,
    });
    expect(
      mine!.history.map(({ advisor, change, status, note }) => ({ advisor, change, status, note })),
    ).toEqual([
      { advisor: 'ada', change: 'status', status: 'contacted', note: null },
      { advisor: 'ada', change: 'note', status: null, note: noteText },
      { advisor: 'ada', change: 'status', status: 'meeting', note: null },
    ]);
    expect(await mineOf('bob', leadId)).toBeUndefined();
    expect(await leads.setStatus('bob', leadId, 'closed', bank)).toMatchObject({
      ok: false,
      error: { code: 'LEAD_REFUSED', reason: 'not-claimed' },
    });
    expect(await leads.addNote('bob', leadId, 'x', bank)).toMatchObject({ ok: false });
    // The customer sees where their lead stands.
    expect((await vault.responses.leadsOf(id(0))).find((l) => l.id === leadId)).toMatchObject({
      status: 'meeting',
    });
  });

  it('logs every change without personal data, under the customer’s own references', async () => {
    const leadId = await claimed(1);
    await leads.setStatus('ada', leadId, 'product_opened', bank);
    await leads.addNote('ada', leadId, noteText, bank);
    const key = await vault.identity.auditKey(id(1));
    const updates = [];
    for (let n = 0; n < vault.audit.head().size; n++) {
      const e = (await vault.audit.entry(n))!.entry;
      if (e.type === 'lead.updated' && e.subjectRef !== undefined && isAuditSubject(key, e.subjectRef))
        updates.push(e.details);
    }
    expect(updates).toEqual([
      {
        leadId,
        campaignRef: expect.any(String) as unknown,
        advisor: 'ada',
        change: 'status',
        status: 'product_opened',
      },
      { leadId, campaignRef: expect.any(String) as unknown, advisor: 'ada', change: 'note' },
    ]);
    const text = JSON.stringify(updates);
    expect(text).not.toContain('five-year');
    for (const needle of piiNeedles(customers[1]!)) expect(text).not.toContain(needle);
  });

  it('hides identity and notes at once after a withdrawal, and after an objection; refuses new notes', async () => {
    const withdrawn = await claimed(2);
    await leads.addNote('ada', withdrawn, noteText, bank);
    const recorded = await vault.consent.record([
      {
        customerId: id(2),
        purpose: 'identity_reveal',
        channel: 'all',
        granted: false,
        source: 'console',
        noticeVersion: currentNotice('identity_reveal').id,
        decidedAt: new Date(),
      },
    ]);
    expect(recorded.ok).toBe(true);
    const afterWithdrawal = await mineOf('ada', withdrawn);
    expect(afterWithdrawal).toMatchObject({
      identity: null,
      withheld: { code: 'IDENTITY_WITHHELD', message: 'the customer withdrew consent' },
    });
    expect(afterWithdrawal!.history).toMatchObject([{ change: 'note', note: null }]);
    const text = JSON.stringify(afterWithdrawal);
    expect(text).not.toContain('five-year');
    for (const needle of piiNeedles(customers[2]!)) expect(text).not.toContain(needle);
    expect(await leads.addNote('ada', withdrawn, 'again', bank)).toMatchObject({
      ok: false,
      error: { code: 'IDENTITY_WITHHELD' },
    });

    const objected = await claimed(3);
    await vault.compliance.restrict(await verifiedRequest('objection', 3), 'objection');
    expect(await mineOf('ada', objected)).toMatchObject({
      identity: null,
      withheld: { code: 'IDENTITY_WITHHELD' },
    });
  });

  it('seals notes under the customer’s key, exports them to the customer, and shreds them on erasure', async () => {
    const leadId = await claimed(4);
    await leads.setStatus('ada', leadId, 'closed', bank);
    await leads.addNote('ada', leadId, noteText, bank);
    const { rows } = await vault.storage.query<{ note_sealed: Uint8Array }>(
      `SELECT e.note_sealed FROM lead_events e JOIN leads l ON l.id = e.lead_id
        WHERE l.public_id = $1 AND e.kind = 'note'`,
      [leadId],
    );
    const sealed = rows[0]!.note_sealed;
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('five-year');

    const exported = await vault.compliance.exportCustomer(id(4));
    expect(exported.leads).toContainEqual(
      expect.objectContaining({
        id: leadId,
        status: 'closed',
        history: [
          expect.objectContaining({ change: 'status', status: 'closed' }),
          expect.objectContaining({ change: 'note', note: noteText }),
        ],
      }),
    );

    await vault.compliance.erase(await verifiedRequest('erasure', 4), customers[4]!.externalId);
    await expect(vault.identity.openFor(id(4), sealed, `lead-note:${leadId}`)).rejects.toMatchObject({
      code: 'CUSTOMER_ERASED',
    });
    const left = await vault.storage.query(
      `SELECT 1 FROM lead_events e JOIN leads l ON l.id = e.lead_id WHERE l.customer_id = $1`,
      [id(4)],
    );
    expect(left.rows).toEqual([]);
    expect(await mineOf('ada', leadId)).toBeUndefined();
  });
});
