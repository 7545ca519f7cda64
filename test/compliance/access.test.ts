// Access, rectification, deadlines and records of processing: complete for the customer, nothing of anyone else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dueDate } from '../../src/vault/compliance/deadlines.ts';
import { ropaCsv, ropaMarkdown } from '../../src/vault/compliance/ropa.ts';
import { testBackends } from '../support/backends.ts';
import { customerOf, smallBankVault, type TestVault } from './support/compliance-fixtures.ts';

const clock = new Date('2026-11-02T09:00:00Z');

describe.each(testBackends)('access and other requests on $name', (backend) => {
  let vault: TestVault;

  // Each test its own copy of the bank: requests, questions and rectifications of one are not seen by another.
  beforeEach(async () => {
    vault = await smallBankVault(backend, 30, { now: () => clock });
  }, 180_000);
  afterEach(async () => vault.dispose());

  async function verified(kind: 'access' | 'rectification', index: number) {
    const customer = await customerOf(vault, index);
    const pii = await vault.identity.readPii(customer.id);
    const request = await vault.compliance.requests.receive(kind, 'gdpr');
    await vault.compliance.requests.verify(request.id, {
      externalId: customer.externalId,
      dateOfBirth: pii.dateOfBirth,
    });
    return { ...customer, requestId: request.id, pii };
  }

  it('exports every transaction of the customer and nothing of any other customer', async () => {
    const { id, requestId, pii } = await verified('access', 5);
    const result = await vault.compliance.access(requestId);
    const { data } = result;
    const own = await vault.storage.query<{ id: number }>(
      'SELECT id FROM transactions WHERE customer_id = $1 ORDER BY id',
      [id],
    );
    expect(own.rows.length).toBeGreaterThan(0);
    expect(data.transactions.map((t) => Number(t['id'])).sort((a, b) => a - b)).toEqual(
      own.rows.map((r) => Number(r.id)),
    );
    expect(data.identity).toEqual(pii);
    expect(data.consent.history.length).toBeGreaterThan(0);
    expect(data.consent.history.every((h) => h.customerId === id)).toBe(true);
    expect(data.accounts.length).toBeGreaterThan(0);
    // Entries under the customer's references: at least their consent decisions and this request.
    expect(data.auditEntries.some((e) => e.entry.type === 'consent.changed')).toBe(true);
    expect(data.auditEntries.some((e) => e.entry.type === 'subject_request.changed')).toBe(true);

    const json = JSON.stringify(data);
    for (let other = 0; other < 30; other++) {
      if (other === 5) continue;
      const them = await customerOf(vault, other);
      const theirs = await vault.identity.readPii(them.id);
      for (const value of [theirs.email, `${theirs.givenName} ${theirs.familyName}`, theirs.phone]) {
        expect(json.includes(value)).toBe(false);
        expect(result.html.includes(value)).toBe(false);
      }
      expect(json).not.toContain(`${them.externalId}-`);
    }
    expect(result.html).toContain(pii.email);
    expect(result.request.status).toBe('completed');
  });

  it('rectifies identity fields, logs which fields changed, and escapes them on the page', async () => {
    const { id, requestId } = await verified('rectification', 6);
    const done = await vault.compliance.rectify(requestId, {
      givenName: 'Zoë <b>',
      phone: '+44 7700 900999',
    });
    expect(done.outcome).toEqual({ fields: ['givenName', 'phone'] });
    expect((await vault.identity.readPii(id)).givenName).toBe('Zoë <b>');
    const size = vault.audit.head().size;
    const rectified = [];
    for (let i = 0; i < size; i++) {
      const { entry, json } = (await vault.audit.entry(i))!;
      if (entry.type === 'identity.rectified') rectified.push(json);
    }
    expect(rectified).toHaveLength(1);
    expect(rectified[0]).toContain('givenName');
    expect(rectified[0]).not.toContain('Zoë');
    const page = (await vault.compliance.access((await verified('access', 6)).requestId)).html;
    expect(page).toContain('Zoë &lt;b&gt;');
    expect(page).not.toContain('Zoë <b>');
  });

  it('stores legal deadlines and lists the overdue requests', async () => {
    expect(dueDate('gdpr', new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(dueDate('ccpa', new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-03-17T10:00:00.000Z');
    const gdpr = await vault.compliance.requests.receive('erasure', 'gdpr');
    const ccpa = await vault.compliance.requests.receive('access', 'ccpa');
    expect(gdpr.dueAt.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(ccpa.dueAt.toISOString()).toBe('2026-12-17T09:00:00.000Z');
    expect(await vault.compliance.requests.overdue(new Date('2026-12-01T00:00:00Z'))).toEqual([]);
    const overdue = await vault.compliance.requests.overdue(new Date('2026-12-10T00:00:00Z'));
    expect(overdue.map((r) => r.id)).toEqual([gdpr.id]);
    await vault.compliance.requests.reject(gdpr.id, 'manifestly-unfounded');
    expect(await vault.compliance.requests.overdue(new Date('2026-12-10T00:00:00Z'))).toEqual([]);
  });

  it('rejects a request after three failed identity checks', async () => {
    const { externalId } = await customerOf(vault, 7);
    const request = await vault.compliance.requests.receive('access', 'gdpr');
    for (let i = 0; i < 3; i++) {
      await expect(
        vault.compliance.requests.verify(request.id, { externalId, dateOfBirth: '1900-01-01' }),
      ).rejects.toMatchObject({ code: 'SUBJECT_NOT_VERIFIED' });
    }
    expect(await vault.compliance.requests.get(request.id)).toMatchObject({
      status: 'rejected',
      rejection: 'identity-not-verified',
    });
  });

  it('generates records of processing from the purposes, with actual activity', async () => {
    // Thirty customers are under k: the question is refused, and still counts as processing.
    await vault.questions.ask({
      asker: 'marketer',
      purpose: 'bank_offers',
      expression: 'not holds("mortgage")',
    });
    const records = await vault.compliance.recordsOfProcessing();
    const offers = records.activities.find((a) => a.code === 'bank_offers')!;
    expect(offers.activity.questions).toBe(1);
    expect(offers.lawfulBasis).toContain('6(1)(a)');
    expect(records.activities.find((a) => a.code === 'credit_offers')!.fairLendingRules).toBe(true);
    expect(records.retention.find((p) => p.kind === 'memo_text')!.days).toBe(90);
    expect(records.otherPurposes.map((p) => p.code)).toEqual(expect.arrayContaining(['profiling']));
    const csv = ropaCsv(records).trim().split('\n');
    expect(csv).toHaveLength(records.activities.length + 1);
    expect(ropaMarkdown(records)).toContain('## Offers of the bank’s own products (`bank_offers`)');
  });
});
