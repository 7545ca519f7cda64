// `curtain ask` end to end on a demo bank: a protected count with its budget, and each refusal with its reason.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCurtain } from '../support/cli.ts';
import { copyDirectory } from '../support/run-templates.ts';

// Each test asks in its own copy of one generated bank, so that no test spends the budget of another.
let templates: string;
let env: NodeJS.ProcessEnv;
const run = (args: readonly string[]) => runCurtain(args, env);
const seedsExample = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';
const nobody = 'count(within: 1d) > 100000';
const environment = (root: string): NodeJS.ProcessEnv => {
  const copy: NodeJS.ProcessEnv = {
    ...process.env,
    CURTAIN_DATA_DIR: join(root, 'data'),
    CURTAIN_KEY_DIR: join(root, 'keys'),
    // The staff member the CLI acts as when a command names none (--as).
    CURTAIN_STAFF: 'alice',
  };
  delete copy['DATABASE_URL'];
  return copy;
};

/** The sharper policy the refusals below are measured against: ε 2 a count, an asker's budget of 9. */
const sharpenedPolicy = [
  'privacy',
  'propose',
  '--count-epsilon',
  '2',
  '--threshold-epsilon',
  '2',
  '--differencing-epsilon',
  '4',
  '--asker-budget',
  '9',
  '--vault-budget',
  '100',
  '--by',
  'ops1',
  '--reason',
  'deterministic refusals for the test',
];

/** Points `run` at a fresh copy of the generated bank, under the default policy or the sharpened one. */
async function freshBank(policy: 'default' | 'sharpened'): Promise<void> {
  const root = join(await mkdtemp(join(templates, 'test-')), 'root');
  await copyDirectory(join(templates, policy), root);
  env = environment(root);
}

beforeAll(async () => {
  templates = await mkdtemp(join(tmpdir(), 'curtain-ask-cli-'));
  env = environment(join(templates, 'default'));
  const today = new Date().toISOString().slice(0, 10);
  // Large enough that the seeds' audience (about 13% of customers) is far above the noised k of about 50.
  const generated = await run([
    'generate',
    '--customers',
    '1500',
    '--seed',
    '3',
    '--end',
    today,
    '--density',
    'thin',
  ]);
  expect(generated.code).toBe(0);
  // The CLI acts as named members of staff who may ask: each asker below is one.
  for (const asker of ['alice', 'bob', 'carol', 'dana']) {
    expect((await run(['hub', 'staff', 'add', asker, '--role', 'marketer'])).code).toBe(0);
  }
  await copyDirectory(join(templates, 'default'), join(templates, 'sharpened'));
  env = environment(join(templates, 'sharpened'));
  expect((await run(sharpenedPolicy)).code).toBe(0);
  expect((await run(['privacy', 'approve', '1', '--by', 'ops2'])).code).toBe(0);
}, 180_000);
afterAll(async () => rm(templates, { recursive: true, force: true }));

describe('curtain ask', () => {
  it('answers the seeds’ example with a noised count, the ε spent and the budget left', async () => {
    await freshBank('default');
    const answer = await run(['ask', seedsExample, '--as', 'alice']);
    expect(answer.stderr).toBe('');
    expect(answer.code).toBe(0);
    expect(answer.stdout).toMatch(/^about \d+ customers \(a protected count: noised, never exact\)/);
    expect(answer.stdout).toContain('ε charged 5/8');
    expect(answer.stdout).toMatch(
      /budget left: 35\/8 for alice, 155\/8 vault-wide; resets \d{4}-\d\d-01T00:00:00.000Z/,
    );
    const json = await run(['ask', seedsExample, '--as', 'alice', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      repeated: true,
      budget: { charged: '0', askerRemaining: '35/8' },
    });
  });

  it('acts only as a named member of staff who may ask, and says who is missing', async () => {
    await freshBank('default');
    const stranger = await run(['ask', seedsExample, '--as', 'mallory']);
    expect(stranger.code).toBe(77);
    expect(stranger.stderr).toContain('HUB_FORBIDDEN');
    expect(stranger.stderr).toContain('"mallory" is not on the hub\'s staff');
    const approver = await run(['ask', seedsExample, '--as', 'rui']);
    expect(approver.code).toBe(77);
    expect(approver.stderr).toContain('needs the role marketer or partner or operator');
    const unnamed = await runCurtain(['ask', seedsExample], { ...env, CURTAIN_STAFF: '' });
    expect(unnamed.code).toBe(64);
    expect(unnamed.stderr).toContain('--as <handle> (or CURTAIN_STAFF)');
  });

  it('shows where a bad expression is wrong, with a caret and a suggestion', async () => {
    await freshBank('default');
    const refused = await run(['ask', 'spent(category: "home_inspecton") > 0 adn not holds("mortgage")']);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain('1:39:');
    expect(refused.stderr).toContain('^~~');
    expect(refused.stderr).toContain('did you mean "and"?');
    expect(refused.stderr).toContain('QUESTION_INVALID');
  });

  it('needs a second person to sharpen the policy for the refusals below', async () => {
    await freshBank('default');
    const proposed = await run(sharpenedPolicy);
    expect(proposed.code).toBe(0);
    const self = await run(['privacy', 'approve', '1', '--by', 'ops1']);
    expect(self.code).toBe(77);
    expect(self.stderr).toContain('POLICY_APPROVAL_REFUSED');
    expect((await run(['privacy', 'approve', '1', '--by', 'ops2'])).code).toBe(0);
    const low = await run(['privacy', 'propose', '--k', '5', '--by', 'ops1', '--reason', 'lower']);
    expect(low.code).toBe(65);
    expect(low.stderr).toContain('POLICY_INVALID');
  });

  it('refuses a question of fewer than k people without a number', async () => {
    await freshBank('sharpened');
    const refused = await run(['ask', nobody, '--as', 'bob']);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('PRIVACY_TOO_FEW');
    expect(refused.stderr).toContain('fewer than about 50');
    expect(refused.stderr).toContain('ε charged 8');
  });

  it('refuses a differencing pair', async () => {
    await freshBank('sharpened');
    expect((await run(['ask', seedsExample, '--as', 'alice'])).code).toBe(0);
    // alice's question again: free for carol, and now one of carol's own.
    expect((await run(['ask', seedsExample, '--as', 'carol'])).code).toBe(0);
    const near = await run(['ask', `${seedsExample} and not holds("pension")`, '--as', 'carol']);
    expect(near.code).toBe(3);
    expect(near.stderr).toContain('PRIVACY_DIFFERENCING');
  });

  it('refuses once the budget is spent and says when it resets', async () => {
    await freshBank('sharpened');
    const first = await run(['ask', 'count(within: 30d) > 0', '--as', 'dana']);
    expect(first.stderr).toBe('');
    const refused = await run(['ask', 'count(within: 60d) > 0', '--as', 'dana']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('PRIVACY_BUDGET_EXHAUSTED');
    expect(refused.stderr).toMatch(
      /your budget for this period is spent .* it resets at \d{4}-\d\d-01T00:00:00.000Z/,
    );
    const budget = await run(['privacy', 'budget', 'dana']);
    expect(budget.stdout).toContain('budget left: 1 for dana');
  });
});
