// The privacy guard end to end on a generated bank, on every backend: answers, repeats, every refusal, the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentChannels } from '../../src/core/consent.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { SqlEngine } from '../../src/vault/questions/sql-engine.ts';
import { parseExpression } from '../../src/language/parser.ts';
import { checkExpression } from '../../src/language/checker.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const end = '2026-06-30';
const broad = 'count(within: 365d) > 0';

describe.each(testBackends)('questions through the privacy guard on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };

  beforeAll(async () => {
    vault = await createTestVault(backend, {
      random: seededRandomSource(`questions-${backend.name}`),
      now: () => new Date(`${end}T12:00:00Z`),
    });
    await loadDemoBank(vault, { customers: 300, seed: 7, end });
  }, 180_000);
  afterAll(() => vault.dispose());

  const ask = (expression: string, asker = 'alice', purpose = 'bank_offers') =>
    vault.questions.ask({ expression, purpose, asker });

  /** The audience a question was answered on: its own, or for a repeat the original's. */
  async function storedAudience(questionId: number): Promise<Int32Array> {
    const { rows } = await vault.storage.query<{ audience: Uint8Array }>(
      `SELECT coalesce(q.audience, o.audience) AS audience FROM questions q
         LEFT JOIN questions o ON o.id = q.repeats WHERE q.id = $1`,
      [questionId],
    );
    return new Int32Array(Uint8Array.from(rows[0]!.audience).buffer);
  }

  let broadCount = 0;

  it('answers with a noised count close to the exact audience, and charges ε = 1/2', async () => {
    const answer = await ask(broad);
    if (!answer.ok) throw new Error(answer.error.message);
    const exact = (await storedAudience(answer.value.questionId)).length;
    expect(exact).toBeGreaterThan(150);
    expect(Math.abs(answer.value.count - exact)).toBeLessThan(40);
    expect(answer.value.repeated).toBe(false);
    expect(answer.value.budget.charged.toString()).toBe('1/2');
    expect(answer.value.budget.askerRemaining.toString()).toBe('9/2');
    expect(answer.value.budget.vaultRemaining.toString()).toBe('39/2');
    expect(answer.value.budget.resetsAt).toBe('2026-07-01T00:00:00.000Z');
    broadCount = answer.value.count;
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
    const again = await ask(broad);
    const mirrored = await ask('0 < count(within: 365d)', 'bob');
    const grouped = await ask(`not (not (${broad})) and (${broad})`, 'bob');
    for (const answer of [again, mirrored, grouped]) {
      if (!answer.ok) throw new Error(answer.error.message);
      expect(answer.value.count).toBe(broadCount);
      expect(answer.value.repeated).toBe(true);
      expect(answer.value.budget.charged.toString()).toBe('0');
    }
    expect(again.ok && again.value.budget.askerRemaining.toString()).toBe('9/2');
    expect(mirrored.ok && mirrored.value.budget.askerRemaining.toString()).toBe('5');
  });

  it('refuses an audience under the noised threshold without releasing anything, and charges it', async () => {
    const refused = await ask('spent(category: "home_inspection", within: 7d) > 0');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('PRIVACY_TOO_FEW');
    expect(refused.error.message).toContain('fewer than about 50');
    expect('budget' in refused.error && refused.error.budget.charged.toString()).toBe('1/2');
    expect(JSON.stringify(refused.error)).not.toMatch(/"count"/);
  });

  it('needs a second person to change the policy, refuses k under the floor, and logs the change', async () => {
    const proposed = await vault.policies.propose(
      { differencingEpsilon: '2', askerBudget: '50', vaultBudget: '200' },
      'carol',
      'sharper test check',
    );
    await expect(vault.policies.approve(proposed.version, 'carol')).rejects.toMatchObject({
      code: 'POLICY_APPROVAL_REFUSED',
    });
    await expect(vault.policies.propose({ k: 10 }, 'carol', 'too low')).rejects.toMatchObject({
      code: 'POLICY_INVALID',
    });
    const active = await vault.policies.approve(proposed.version, 'dave');
    expect(active.policy.differencingEpsilon.toString()).toBe('2');
    const { rows } = await vault.storage.query<{ entry: string }>(
      "SELECT entry FROM audit_entries WHERE entry LIKE '%privacy_policy.approved%'",
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a question whose audience is nearly that of an earlier one (differencing)', async () => {
    const near = await ask(`${broad} or holds("mortgage")`);
    expect(near.ok).toBe(false);
    if (near.ok) return;
    expect(near.error.code).toBe('PRIVACY_DIFFERENCING');
    // The same refused question again: the same refusal, not a fresh draw.
    const again = await ask(`${broad} or holds("mortgage")`);
    expect(!again.ok && again.error.code).toBe('PRIVACY_DIFFERENCING');
    expect(!again.ok && 'budget' in again.error && again.error.budget.charged.toString()).toBe('0');
    // Another asker has no earlier question close to it.
    const other = await ask(`${broad} or holds("mortgage")`, 'erin');
    expect(other.ok).toBe(true);
    const far = await ask('holds("credit_card")');
    expect(!far.ok && far.error.code).not.toBe('PRIVACY_DIFFERENCING');
  });

  it('counts a repeated question in the differencing check without storing its audience again', async () => {
    // frank has asked nothing of his own: he repeats alice's question, then asks one nearly the same.
    const repeated = await ask(broad, 'frank');
    expect(repeated.ok && repeated.value.repeated).toBe(true);
    const { rows } = await vault.storage.query<{ audience: Uint8Array | null; repeats: number | null }>(
      'SELECT audience, repeats FROM questions WHERE id = $1',
      [repeated.ok ? repeated.value.questionId : 0],
    );
    expect(rows[0]).toMatchObject({ audience: null, repeats: expect.any(Number) as unknown });
    // Nobody asked this one yet, so it is not a repeat; it differs from the repeated audience by a few people.
    const near = await ask(`${broad} or holds("mortgage") or holds("credit_card")`, 'frank');
    expect(!near.ok && near.error.code).toBe('PRIVACY_DIFFERENCING');
  });

  it('refuses once the asker’s budget is spent, says when it resets, and leaves other askers alone', async () => {
    // alice has spent 1/2 + 1/2 + 19/8 + 19/8 = 23/4; one more question of 19/8 does not fit in 6.
    const proposed = await vault.policies.propose({ askerBudget: '6' }, 'carol', 'test');
    await vault.policies.approve(proposed.version, 'dave');
    const refused = await ask('count(category: "dining", within: 90d) > 3');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('PRIVACY_BUDGET_EXHAUSTED');
    expect(refused.error.message).toContain('your budget');
    expect(refused.error.message).toContain('2026-07-01T00:00:00.000Z');
    const bob = await ask('count(category: "dining", within: 90d) > 3', 'bob');
    expect(!bob.ok && bob.error.code).not.toBe('PRIVACY_BUDGET_EXHAUSTED');
  });

  it('refuses on the vault-wide budget however many askers there are', async () => {
    const proposed = await vault.policies.propose({ vaultBudget: '15' }, 'carol', 'test');
    await vault.policies.approve(proposed.version, 'dave');
    const outcomes = [];
    for (const asker of ['fay', 'gus', 'hal', 'ida', 'jon']) {
      const answer = await ask(`count(category: "fuel", within: ${30 + outcomes.length}d) > 1`, asker);
      outcomes.push(answer.ok ? 'ok' : answer.error.code);
    }
    expect(outcomes.at(-1)).toBe('PRIVACY_BUDGET_EXHAUSTED');
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
    const { rows } = await vault.storage.query<{ entry: string }>(
      "SELECT entry FROM audit_entries WHERE entry LIKE '%\"question.%' ORDER BY idx",
    );
    const entries = rows.map(
      (r) => JSON.parse(r.entry) as { type: string; details: Record<string, unknown> },
    );
    const answered = entries.filter((e) => e.type === 'question.answered');
    expect(entries.filter((e) => e.type === 'question.asked')).toHaveLength(answered.length);
    expect(new Set(answered.map((e) => e.details['outcome']))).toEqual(
      new Set(['answered', 'too_few', 'differencing', 'budget_exhausted']),
    );
    expect(rows.some((r) => r.entry.includes('home_inspection'))).toBe(false);
    expect((await vault.audit.verifyAll()).ok).toBe(true);
  });
});
