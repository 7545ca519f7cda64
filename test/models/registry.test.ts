// The model registry: two-person approval, stored scores only for profiling consent, retirement, all logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { CurtainError } from '../../src/core/errors.ts';
import { testBackends } from '../support/backends.ts';
import type { TestVault } from '../support/test-vault.ts';
import { customerOf } from '../compliance/support/compliance-fixtures.ts';
import { frozenModel, logEntries, modelBankVault, storedScores } from './support.ts';

async function profilingGranted(vault: TestVault): Promise<Set<number>> {
  const { rows } = await vault.storage.query<{ customer_id: number | string }>(
    `SELECT DISTINCT customer_id FROM consent_current WHERE purpose = 'profiling' AND granted`,
  );
  return new Set(rows.map((r) => Number(r.customer_id)));
}

/** The demo customer (index and external id) whose internal id is in `ids`. */
async function demoCustomerAmong(vault: TestVault, ids: Set<number>) {
  for (let index = 0; index < 40; index++) {
    const customer = await customerOf(vault, index);
    if (ids.has(customer.id)) return customer;
  }
  throw new Error('no such demo customer');
}

describe.each(testBackends)('the model registry on $name', (backend) => {
  let vault: TestVault;

  beforeEach(async () => {
    vault = await modelBankVault(backend);
  }, 180_000);
  afterEach(async () => vault.dispose());

  it('refuses the trainer as approver, and approves by a second person with a reason, logged', async () => {
    const model = await frozenModel(vault);
    expect(model.state).toBe('trained');
    const refused = vault.models.approve(model.id, 'trainer.ann', 'looks fine');
    await expect(refused).rejects.toMatchObject({ code: 'MODEL_APPROVAL_REFUSED' });
    await expect(vault.models.approve(model.id, 'risk.bob', '  ')).rejects.toBeInstanceOf(CurtainError);
    const approved = await vault.models.approve(
      model.id,
      'risk.bob',
      'card reviewed; features pass fair lending',
    );
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'risk.bob', trainedBy: 'trainer.ann' });
    await expect(vault.models.approve(model.id, 'risk.bob', 'again')).rejects.toMatchObject({
      code: 'MODEL_STATE',
    });
    const types = (await logEntries(vault)).map((e) => e.type);
    expect(types).toContain('model.approved');
    expect(types).toContain('model.scored');
  });

  it('stores scores only for customers who granted profiling, and never for a restricted one', async () => {
    const model = await frozenModel(vault);
    await vault.models.approve(model.id, 'risk.bob', 'reviewed');
    const scores = await storedScores(vault, model.id);
    const granted = await profilingGranted(vault);
    expect(scores.size).toBeGreaterThan(0);
    for (const id of scores.keys()) expect(granted.has(id), `customer ${id} without profiling`).toBe(true);
    const values = [...scores.values()];
    expect(new Set(values.map((v) => v.toFixed(6))).size).toBeGreaterThan(1);
    for (const v of values) expect(v > 0 && v < 1).toBe(true);
    // Some active customers did not grant profiling: the filter above is not vacuous.
    const { rows } = await vault.storage.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM customers WHERE status = 'active'",
    );
    expect(scores.size).toBeLessThan(rows[0]!.n);
  });

  it('removes a customer’s stored scores at once when they withdraw profiling or object', async () => {
    const model = await frozenModel(vault);
    await vault.models.approve(model.id, 'risk.bob', 'reviewed');
    const [first, second] = [...(await storedScores(vault, model.id)).keys()];
    await vault.consent.record([
      {
        customerId: first!,
        purpose: 'profiling',
        channel: 'email',
        granted: false,
        source: 'console',
        noticeVersion: currentNotice('profiling').id,
        decidedAt: new Date('2026-10-31T13:00:00Z'),
      },
    ]);
    const afterWithdrawal = await storedScores(vault, model.id);
    expect(afterWithdrawal.has(first!)).toBe(false);
    expect(afterWithdrawal.has(second!)).toBe(true);

    const objecting = await demoCustomerAmong(vault, new Set([second!]));
    const request = await vault.compliance.requests.receive('objection', 'gdpr');
    const pii = await vault.identity.readPii(objecting.id);
    await vault.compliance.requests.verify(request.id, {
      externalId: objecting.externalId,
      email: pii.email,
    });
    await vault.compliance.restrict(request.id, 'objection');
    expect((await storedScores(vault, model.id)).has(second!)).toBe(false);
  });

  it('retires a version: its scores go, approving the next one supersedes the approved one', async () => {
    const first = await frozenModel(vault);
    await vault.models.approve(first.id, 'risk.bob', 'reviewed');
    const second = await frozenModel(vault);
    expect(second.version).toBe(first.version + 1);
    await vault.models.approve(second.id, 'risk.bob', 'better lift');
    expect(await vault.models.get(first.id)).toMatchObject({
      state: 'retired',
      retirementReason: 'superseded by version 2',
    });
    expect((await storedScores(vault, first.id)).size).toBe(0);
    expect(await vault.models.approved()).toEqual(new Map([['mortgage', second.id]]));
    await vault.models.retire(second.id, 'risk.bob', 'drift in the later window');
    expect((await storedScores(vault, second.id)).size).toBe(0);
    expect((await vault.models.approved()).size).toBe(0);
    await expect(vault.models.retire(second.id, 'risk.bob', 'again')).rejects.toMatchObject({
      code: 'MODEL_STATE',
    });
    await expect(vault.models.score(second.id, 'risk.bob')).rejects.toMatchObject({ code: 'MODEL_STATE' });
    const retired = (await logEntries(vault)).filter((e) => e.type === 'model.retired');
    expect(retired.map((e) => e.details['reason'])).toEqual([
      'superseded by version 2',
      'drift in the later window',
    ]);
  });
});
