// Restriction and objection take a customer out of every question (both engines) and every delivery.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/language/plan.ts';
import { filterAudience } from '../../src/vault/delivery/audience-filter.ts';
import { testBackends } from '../support/backends.ts';
import { customerOf, end, smallBankVault, type TestVault } from './support/compliance-fixtures.ts';

describe.each(testBackends)('restriction and objection on $name', (backend) => {
  let vault: TestVault;
  let plan: Plan;

  // Each test its own copy of the bank; the log test restricts, objects and lifts itself.
  beforeEach(async () => {
    vault = await smallBankVault(backend);
    const checked = await vault.questions.check('not holds("mortgage")', 'bank_offers');
    if (!checked.ok) throw new Error(checked.error.message);
    plan = checked.value.plan;
  }, 180_000);
  afterEach(async () => vault.dispose());

  async function verifiedRequest(kind: 'restriction' | 'objection', index: number) {
    const { id, externalId } = await customerOf(vault, index);
    const pii = await vault.identity.readPii(id);
    const request = await vault.compliance.requests.receive(kind, 'gdpr');
    await vault.compliance.requests.verify(request.id, { externalId, email: pii.email.toUpperCase() });
    return { requestId: request.id, customerId: id };
  }

  async function matching(): Promise<number[]> {
    return [...(await vault.questionEngine.evaluate(plan, end))];
  }

  it('drops the customer from the exact count of a question, on SQL and on the columnar engine', async () => {
    const before = await matching();
    const restricted = await verifiedRequest('restriction', 0);
    const target = restricted.customerId;
    expect(before).toContain(target);
    await vault.compliance.restrict(restricted.requestId, 'restriction');
    expect(await matching()).toEqual(before.filter((id) => id !== target));

    const objected = await verifiedRequest('objection', 1);
    expect(before).toContain(objected.customerId);
    await vault.compliance.restrict(objected.requestId, 'objection');
    const without = before.filter((id) => id !== target && id !== objected.customerId);
    expect(await matching()).toEqual(without);
    expect(without.length).toBe(before.length - 2);

    await vault.questionEngine.loadColumnar();
    expect(vault.questionEngine.name).toBe('columnar');
    expect(await matching()).toEqual(without);

    // The delivery filter leaves them out too, whatever engine produced the audience.
    const kept = await filterAudience(vault.storage, vault.consent, vault.preferences, {
      ids: Int32Array.from(before),
      consentPurpose: 'bank_offers',
      category: 'savings',
      partner: undefined,
      campaignCap: { messages: 10, days: 30 },
      now: new Date(`${end}T12:00:00Z`),
    });
    expect([...kept]).not.toContain(target);
    expect([...kept]).not.toContain(objected.customerId);

    expect(await vault.compliance.lift(objected.customerId, 'objection')).toBe(true);
    expect(await vault.compliance.lift(objected.customerId, 'objection')).toBe(false);
    expect(await matching()).toEqual(before.filter((id) => id !== target));
  });

  it('logs the restriction under the customer’s own reference, without PII', async () => {
    const restricted0 = await verifiedRequest('restriction', 0);
    await vault.compliance.restrict(restricted0.requestId, 'restriction');
    const objected = await verifiedRequest('objection', 1);
    await vault.compliance.restrict(objected.requestId, 'objection');
    expect(await vault.compliance.lift(objected.customerId, 'objection')).toBe(true);
    const size = vault.audit.head().size;
    const entries = [];
    for (let i = 0; i < size; i++) entries.push((await vault.audit.entry(i))!.entry);
    const restricted = entries.filter((e) => e.type === 'processing.restricted');
    expect(restricted.map((e) => [e.details['reason'], e.details['lifted']])).toEqual([
      ['restriction', false],
      ['objection', false],
      ['objection', true],
    ]);
    expect(restricted.every((e) => typeof e.subjectRef === 'string')).toBe(true);
  });
});
