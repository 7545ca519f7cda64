// `curtain ask`: through the running server when one holds the data directory (no vault code loaded), else
// from the vault opened for this one question.
import type { budgetJson, refusalJson } from '../http/question-routes.ts';
import type { askInVault } from './ask-in-vault.ts';
import type { CliContext, CommandScope, ServerSession } from './host.ts';
import { exitOf } from './output.ts';
import { openSession, requestServer } from './vault-session.ts';

export interface AskOptions {
  readonly purpose: string;
  readonly as: string;
  readonly json?: boolean;
}

export type BudgetJson = ReturnType<typeof budgetJson>;
type Answered = { questionId: number; count: number; repeated: boolean; budget: BudgetJson };
type Refused = ReturnType<typeof refusalJson>;
export type AskOutcome = { ok: true; body: Answered } | { ok: false; body: Refused };

export async function askCommand(scope: CommandScope, expression: string, options: AskOptions) {
  const request = { expression, purpose: options.purpose, asker: options.as };
  const server = await scope.runningServer();
  printOutcome(
    server ? await askServer(server, request) : await askHere(await scope.context(), request),
    options,
  );
}

type AskRequest = Parameters<typeof askInVault>[2];

/** No server was found before the configuration was read: open the vault, unless one started meanwhile. */
async function askHere(cli: CliContext, request: AskRequest): Promise<AskOutcome> {
  const session = await openSession(cli, 'curtain ask', true);
  if (session.kind === 'server') return askServer(session, request);
  const { askInVault } = await import('./ask-in-vault.ts');
  return askInVault(cli.config, session.vault, request);
}

async function askServer(server: ServerSession, request: AskRequest): Promise<AskOutcome> {
  const answer = await requestServer(server, '/v1/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return answer.ok
    ? { ok: true, body: answer.body as Answered }
    : { ok: false, body: answer.body as Refused };
}

function printOutcome(outcome: AskOutcome, options: AskOptions): void {
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
    console.error(
      `  ε charged ${error.budget.charged}${error.budget.charged === '0' ? ' (refused before the data)' : ''}`,
    );
    printBudget(options.as, error.budget, console.error);
  }
  process.exitCode = exitOf(error.code);
}

export function printBudget(asker: string, budget: BudgetJson, print: (line: string) => void = console.log) {
  print(
    `  budget left: ${budget.askerRemaining} for ${asker}, ${budget.vaultRemaining} vault-wide; ` +
      `resets ${budget.resetsAt}`,
  );
}
