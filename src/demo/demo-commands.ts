// Demo only: names a few demo customers who received a campaign, so that the tutorial can read their inbox.
import type { Command } from 'commander';
import { CurtainError } from '../core/errors.ts';
import type { Vault } from '../vault/vault.ts';
import { externalIdOf } from './generate/generate-bank.ts';

/**
 * In a real bank nobody may ask "who got this campaign": this works only on a generated demo bank, whose
 * external ids are C00000001, C00000002, …, and says so on every run.
 */
export async function demoRecipients(
  vault: Pick<Vault, 'inbox' | 'identity'>,
  campaignId: string,
  count: number,
  print: (line: string) => void,
): Promise<string[]> {
  const wanted = new Set(await vault.inbox.recipientsOf(campaignId, count));
  if (wanted.size === 0) throw new CurtainError('NOT_FOUND', 'no message of that campaign is in any inbox');
  const found: string[] = [];
  const total = await vault.identity.customerCount();
  for (let index = 0; index < total && found.length < wanted.size; index++) {
    const externalId = externalIdOf(index);
    const id = await vault.identity.findCustomer('external_id', externalId);
    if (id !== undefined && wanted.has(id)) found.push(externalId);
  }
  if (found.length === 0) throw new CurtainError('USAGE', 'this is not a generated demo bank');
  print('DEMO ONLY — a real deployment has no such command: nobody may learn who received a campaign.');
  print(`Demo customers with a message of campaign ${campaignId}:`);
  for (const externalId of found) print(`  ${externalId}`);
  return found;
}

/** The sub-commands of `curtain demo`, which the composition root offers (src/app/cli-host.ts). */
export function defineDemoCommands(demo: Command, open: () => Promise<Vault>): void {
  demo
    .command('recipients')
    .description('DEMO ONLY: a few demo customers who received a campaign (to read their inbox)')
    .argument('<campaign>')
    .option('--count <n>', 'how many', '3')
    .action(async (campaign: string, options: { count: string }) => {
      const vault = await open();
      try {
        await demoRecipients(vault, campaign, Math.max(1, Number(options.count) || 3), (line) =>
          console.log(line),
        );
      } finally {
        await vault.close();
      }
    });
}
