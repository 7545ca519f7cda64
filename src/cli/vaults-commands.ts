// `curtain vaults add|list`: the regional vaults this hub serves, each registered with its pinned log key.
import { Option, type Command } from 'commander';
import type { RegisteredVault } from '../contracts/hub-regions.ts';
import type { OpenHub } from './hub-commands.ts';

const printVault = (vault: RegisteredVault) =>
  console.log(
    `${vault.region}\t${vault.url}\t${vault.publicKey}\t(added by ${vault.addedBy}, ${vault.addedAt})`,
  );

export function defineVaultsCommands(group: Command, open: OpenHub): void {
  group
    .command('add')
    .description(
      'register a region’s vault (or register it again after a key rotation); it proves the key first',
    )
    .argument('<region>', 'the region the vault serves, e.g. eu-west')
    .requiredOption('--url <url>', 'where the vault’s door is, e.g. https://vault-eu.bank.internal:8443')
    .requiredOption('--public-key <key>', 'the vault log’s verifier key (`curtain audit key` on the vault)')
    .addOption(new Option('--as <handle>', 'the operator acting').makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(
      async (region: string, options: { url: string; publicKey: string; as: string; json?: boolean }) => {
        const session = await open();
        try {
          const vault = await session.hub.registerVault(
            { region, url: options.url, publicKey: options.publicKey },
            options.as,
          );
          if (options.json === true) console.log(JSON.stringify(vault, null, 2));
          else console.log(`registered ${vault.region} at ${vault.url}: it proved the pinned key`);
        } finally {
          await session.close();
        }
      },
    );
  group
    .command('list')
    .description('the registered vaults: region, URL, pinned key')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const session = await open();
      try {
        const vaults = await session.hub.listVaults();
        if (options.json === true) console.log(JSON.stringify(vaults, null, 2));
        else if (vaults.length === 0) console.log('no vault registered (curtain vaults add)');
        else vaults.forEach(printVault);
      } finally {
        await session.close();
      }
    });
}
