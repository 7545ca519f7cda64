// Questions and the privacy policy on the command line: ask (through a running vault if there is one), budgets.
import { CurtainError, errorCatalogue, type ErrorCode } from '../core/errors.ts';
import type { CliContext } from './host.ts';
import { policyToJson, type GuardPolicyJson } from '../privacy/guard/policy.ts';
import { budgetJson, refusalJson } from '../http/question-routes.ts';
import { authorization, openSession, withVault } from './vault-session.ts';
import { existsSync } from 'node:fs';
import { columnarSnapshotPath } from '../config/paths.ts';

export interface AskOptions {
  readonly purpose: string;
  readonly as: string;
  readonly json?: boolean;
}

type Budget = ReturnType<typeof budgetJson>;
type AskOutcome =
  | { ok: true; body: { questionId: number; count: number; repeated: boolean; budget: Budget } }
  | { ok: false; body: ReturnType<typeof refusalJson> };

export async function askCommand(cli: CliContext, expression: string, options: AskOptions) {
  const request = { expression, purpose: options.purpose, asker: options.as };
  const session = await openSession(cli, 'curtain ask', true);
  let outcome: AskOutcome;
  if (session.kind === 'server') {
    const response = await fetch(new URL('/v1/questions', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization(session.apiKey) },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as AskOutcome['body'];
    outcome = response.ok ? { ok: true, body: body as never } : { ok: false, body: body as never };
  } else {
    try {
      // A snapshot starts the columnar engine in seconds; without one, the SQL engine answers.
      const snapshot = columnarSnapshotPath(cli.config);
      if (existsSync(snapshot)) {
        await session.vault.questionEngine.loadColumnar({ snapshotPath: snapshot });
      }
      const result = await session.vault.questions.ask(request);
      await session.vault.questionEngine.saveSnapshot(snapshot);
      outcome = result.ok
        ? { ok: true, body: { ...result.value, budget: budgetJson(result.value.budget) } }
        : { ok: false, body: refusalJson(result.error) };
    } finally {
      await session.vault.close();
    }
  }
  if (options.json === true) {
    console.log(JSON.stringify(outcome.body, null, 2));
    if (!outcome.ok) process.exitCode = exitOf(outcome.body.error.code);
    return;
  }
  if (outcome.ok) {
    const { count, repeated, budget } = outcome.body;
    console.log(`about ${count.toLocaleString('en-GB')} customers (a protected count: noised, never exact)`);
    console.log(
      repeated
        ? '  the same question was answered earlier this period: same answer, nothing charged'
        : `  ε charged ${budget.charged}`,
    );
    printBudget(options.as, budget);
    return;
  }
  const { error } = outcome.body;
  if (error.rendered !== undefined) console.error(error.rendered);
  console.error(`curtain: ${error.code}: ${error.message}`);
  if (error.budget !== undefined) {
    if (error.budget.charged !== '0') console.error(`  ε charged ${error.budget.charged}`);
    printBudget(options.as, error.budget, console.error);
  }
  process.exitCode = exitOf(error.code);
}

function printBudget(asker: string, budget: Budget, print: (line: string) => void = console.log) {
  print(
    `  budget left: ${budget.askerRemaining} for ${asker}, ${budget.vaultRemaining} vault-wide; ` +
      `resets ${budget.resetsAt}`,
  );
}

function exitOf(code: string): number {
  return code in errorCatalogue ? errorCatalogue[code as ErrorCode].exit : 1;
}

export async function budgetCommand(cli: CliContext, asker: string) {
  await withVault(cli, 'curtain privacy budget', async (vault) => {
    printBudget(asker, budgetJson(await vault.questions.budget(asker)));
  });
}

export async function policyShowCommand(cli: CliContext) {
  await withVault(cli, 'curtain privacy policy', async (vault) => {
    const active = await vault.policies.active();
    const versions = await vault.policies.list();
    console.log(
      JSON.stringify(
        { active: { version: active.version, ...policyToJson(active.policy) }, versions },
        null,
        2,
      ),
    );
  });
}

export async function policyProposeCommand(
  cli: CliContext,
  change: Partial<GuardPolicyJson>,
  by: string,
  reason: string,
) {
  if (Object.keys(change).length === 0) throw new CurtainError('USAGE', 'propose at least one change');
  await withVault(cli, 'curtain privacy propose', async (vault) => {
    const proposed = await vault.policies.propose(change, by, reason);
    console.log(
      `proposed version ${proposed.version} by ${by}; it takes effect when someone else runs ` +
        `\`curtain privacy approve ${proposed.version} --by <name>\``,
    );
  });
}

export async function policyApproveCommand(cli: CliContext, version: number, by: string) {
  await withVault(cli, 'curtain privacy approve', async (vault) => {
    const active = await vault.policies.approve(version, by);
    console.log(`version ${active.version} is active, approved by ${by}`);
  });
}
