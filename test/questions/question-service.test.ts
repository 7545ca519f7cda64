// The privacy guard end to end on a generated bank, on every backend: answers, repeats, every refusal, the log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consentChannels } from '../../src/core/consent.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { AudienceBitset } from '../../src/privacy/guard/audience-bitset.ts';
import { RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import type { GuardPolicyJson } from '../../src/privacy/guard/policy.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { SqlEngine } from '../../src/vault/questions/sql-engine.ts';
import { parseExpression } from '../../src/language/parser.ts';
import { checkExpression } from '../../src/language/checker.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const end = '2026-06-30';
const broad = 'count(within: 365d) > 0';
const near = `${broad} or holds("mortgage")`;

describe.each(testBackends)('questions through the privacy guard on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  const noise = new RecordingNoise();

  beforeAll(async () => {
    vault = await createTestVault(backend, { noise, now: () => new Date(`${end}T12:00:00Z`) });
    await loadDemoBank(vault, { density: 'thin', customers: 300, seed: 7, end });
  }, 180_000);
  afterAll(() => vault.dispose());

  // Each test starts from an empty ledger, the default policy and the same seeded noise, on the bank loaded once.
  beforeEach(async () => {
    await vault.storage.query('DELETE FROM questions');
    await vault.storage.query('DELETE FROM privacy_policies');
    const seeded = discreteLaplaceNoise(seededRandomSource(`questions-${backend.name}`));
    noise.draw = (scale) => seeded.discreteLaplace(scale);
    noise.clear();
  });

  const ask = (expression: string, asker = 'alice', purpose = 'bank_offers') =>
    vault.questions.ask({ expression, purpose, asker });

  /** A policy change, proposed by carol and approved by dave. */
  async function approvePolicy(change: Partial<GuardPolicyJson>): Promise<void> {
    const proposed = await vault.policies.propose(change, 'carol', 'test');
    await vault.policies.approve(proposed.version, 'dave');
  }

  /** A sharp differencing check (little noise) and budgets it fits in: each question costs 19/8. */
  const sharpDifferencing = { differencingEpsilon: '2', askerBudget: '50', vaultBudget: '200' };

  /** The transparency log's entries from `start` on. */
  async function entriesFrom(start: number) {
    const entries = [];
    for (let i = start; i < vault.audit.head().size; i++) entries.push((await vault.audit.entry(i))!.entry);
    return entries;
  }

  /** The audience a question was answered on: its own, or for a repeat the original's. */
  async function storedAudience(questionId: number): Promise<Int32Array> {
    const { rows } = await vault.storage.query<{ audience: Uint8Array }>(
      `SELECT coalesce(q.audience_bits, o.audience_bits) AS audience FROM questions q
         LEFT JOIN questions o ON o.id = q.repeats WHERE q.id = $1`,
      [questionId],
    );
    return AudienceBitset.fromBytes(rows[0]!.audience).ids();
  }

  it('answers with a noised count close to the exact audience, and charges ε = 1/2', async () => {
    const answer = await ask(broad);
    if (!answer.ok) throw new Error(answer.error.message);
    const exact = (await storedAudience(answer.value.questionId)).length;
    expect(exact).toBeGreaterThan(150);
    expect(Math.abs(answer.value.count - exact)).toBeLessThan(40);
    expect(answer.value.repeated).toBe(false);
    expect(answer.value.budget.charged.toString()).toBe('5/8');
    expect(answer.value.budget.askerRemaining.toString()).toBe('35/8');
    expect(answer.value.budget.vaultRemaining.toString()).toBe('155/8');
    expect(answer.value.budget.resetsAt).toBe('2026-07-01T00:00:00.000Z');
  });

  it('counts only customers who gave the purpose’s consent on some channel', async () => {
    const answer = await ask(broad);
    if (!answer.ok) throw new Error(answer.error.message);
    const audience = await storedAudience(answer.value.questionId);
    const parsed = parseExpression(broad);
    if (!parsed.ok) throw new Error('parse');
    const checked = checkExpression(parsed.ast, {
      purpose: questionPurpose('bank_offers')!,
      currency: 'GBP',
      retentionDays: 2557,
      maxAttributes: 5,
      asOf: end,
    });
    if (!checked.ok) throw new Error('check');
    const everyone = await new SqlEngine(vault.storage).evaluate(checked.value.plan, end);
    const allowed = await Promise.all(consentChannels.map((c) => vault.consent.allowed('bank_offers', c)));
    const consenting = everyone.filter((id) => allowed.some((set) => set.has(id)));
    expect([...audience]).toEqual([...consenting]);
    expect(consenting.length).toBeLessThan(everyone.length);
  });

  it('gives the same answer to the same question — however written, whoever asks — at no cost', async () => {
    const first = await ask(broad);
    if (!first.ok) throw new Error(first.error.message);
    const again = await ask(broad);
    const mirrored = await ask('0 < count(within: 365d)', 'bob');
    const grouped = await ask(`not (not (${broad})) and (${broad})`, 'bob');
    for (const answer of [again, mirrored, grouped]) {
      if (!answer.ok) throw new Error(answer.error.message);
      expect(answer.value.count).toBe(first.value.count);
      expect(answer.value.repeated).toBe(true);
      expect(answer.value.budget.charged.toString()).toBe('0');
    }
    expect(again.ok && again.value.budget.askerRemaining.toString()).toBe('35/8');
    expect(mirrored.ok && mirrored.value.budget.askerRemaining.toString()).toBe('5');
  });

  it('refuses an audience under the noised threshold without releasing anything, and charges it', async () => {
    const refused = await ask('spent(category: "home_inspection", within: 7d) > 0');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('PRIVACY_TOO_FEW');
    expect(refused.error.message).toContain('fewer than about 50');
    expect('budget' in refused.error && refused.error.budget.charged.toString()).toBe('5/8');
    expect(JSON.stringify(refused.error)).not.toMatch(/"count"/);
  });

  it('needs a second person to change the policy, refuses k under the floor, and logs the change', async () => {
    const logged = vault.audit.head().size;
    const proposed = await vault.policies.propose(sharpDifferencing, 'carol', 'sharper test check');
    await expect(vault.policies.approve(proposed.version, 'carol')).rejects.toMatchObject({
      code: 'POLICY_APPROVAL_REFUSED',
    });
    await expect(vault.policies.propose({ k: 10 }, 'carol', 'too low')).rejects.toMatchObject({
      code: 'POLICY_INVALID',
    });
    const active = await vault.policies.approve(proposed.version, 'dave');
    expect(active.policy.differencingEpsilon.toString()).toBe('2');
    const approvals = (await entriesFrom(logged)).filter(
      (e) => e.details['action'] === 'privacy_policy.approved',
    );
    expect(approvals.map((e) => e.details['version'])).toEqual([proposed.version]);
  });

  it('refuses a question whose audience is nearly that of an earlier one (differencing)', async () => {
    await approvePolicy(sharpDifferencing);
    expect((await ask(broad)).ok).toBe(true);
    const refused = await ask(near);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('PRIVACY_DIFFERENCING');
    // The same refused question again: the same refusal, not a fresh draw.
    const again = await ask(near);
    expect(!again.ok && again.error.code).toBe('PRIVACY_DIFFERENCING');
    expect(!again.ok && 'budget' in again.error && again.error.budget.charged.toString()).toBe('0');
    // Another asker is compared with alice's question too: what was released to anyone counts.
    const other = await ask(near, 'erin');
    expect(!other.ok && other.error.code).toBe('PRIVACY_DIFFERENCING');
    const far = await ask('holds("credit_card")');
    expect(!far.ok && far.error.code).not.toBe('PRIVACY_DIFFERENCING');
  });

  it('stores no audience for a repeat, and refuses a question near the repeated one all the same', async () => {
    await approvePolicy(sharpDifferencing);
    expect((await ask(broad)).ok).toBe(true);
    // frank has asked nothing of his own: he repeats alice's question, then asks one nearly the same.
    const repeated = await ask(broad, 'frank');
    expect(repeated.ok && repeated.value.repeated).toBe(true);
    const { rows } = await vault.storage.query<{ audience: Uint8Array | null; repeats: number | null }>(
      'SELECT audience, repeats FROM questions WHERE id = $1',
      [repeated.ok ? repeated.value.questionId : 0],
    );
    expect(rows[0]).toMatchObject({ audience: null, repeats: expect.any(Number) as unknown });
    // Nobody asked this one yet, so it is not a repeat; it differs from the repeated audience by a few people.
    const nearly = await ask(`${near} or holds("credit_card")`, 'frank');
    expect(!nearly.ok && nearly.error.code).toBe('PRIVACY_DIFFERENCING');
  });

  it('refuses once the asker’s budget is spent, says when it resets, and leaves other askers alone', async () => {
    // A budget of one question of 1/2: alice's second question does not fit.
    await approvePolicy({ askerBudget: '5/8' });
    const spent = await ask(broad);
    expect(!spent.ok && spent.error.code).not.toBe('PRIVACY_BUDGET_EXHAUSTED');
    noise.clear();
    const refused = await ask('count(category: "dining", within: 90d) > 3');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    expect(refused.error.message).toBe(
      'your budget for this period is spent (this costs ε = 5/8); it resets at 2026-07-01T00:00:00.000Z',
    );
    expect('budget' in refused.error && refused.error.budget.askerRemaining.toString()).toBe('0');
    // Refused before the data: no noise drawn, nothing charged.
    expect(noise.recorded()).toEqual([]);
    expect('budget' in refused.error && refused.error.budget.charged.toString()).toBe('0');
    const bob = await ask('count(category: "dining", within: 90d) > 3', 'bob');
    expect(!bob.ok && bob.error.code).not.toBe('PRIVACY_BUDGET_EXHAUSTED');
  });

  it('refuses on the vault-wide budget however many askers there are', async () => {
    // Room for two questions in the vault, each asker's first.
    await approvePolicy({ askerBudget: '5/4', vaultBudget: '5/4' });
    const outcomes = [];
    for (const asker of ['fay', 'gus', 'hal']) {
      const answer = await ask(`count(category: "fuel", within: ${30 + outcomes.length}d) > 1`, asker);
      outcomes.push(answer.ok ? 'ok' : answer.error.code);
      if (!answer.ok && answer.error.code === 'PRIVACY_BUDGET_EXHAUSTED') {
        expect(answer.error.message).toContain('the vault-wide budget');
      }
    }
    expect(outcomes.slice(0, 2)).not.toContain('PRIVACY_BUDGET_EXHAUSTED');
    expect(outcomes[2]).toBe('PRIVACY_BUDGET_EXHAUSTED');
  });

  it('refuses a bad expression with the place, a caret and a suggestion, at no cost', async () => {
    const before = await vault.questions.budget('kim');
    const refused = await ask('spent(category: "home_inspecton") > 0', 'kim');
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.error.code !== 'QUESTION_INVALID') throw new Error('expected QUESTION_INVALID');
    expect(refused.error.rendered).toContain('^');
    expect(refused.error.rendered).toContain('home_inspection');
    expect(refused.error.diagnostics[0]!.span.column).toBe(17);
    expect((await vault.questions.budget('kim')).askerRemaining).toEqual(before.askerRemaining);
    const purpose = await ask(broad, 'kim', 'gossip');
    expect(!purpose.ok && purpose.error.code).toBe('QUESTION_PURPOSE_UNKNOWN');
  });

  it('refuses protected attributes and their proxies in questions for credit products', async () => {
    const proxy = await ask('spent(category: "childcare", within: 90d) > 0', 'kim', 'credit_offers');
    expect(!proxy.ok && proxy.error.code === 'QUESTION_INVALID' && proxy.error.diagnostics[0]!.code).toBe(
      'FAIR_LENDING_PROXY',
    );
    const attribute = await ask('age() > 40', 'kim', 'credit_offers');
    expect(
      !attribute.ok && attribute.error.code === 'QUESTION_INVALID' && attribute.error.diagnostics[0]!.code,
    ).toBe('FAIR_LENDING_PROTECTED_ATTRIBUTE');
    const notCredit = await vault.questions.check(
      'spent(category: "childcare", within: 90d) > 0',
      'bank_offers',
    );
    expect(notCredit.ok).toBe(true);
  });

  it('logs every question and answer, with no expression text and no exact count', async () => {
    // Each question costs 19/8 of alice's 5: an answer, a repeat, a differencing refusal, then no budget.
    await approvePolicy({ differencingEpsilon: '2' });
    const logged = vault.audit.head().size;
    const outcomes = [];
    for (const [expression, asker] of [
      [broad, 'alice'],
      [broad, 'alice'],
      [near, 'alice'],
      ['spent(category: "home_inspection", within: 7d) > 0', 'alice'],
      ['spent(category: "home_inspection", within: 7d) > 0', 'bob'],
    ] as const) {
      const answer = await ask(expression, asker);
      outcomes.push(answer.ok ? (answer.value.repeated ? 'repeated' : 'answered') : answer.error.code);
    }
    expect(outcomes).toEqual([
      'answered',
      'repeated',
      'PRIVACY_DIFFERENCING',
      'PRIVACY_BUDGET_EXHAUSTED',
      'PRIVACY_TOO_FEW',
    ]);
    const entries = (await entriesFrom(logged)).filter((e) => e.type.startsWith('question.'));
    const answered = entries.filter((e) => e.type === 'question.answered');
    expect(entries.filter((e) => e.type === 'question.asked')).toHaveLength(5);
    expect(answered.map((e) => e.details['outcome'])).toEqual([
      'answered',
      'answered',
      'differencing',
      'budget_exhausted',
      'too_few',
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('home_inspection');
    expect(text).not.toContain('holds');
    expect((await vault.audit.verifyAll()).ok).toBe(true);
  });

  it('draws each question’s noise at the policy’s scales, and the sparse vector’s against earlier audiences', async () => {
    noise.draw = () => 0n;
    const first = await ask(broad, 'sam');
    if (!first.ok) throw new Error(first.error.message);
    // The asker's first question of the period: no earlier audience, so no sparse vector.
    expect(noise.recorded()).toEqual(['4', '8']);
    // Without noise the count is the exact audience: nothing but the count's draw was added.
    expect(first.value.count).toBe((await storedAudience(first.value.questionId)).length);
    noise.clear();
    expect((await ask('holds("credit_card")', 'sam')).ok).toBe(true);
    expect(noise.recorded()).toEqual(['8', '16', '4', '8']);
    noise.clear();
    expect((await ask(broad, 'sam')).ok).toBe(true);
    expect(noise.recorded()).toEqual([]);
  });
});
