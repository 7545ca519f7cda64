// The privacy guard on the command line: budgets, and the policy proposed by one person and approved by another.
import { CurtainError } from '../core/errors.ts';
import type { CliContext } from './host.ts';
import { policyToJson, type GuardPolicyJson } from '../privacy/guard/policy.ts';
import { budgetJson } from '../http/question-routes.ts';
import { printBudget } from './ask-command.ts';
import { withVault } from './vault-session.ts';

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
