// propensity("…") in the segment language: a frozen model's stored scores, the same answer on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { explainForCustomer } from '../../src/language/explain.ts';
import type { Plan } from '../../src/language/plan.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { ScoreColumns } from '../../src/vault/questions/columnar/score-columns.ts';
import { readApprovedScores, storedScoresStamp } from '../../src/vault/questions/stored-scores-store.ts';
import { SqlEngine } from '../../src/vault/questions/sql-engine.ts';
import { testBackends } from '../support/backends.ts';
import type { TestVault } from '../support/test-vault.ts';
import { end, frozenModel, modelBankVault } from './support.ts';

const questions = [
  'propensity("mortgage") >= 0.5',
  'propensity("mortgage") < 0.5',
  'propensity("mortgage") > 0.3 and not holds("mortgage")',
  'not propensity("mortgage") >= 0.7',
  'propensity("mortgage") != 0.5 or tenure() > 5y',
  '0.4 <= propensity("mortgage")',
];

describe.each(testBackends)('propensity questions on $name', (backend) => {
  let vault: TestVault;
  let model: string;

  beforeAll(async () => {
    vault = await modelBankVault(backend);
    model = (await frozenModel(vault)).id;
  }, 180_000);
  afterAll(async () => vault.dispose());

  async function planOf(expression: string): Promise<Plan> {
    const checked = await vault.questions.check(expression, 'bank_offers');
    if (!checked.ok) throw new Error(checked.error.message);
    return checked.value.plan;
  }

  async function scores(): Promise<Map<number, number>> {
    const { rows } = await vault.storage.query<{ customer_id: number | string; score: number }>(
      'SELECT customer_id, score FROM model_scores WHERE model_version = $1::uuid',
      [model],
    );
    return new Map(rows.map((r) => [Number(r.customer_id), Number(r.score)]));
  }

  it('is a clear diagnostic before any version is approved, for an unknown product, and for a bad threshold', async () => {
    const refused = async (expression: string) => {
      const checked = await vault.questions.check(expression, 'bank_offers');
      if (checked.ok) throw new Error(`${expression} passed`);
      return checked.error.message;
    };
    expect(await refused('propensity("mortgage") >= 0.6')).toMatch(
      /no approved propensity model for "mortgage"/,
    );
    await vault.models.approve(model, 'risk.bob', 'reviewed');
    expect(await refused('propensity("mortgag") >= 0.6')).toMatch(/unknown product "mortgag"/);
    expect(await refused('propensity("savings") >= 0.6')).toMatch(
      /no approved propensity model for "savings"/,
    );
    expect(await refused('propensity("mortgage") >= 60')).toMatch(/threshold is from 0 to 1/);
    expect(await refused('propensity("mortgage") >= tenure()')).toMatch(/fixed number from 0 to 1/);
    expect(await refused('propensity("mortgage") >= propensity("mortgage")')).toMatch(/not a propensity/);
    expect(await refused('propensity("mortgage")')).toMatch(/must be a condition/);
  });

  it('gives the same customers on the SQL and the columnar engine, those whose stored score passes', async () => {
    const stored = await scores();
    expect(stored.size).toBeGreaterThan(0);
    const sql = new SqlEngine(vault.storage);
    const columns = new ScoreColumns();
    columns.replace(await readApprovedScores(vault.storage));
    const store = (await vault.questionEngine.loadColumnar({ features: false }), vault.questionEngine.store!);
    const columnar = new ColumnarEngine(store, { scores: columns });
    const sizes: number[] = [];
    for (const expression of questions) {
      const plan = await planOf(expression);
      const bySql = [...(await sql.evaluate(plan, end))];
      expect([...(await columnar.evaluate(plan, end))], expression).toEqual(bySql);
      sizes.push(bySql.length);
    }
    const atLeastHalf = [...(await sql.evaluate(await planOf(questions[0]!), end))];
    expect(atLeastHalf).toEqual(
      [...stored]
        .filter(([, s]) => s >= 0.5)
        .map(([id]) => id)
        .sort((a, b) => a - b),
    );
    // Not vacuous: the questions select some customers and not all.
    expect(sizes.some((n) => n > 0)).toBe(true);
    expect(new Set(sizes).size).toBeGreaterThan(1);
  });

  it('follows a withdrawal on the vault engine at once, and explains itself in plain words', async () => {
    const plan = await planOf('propensity("mortgage") >= 0.2');
    const before = [...(await vault.questionEngine.evaluate(plan, end))];
    expect(vault.questionEngine.name).toBe('columnar');
    const leaving = before[0]!;
    await vault.consent.record([
      {
        customerId: leaving,
        purpose: 'profiling',
        channel: 'all',
        granted: false,
        source: 'console',
        noticeVersion: currentNotice('profiling').id,
        decidedAt: new Date('2026-10-31T14:00:00Z'),
      },
    ]);
    expect([...(await vault.questionEngine.evaluate(plan, end))]).toEqual(before.slice(1));
    expect(explainForCustomer(await planOf('propensity("mortgage") >= 0.6'), { currency: 'GBP' })).toEqual([
      'A model, trained inside the bank because you agreed to profiling, gives at least 60% chance that you ' +
        'would take a mortgage soon.',
    ]);
  });

  it('reads one counter to know whether stored scores changed: every write moves it, a read does not', async () => {
    const stamp = () => storedScoresStamp(vault.storage);
    const moves = async (sql: string, params: unknown[] = []) => {
      const before = await stamp();
      await vault.storage.query(sql, params);
      return (await stamp()) !== before;
    };
    expect(await moves('SELECT count(*) FROM model_scores')).toBe(false);
    const [id] = [...(await scores()).keys()];
    expect(await moves('UPDATE model_scores SET score = score WHERE customer_id = $1', [id])).toBe(true);
    expect(await moves('DELETE FROM model_scores WHERE customer_id = $1', [id])).toBe(true);
    expect(
      await moves('INSERT INTO model_scores (model_version, customer_id, score) VALUES ($1::uuid, $2, 0.5)', [
        model,
        id,
      ]),
    ).toBe(true);
    expect(await moves('UPDATE model_versions SET card = card WHERE id = $1::uuid', [model])).toBe(true);
  });
});
