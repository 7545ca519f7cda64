// "Ask for more": a grant moves unspent vault-wide ε to one person, never raises the vault-wide budget, and every
// step is in the log; over HTTP, only approvers decide and a marketer sees the grant in their meter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { Rational } from '../../src/privacy/dp/rational.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import { openHarness, type Harness } from '../http/harness.ts';

const ids = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
const eps = (text: string) => Rational.parse(text);

describe.each(testBackends)('asking for more ε on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };

  beforeAll(async () => {
    vault = await createTestVault(backend);
    // An admission costs 5/8: two of them spend a person's budget, four the vault's.
    const proposed = await vault.policies.propose(
      { askerBudget: '5/4', vaultBudget: '5/2' },
      'pat',
      'ask-for-more tests',
    );
    await vault.policies.approve(proposed.version, 'quinn');
  }, 120_000);
  afterAll(() => vault.dispose());

  let nextId = 100_000;
  const admit = (asker: string, label: string) =>
    vault.guard.admit({
      asker,
      purpose: 'bank_offers',
      label,
      audience: ids(nextId, (nextId += 5_000)),
      subjects: [label],
    });
  const refusalOf = async (outcome: ReturnType<typeof admit>) => {
    const result = await outcome;
    return result.ok ? undefined : result.error;
  };

  it('grants only unspent, ungranted vault-wide ε, and never lets the vault spend past its budget', async () => {
    const logged = vault.audit.head().size;
    const available = async () => (await vault.budgetRequests.grantable()).available.toString();
    const forNed = await vault.budgetRequests.ask('ned', eps('5/8'), 'one more count later this month');
    await vault.budgetRequests.grant(forNed.id, 'rui', 'fine');
    expect(await available()).toBe('15/8');

    expect((await admit('mia', 'a:1')).ok).toBe(true);
    expect((await admit('mia', 'a:2')).ok).toBe(true);
    expect(await refusalOf(admit('mia', 'a:3'))).toMatchObject({ code: 'PRIVACY_BUDGET_EXHAUSTED' });
    // Spent 5/4, promised to ned 5/8 (granted, not spent yet): 5/8 is left to grant.
    expect(await available()).toBe('5/8');

    const asked = await vault.budgetRequests.ask(
      'mia',
      eps('5/4'),
      'the autumn mortgage campaign needs two counts',
    );
    await expect(vault.budgetRequests.ask('mia', eps('1'), 'again')).rejects.toMatchObject({
      code: 'BUDGET_REQUEST_STATE',
    });
    await expect(vault.budgetRequests.grant(asked.id, 'mia', 'my own')).rejects.toMatchObject({
      code: 'BUDGET_REQUEST_STATE',
    });
    await expect(vault.budgetRequests.grant(asked.id, 'rui', 'all of it')).rejects.toMatchObject({
      code: 'BUDGET_GRANT_EXCEEDS_VAULT',
    });
    const granted = await vault.budgetRequests.grant(asked.id, 'rui', 'half of it', eps('5/8'));
    expect(granted).toMatchObject({ status: 'granted', decidedBy: 'rui', decisionReason: 'half of it' });
    expect(granted.granted!.toString()).toBe('5/8');
    expect((await vault.questions.budget('mia')).askerRemaining.toString()).toBe('5/8');
    expect((await vault.budgetRequests.grantedTo('mia')).toString()).toBe('5/8');
    expect(await available()).toBe('0');

    const forOra = await vault.budgetRequests.ask('ora', eps('1/8'), 'a little');
    await expect(vault.budgetRequests.grant(forOra.id, 'rui', 'fine')).rejects.toMatchObject({
      code: 'BUDGET_GRANT_EXCEEDS_VAULT',
    });
    const refused = await vault.budgetRequests.refuse(forOra.id, 'rui', 'the vault’s budget is promised');
    expect(refused.status).toBe('refused');
    await expect(vault.budgetRequests.grant(forOra.id, 'rui', 'changed my mind')).rejects.toMatchObject({
      code: 'BUDGET_REQUEST_STATE',
    });

    expect((await admit('mia', 'a:4')).ok).toBe(true);
    expect((await admit('ora', 'o:1')).ok).toBe(true);
    // The vault's 5/2 is spent: ned's own budget and his grant are untouched, yet the vault-wide budget refuses
    // him — a grant never raises the vault-wide budget, for anyone.
    expect(await vault.questions.budget('ned')).toMatchObject({
      askerRemaining: eps('15/8'),
      vaultRemaining: Rational.zero,
    });
    const ned = await refusalOf(admit('ned', 'n:1'));
    expect(ned).toMatchObject({ code: 'PRIVACY_BUDGET_EXHAUSTED' });
    expect(ned!.message).toMatch(/vault-wide/);

    const steps = [];
    for (let i = logged; i < vault.audit.head().size; i++) {
      const { entry } = (await vault.audit.entry(i))!;
      if (typeof entry.details['action'] === 'string' && entry.details['action'].startsWith('budget.'))
        steps.push(entry.details);
    }
    expect(steps.map((d) => [d['action'], d['asker'], d['by'], d['granted'] ?? null])).toEqual([
      ['budget.requested', 'ned', 'ned', null],
      ['budget.granted', 'ned', 'rui', '5/8'],
      ['budget.requested', 'mia', 'mia', null],
      ['budget.granted', 'mia', 'rui', '5/8'],
      ['budget.requested', 'ora', 'ora', null],
      ['budget.refused', 'ora', 'rui', null],
    ]);
    // Reasons are free text: they stay in the vault's table, not in the log.
    expect(JSON.stringify(steps)).not.toContain('autumn mortgage');
  });
});

describe.each(testBackends)('grants beside approved campaigns on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  beforeAll(async () => {
    vault = await createTestVault(backend);
  }, 120_000);
  afterAll(() => vault.dispose());

  it('never grants the ε an approved campaign holds', async () => {
    const before = await vault.budgetRequests.grantable();
    expect(before.reserved.toString()).toBe('0');
    const held = await vault.guard.reserve({ campaignId: 'c-autumn', holder: 'rui', purpose: 'bank_offers' });
    if (!held.ok) throw new Error(held.error.message);
    const after = await vault.budgetRequests.grantable();
    expect(after.reserved.isPositive()).toBe(true);
    expect(after.reserved.toString()).toBe(held.value.vaultReserved!.toString());
    expect(after.available.toString()).toBe(before.available.sub(after.reserved).toString());

    const asked = await vault.budgetRequests.ask('mia', before.available, 'everything that is unspent');
    await expect(vault.budgetRequests.grant(asked.id, 'rui', 'all of it')).rejects.toMatchObject({
      code: 'BUDGET_GRANT_EXCEEDS_VAULT',
    });
    const granted = await vault.budgetRequests.grant(asked.id, 'rui', 'what is free', after.available);
    expect(granted.granted!.toString()).toBe(after.available.toString());
  });
});

describe.each(testBackends)('the ask-for-more API on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  }, 120_000);
  afterAll(() => h.dispose());

  it('lets a marketer ask and an approver grant with a reason; the meter shows the grant', async () => {
    const post = (url: string, headers: Record<string, string>, payload: object) =>
      h.inject({ method: 'POST', url, headers, payload });
    const bad = await post('/v1/budget/requests', h.staff.marketer, {
      epsilon: 'lots',
      reason: 'more please',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('epsilon');
    const terse = await post('/v1/budget/requests', h.staff.marketer, { epsilon: '1', reason: '' });
    expect(terse.statusCode).toBe(400);
    expect(terse.body).toContain('reason');

    const asked = await post('/v1/budget/requests', h.staff.marketer, {
      epsilon: '1/2',
      reason: 'one more count',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json<{ id: string }>();
    const mine = await h.inject({ method: 'GET', url: '/v1/budget/requests', headers: h.staff.marketer });
    expect(mine.json<{ requests: { id: string; asker: string }[] }>().requests).toEqual([
      expect.objectContaining({ id, asker: 'mia' }),
    ]);
    const noReason = await post(`/v1/budget/requests/${id}/grant`, h.staff.approver, {});
    expect(noReason.statusCode).toBe(400);
    const granted = await post(`/v1/budget/requests/${id}/grant`, h.staff.approver, {
      reason: 'approved campaign',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', granted: '1/2', decidedBy: 'rui' });
    const meter = await h.inject({ method: 'GET', url: '/v1/budget', headers: h.staff.marketer });
    expect(meter.json()).toMatchObject({ granted: '1/2', askerBudget: '11/2', vaultBudget: '20' });
    const missing = await post(
      '/v1/budget/requests/00000000-0000-4000-8000-000000000000/refuse',
      h.staff.approver,
      { reason: 'no such thing' },
    );
    expect(missing.statusCode).toBe(404);
  });
});
