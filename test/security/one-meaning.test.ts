// Issue 14, class 6 — one answer for one meaning: rewrites from the closed list in docs/segment-language.md give
// one key; rewrites that change the audience on a generated bank never do; trivial questions are refused free.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareOperator, Plan, TransactionFilter, ValuePlan, Window } from '../../src/language/plan.ts';
import { normalisePlan, planKey } from '../../src/language/normalise.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { ColumnarStore } from '../../src/vault/questions/columnar/columnar-store.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { QuestionService, vaultAudience } from '../../src/vault/questions/question-service.ts';
import { testBackends } from '../support/backends.ts';
import { createDemoBankVault, type TestVault } from '../support/test-vault.ts';

const asOf = '2026-10-31';
const bank = { customers: 40, seed: 11, end: asOf };
const categories = ['groceries', 'dining', 'subscriptions', 'fuel', 'salary', 'rent'];
const products = ['mortgage', 'savings', 'credit_card', 'current_account'];
const day = (offset: number) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const windowArb: fc.Arbitrary<Window> = fc.oneof(
  fc.record({ kind: fc.constant('within' as const), days: fc.constantFrom(7, 30, 90, 365) }),
  fc.record({
    kind: fc.constant('between' as const),
    from: fc.constantFrom(day(-200), day(-60)),
    to: fc.constantFrom(day(-30), day(0)),
  }),
);

const filterArb: fc.Arbitrary<TransactionFilter> = fc
  .record({
    window: windowArb,
    categories: fc.option(fc.uniqueArray(fc.constantFrom(...categories), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
    direction: fc.option(fc.constantFrom('D' as const, 'C' as const), { nil: undefined }),
  })
  .map(({ window, categories, direction }) => ({
    window,
    currency: 'GBP',
    ...(categories === undefined ? {} : { categories }),
    ...(direction === undefined ? {} : { direction }),
  }));

const fns = ['count', 'sum', 'average', 'min', 'max', 'daysSinceLast'] as const;
const valueArb: fc.Arbitrary<ValuePlan> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('aggregate' as const),
      fn: fc.constantFrom(...fns),
      filter: filterArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recurring' as const), filter: filterArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('holdingDays' as const),
      product: fc.constantFrom(...products),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'tenureDays' as const }) },
);
const constantArb = fc
  .constantFrom(0, 1, 2, 3, 10, 30, 100, 1000, 5000, 20_000, 2.5)
  .map((value): ValuePlan => ({ kind: 'constant', value }));
const opArb = fc.constantFrom<CompareOperator>('<', '<=', '>', '>=', '=', '!=');

const planArb: fc.Arbitrary<Plan> = fc.letrec<{ plan: Plan }>((tie) => ({
  plan: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('compare' as const),
        op: opArb,
        left: valueArb,
        right: constantArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('holds' as const), product: fc.constantFrom(...products) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('not' as const), item: tie('plan') }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        items: fc.array(tie('plan'), { minLength: 2, maxLength: 3 }),
      }),
    },
  ),
})).plan;

type Rewrite = (plan: Plan) => Plan | undefined;
const dual = { and: 'or', or: 'and' } as const;
const mirrored = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const;
const negatedOp = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' } as const;
const isTotal = (v: ValuePlan) =>
  v.kind === 'recurring' || (v.kind === 'aggregate' && (v.fn === 'count' || v.fn === 'sum'));
const isWhole = (v: ValuePlan) => v.kind !== 'constant' && !(v.kind === 'aggregate' && v.fn === 'average');
const withFilter = (v: ValuePlan, change: (f: TransactionFilter) => TransactionFilter | undefined) => {
  if (v.kind !== 'aggregate' && v.kind !== 'recurring') return undefined;
  const filter = change(v.filter);
  return filter === undefined ? undefined : { ...v, filter };
};
const onValue =
  (change: (v: ValuePlan) => ValuePlan | undefined): Rewrite =>
  (p) => {
    if (p.kind !== 'compare') return undefined;
    const left = change(p.left);
    return left === undefined ? undefined : { ...p, left };
  };

/** The closed list of docs/segment-language.md ("Normal form"), by the names it gives them. */
const rewrites: Record<string, Rewrite> = {
  'and-true': (p) => ({ kind: 'and', items: [p, { kind: 'constant', value: true }] }),
  'or-false': (p) => ({ kind: 'or', items: [{ kind: 'constant', value: false }, p] }),
  'constant-comparison': (p) => ({
    kind: 'and',
    items: [
      p,
      {
        kind: 'compare',
        op: '<',
        left: { kind: 'constant', value: 1 },
        right: { kind: 'constant', value: 2 },
      },
    ],
  }),
  'double-negation': (p) => ({ kind: 'not', item: { kind: 'not', item: p } }),
  'de-morgan': (p) =>
    p.kind === 'and' || p.kind === 'or'
      ? { kind: 'not', item: { kind: dual[p.kind], items: p.items.map((item) => ({ kind: 'not', item })) } }
      : undefined,
  'negated-comparison': (p) =>
    p.kind === 'compare' && isTotal(p.left)
      ? { kind: 'not', item: { ...p, op: negatedOp[p.op] } }
      : undefined,
  reorder: (p) => (p.kind === 'and' || p.kind === 'or' ? { ...p, items: [...p.items].reverse() } : undefined),
  duplicate: (p) =>
    p.kind === 'and' || p.kind === 'or' ? { ...p, items: [...p.items, p.items[0]!] } : undefined,
  nesting: (p) =>
    (p.kind === 'and' || p.kind === 'or') && p.items.length > 2
      ? { ...p, items: [p.items[0]!, { kind: p.kind, items: p.items.slice(1) }] }
      : undefined,
  'constant-left': (p) =>
    p.kind === 'compare' ? { ...p, op: mirrored[p.op], left: p.right, right: p.left } : undefined,
  'integer-bound': (p) => {
    if (p.kind !== 'compare' || p.right.kind !== 'constant' || !isWhole(p.left)) return undefined;
    const c = p.right.value;
    if (!Number.isInteger(c)) return undefined;
    const to = { '>': ['>=', c + 1], '>=': ['>', c - 1], '<': ['<=', c - 1], '<=': ['<', c + 1] } as const;
    if (p.op === '=' || p.op === '!=') return undefined;
    const [op, value] = to[p.op];
    return { ...p, op, right: { kind: 'constant', value } };
  },
  'relative-window': onValue((v) =>
    withFilter(v, (f) =>
      f.window.kind === 'within'
        ? { ...f, window: { kind: 'between', from: day(1 - f.window.days), to: asOf } }
        : undefined,
    ),
  ),
  'list-order': onValue((v) =>
    withFilter(v, (f) =>
      f.categories === undefined
        ? undefined
        : { ...f, categories: [...f.categories, f.categories[0]!].reverse() },
    ),
  ),
};

/** Rewrites that may change the audience: an engine decides whether they did. */
const mutations: Record<string, Rewrite> = {
  'other operator': (p) => (p.kind === 'compare' ? { ...p, op: p.op === '>=' ? '>' : '>=' } : undefined),
  'constant plus one': (p) =>
    p.kind === 'compare' && p.right.kind === 'constant'
      ? { ...p, right: { kind: 'constant', value: p.right.value + 1 } }
      : undefined,
  'negated operator on any value': (p) =>
    p.kind === 'compare' ? { kind: 'not', item: { ...p, op: negatedOp[p.op] } } : undefined,
  'and for or': (p) => (p.kind === 'and' || p.kind === 'or' ? { ...p, kind: dual[p.kind] } : undefined),
  'dropped negation': (p) => (p.kind === 'not' ? p.item : undefined),
  'shorter window': onValue((v) =>
    withFilter(v, (f) =>
      f.window.kind === 'within' ? { ...f, window: { kind: 'within', days: f.window.days - 1 } } : undefined,
    ),
  ),
  'window ending yesterday': onValue((v) =>
    withFilter(v, (f) =>
      f.window.kind === 'within'
        ? { ...f, window: { kind: 'between', from: day(1 - f.window.days), to: day(-1) } }
        : undefined,
    ),
  ),
};

/** The nodes of a plan in preorder, each with a way to put a replacement in its place. */
function places(plan: Plan, put: (p: Plan) => Plan = (p) => p): { node: Plan; put: (p: Plan) => Plan }[] {
  const here = { node: plan, put };
  if (plan.kind === 'not') return [here, ...places(plan.item, (p) => put({ kind: 'not', item: p }))];
  if (plan.kind !== 'and' && plan.kind !== 'or') return [here];
  return [
    here,
    ...plan.items.flatMap((item, i) =>
      places(item, (p) => put({ ...plan, items: plan.items.map((other, j) => (j === i ? p : other)) })),
    ),
  ];
}

/** Applies `rewrite` at the `at`-th applicable node (modulo), or undefined when none applies. */
function rewriteSomewhere(plan: Plan, rewrite: Rewrite, at: number): Plan | undefined {
  const applicable = places(plan).flatMap(({ node, put }) => {
    const rewritten = rewrite(node);
    return rewritten === undefined ? [] : [put(rewritten)];
  });
  return applicable.length === 0 ? undefined : applicable[at % applicable.length];
}

const keyOf = (plan: Plan) => planKey(normalisePlan(plan, { asOf }));

describe('one answer for one meaning (issue 14, class 6)', () => {
  let vault: TestVault;
  let engine: ColumnarEngine;
  const audience = async (plan: Plan) => [...(await engine.evaluate(plan, asOf))];

  beforeAll(async () => {
    vault = await createDemoBankVault(testBackends[0]!, bank, {
      now: () => new Date(`${asOf}T12:00:00Z`),
      noise: discreteLaplaceNoise(seededRandomSource('one-meaning')),
    });
    // The small bank's audiences are under the default k of 50: the floor lets them be answered.
    const proposed = await vault.policies.propose({ k: 20 }, 'carol', 'test');
    await vault.policies.approve(proposed.version, 'dave');
    engine = new ColumnarEngine(await ColumnarStore.load(vault.storage));
  }, 120_000);
  afterAll(() => vault.dispose());

  it('draws its rewrites from the closed list in docs/segment-language.md, and only from it', () => {
    const docs = readFileSync(new URL('../../docs/segment-language.md', import.meta.url), 'utf8');
    const start = docs.indexOf('## Normal form');
    const section = docs.slice(start, docs.indexOf('\n## ', start + 1));
    const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(rewrites).sort());
  });

  it('gives every rewrite from the list the same key as the question it rewrites', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom(...Object.keys(rewrites)), fc.nat(), (plan, name, at) => {
        const rewritten = rewriteSomewhere(plan, rewrites[name]!, at);
        fc.pre(rewritten !== undefined);
        expect(keyOf(rewritten), name).toBe(keyOf(plan));
      }),
      { seed: 14_06, numRuns: 600 },
    );
  });

  it('keeps the audience: the normal form selects the very customers the question does', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const expected = await audience(plan);
        if (expected.length > 0 && expected.length < bank.customers) nonEmpty++;
        expect(await audience(normalisePlan(plan, { asOf }))).toEqual(expected);
      }),
      { seed: 14_61, numRuns: 300 },
    );
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('never gives one key to two questions whose audiences differ on the bank', async () => {
    let different = 0;
    await fc.assert(
      fc.asyncProperty(
        planArb,
        fc.constantFrom(...Object.keys(mutations)),
        fc.nat(),
        async (plan, name, at) => {
          const mutated = rewriteSomewhere(plan, mutations[name]!, at);
          fc.pre(mutated !== undefined);
          const [before, after] = await Promise.all([audience(plan), audience(mutated)]);
          if (JSON.stringify(before) === JSON.stringify(after)) return;
          different++;
          expect(keyOf(mutated), name).not.toBe(keyOf(plan));
        },
      ),
      { seed: 14_62, numRuns: 400 },
    );
    expect(different).toBeGreaterThan(40);
  });

  it('refuses a question its normal form decides, before any data is read and free', async () => {
    let evaluated = 0;
    const counting = {
      name: 'counting',
      evaluate: (plan: Plan, day: string) => {
        evaluated++;
        return vault.questionEngine.evaluate(plan, day);
      },
    };
    const questions = new QuestionService(
      vaultAudience(counting, vault.consent),
      vault.policies,
      vault.guard,
      {
        currency: 'GBP',
        retentionDays: () => Promise.resolve(730),
        now: () => new Date(`${asOf}T12:00:00Z`),
      },
    );
    const before = await questions.budget('alice');
    const cases = [
      ['holds("mortgage") and not holds("mortgage")', 'CHECK_ALWAYS_FALSE'],
      ['count(within: 30d) >= 0', 'CHECK_ALWAYS_TRUE'],
      ['spent(within: 30d) > 10 GBP and not (spent(within: 30d) >= 10.01 GBP)', 'CHECK_ALWAYS_FALSE'],
      ['not (holds("savings") and true) or holds("savings")', 'CHECK_ALWAYS_TRUE'],
    ] as const;
    for (const [expression, code] of cases) {
      const answer = await questions.ask({ expression, purpose: 'bank_offers', asker: 'alice' });
      expect(answer.ok, expression).toBe(false);
      if (answer.ok || answer.error.code !== 'QUESTION_INVALID')
        throw new Error(`${expression} was not refused`);
      expect(answer.error.diagnostics.map((d) => d.code)).toEqual([code]);
    }
    expect(evaluated).toBe(0);
    expect((await questions.budget('alice')).askerRemaining.toString()).toBe(
      before.askerRemaining.toString(),
    );
  });

  it('answers equivalent questions once: the second is the stored answer, not charged again', async () => {
    const ask = (expression: string) =>
      vault.questions.ask({ expression, purpose: 'bank_offers', asker: 'bob' });
    const first = await ask('count(within: 90d) >= 1');
    const second = await ask(`not (not (count(from: ${day(-89)}, to: ${asOf}) > 0)) and true`);
    expect([first.ok ? 'ok' : first.error.message, second.ok ? 'ok' : second.error.message]).toEqual([
      'ok',
      'ok',
    ]);
    if (!first.ok || !second.ok) return;
    expect(second.value.repeated).toBe(true);
    expect(second.value.count).toBe(first.value.count);
    expect(second.value.budget.charged.toString()).toBe('0');
    expect(second.value.budget.askerRemaining.toString()).toBe(first.value.budget.askerRemaining.toString());
  });
});
