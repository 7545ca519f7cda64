// `curtain ask`: through the running server when one holds the data directory (no vault code loaded), else
// from the vault opened for this one question.
import type { budgetJson, refusalJson } from '../http/question-routes.ts';
import type { askInVault } from './ask-in-vault.ts';
import type { CliContext, CommandScope, ServerSession } from './host.ts';
import { CurtainError } from '../core/errors.ts';
import { actAsHeader } from '../http/auth/local-cli-key.ts';
import { exitOf } from './output.ts';
import { openSession, requestServer } from './vault-session.ts';

export interface AskOptions {
  readonly purpose: string;
  /** The staff member the CLI acts as (--as, or CURTAIN_STAFF). */
  readonly as?: string | undefined;
  readonly json?: boolean;
}

export type BudgetJson = ReturnType<typeof budgetJson>;
type Answered = { questionId: number; count: number; repeated: boolean; budget: BudgetJson };
type Refused = ReturnType<typeof refusalJson>;
export type AskOutcome = { ok: true; body: Answered } | { ok: false; body: Refused };

export async function askCommand(scope: CommandScope, expression: string, options: AskOptions) {
  const asker = options.as;
  if (asker === undefined || asker === '') {
    throw new CurtainError(
      'USAGE',
      'name the staff member the CLI acts as: --as <handle> (or CURTAIN_STAFF); questions are charged to them',
    );
  }
  const request = { expression, purpose: options.purpose, asker };
  const server = await scope.runningServer();
  printOutcome(server ? await askServer(server, request) : await askHere(await scope.context(), request), {
    ...options,
    as: asker,
  });
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
  // The server charges the staff member the local CLI names, if they exist and may ask; the log says so.
  const answer = await requestServer(server, '/v1/questions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [actAsHeader]: request.asker },
    body: JSON.stringify({ expression: request.expression, purpose: request.purpose }),
  });
  if (answer.status === 401 || (answer.status === 403 && !isRefusal(answer.body))) {
    const { error } = answer.body as Refused;
    throw new CurtainError(error.code, error.message);
  }
  return answer.ok
    ? { ok: true, body: answer.body as Answered }
    : { ok: false, body: answer.body as Refused };
}

/** A question's refusal (a privacy or checker code) rather than one of access. */
const isRefusal = (body: unknown) => {
  const code: string | undefined = (body as Partial<Refused>).error?.code;
  return code !== undefined && code !== 'AUTH_FORBIDDEN' && code !== 'AUTH_REQUIRED';
};

function printOutcome(outcome: AskOutcome, options: AskOptions & { readonly as: string }): void {
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
