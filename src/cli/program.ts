// The `curtain` command line: global options, one sub-command per job, exit code from the error code.
// `curtain --help` loads this module, commander and the top-level declarations only: a group's sub-commands are
// defined when that group runs, and every command imports its work when it runs. The host (src/app/) supplies
// what the commands open; this module never imports it.
import { Command } from 'commander';
import { settings } from '../config/settings.ts';
import { commandScope } from './command-scope.ts';
import { groupDescriptions, type GroupName } from './group-descriptions.ts';
import type { CliHost, CommandGroup, CommandScope } from './host.ts';
import { failAndExit } from './output.ts';
import {
  defineAsk,
  defineBackupAndRestore,
  defineGenerate,
  defineImport,
  defineIngest,
  defineStart,
} from './top-level-commands.ts';

/** A top-level command declared at once, or a group defined when it runs; in the order `--help` lists them. */
type Entry = ((program: Command, scope: CommandScope) => void) | CommandGroup;

const group = (name: GroupName, define: CommandGroup['define']): CommandGroup => ({
  name,
  description: groupDescriptions[name],
  define,
});

const operator = () => import('./operator-commands.ts');
const inbox = () => import('./inbox-commands.ts');
const compliance = () => import('./compliance-commands.ts');

function entries(host: CliHost): readonly Entry[] {
  return [
    defineStart,
    defineGenerate,
    defineImport,
    defineIngest,
    group('db', async (db, scope) => (await operator()).defineDbCommands(db, scope)),
    group('keys', async (keys, scope) => (await operator()).defineKeysCommands(keys, scope)),
    group('audit', async (audit, scope) => (await operator()).defineAuditCommands(audit, scope)),
    defineAsk,
    group('privacy', async (privacy, scope) => (await operator()).definePrivacyCommands(privacy, scope)),
    group('models', async (models, scope) =>
      (await import('./models-commands.ts')).defineModelsCommands(models, scope),
    ),
    group('customers', async (customers, scope) =>
      (await operator()).defineCustomersCommands(customers, scope),
    ),
    defineBackupAndRestore,
    group('hub', async (hub, scope) =>
      (await import('./hub-commands.ts')).defineHubCommands(hub, openHub(scope)),
    ),
    group('vaults', async (g, scope) =>
      (await import('./vaults-commands.ts')).defineVaultsCommands(g, openHub(scope)),
    ),
    group('federation', async (g, scope) =>
      (await import('./federation-commands.ts')).defineFederationCommands(
        g,
        openVault(scope, 'curtain federation'),
      ),
    ),
    group('inbox', async (g, scope) =>
      (await inbox()).defineInboxCommands(g, openVault(scope, 'curtain inbox')),
    ),
    group('advisor', async (g, scope) =>
      (await inbox()).defineAdvisorCommands(g, openVault(scope, 'curtain inbox')),
    ),
    ...(host.groups ?? []),
    group('apikey', async (apikey, scope) => (await operator()).defineApiKeyCommands(apikey, scope)),
    group('requests', async (g, scope) =>
      (await compliance()).defineRequestCommands(g, openVault(scope, 'curtain compliance')),
    ),
    group('erasure', async (g, scope) =>
      (await compliance()).defineErasureCommands(g, openVault(scope, 'curtain compliance')),
    ),
    group('retention', async (g, scope) =>
      (await compliance()).defineRetentionCommands(g, openVault(scope, 'curtain compliance')),
    ),
    group('compliance', async (g, scope) =>
      (await compliance()).defineComplianceCommands(g, openVault(scope, 'curtain compliance')),
    ),
  ];
}

/** The hub and the vault it runs on, for one command; the hub commands need the vault to themselves. */
const openHub = (scope: CommandScope) => async () => {
  const vault = await scope.localVault('curtain hub');
  return { hub: await scope.host.openHub(vault), close: () => vault.close() };
};

/** The vault for one command, to itself (no server on the data directory). */
const openVault = (scope: CommandScope, command: string) => async () => {
  const vault = await scope.localVault(command);
  return { vault, close: () => vault.close() };
};

/** The whole `curtain` program, its commands opening what `host` provides. */
export function buildProgram(host: CliHost): Command {
  const program = new Command('curtain')
    .description('Curtain vault: personalisation without knowing who it is for')
    .option('--data-dir <dir>', `${settings.dataDir.help} [${settings.dataDir.env}]`)
    .option('--key-dir <dir>', `${settings.keyDir.help} [${settings.keyDir.env}]`)
    .option('--database-url <url>', `${settings.databaseUrl.help} [${settings.databaseUrl.env}]`)
    .option('--log-level <level>', `${settings.logLevel.help} [${settings.logLevel.env}]`)
    .showHelpAfterError();
  const scope = commandScope(program, host);
  const groups = new Map<Command, CommandGroup>();
  for (const entry of entries(host)) {
    if (typeof entry === 'function') entry(program, scope);
    else groups.set(program.command(entry.name).description(entry.description), entry);
  }
  // A group's sub-commands exist once commander has chosen it, before it parses the rest of the line.
  program.hook('preSubcommand', async (_program, chosen) => {
    await groups.get(chosen)?.define(chosen, scope);
  });
  return program;
}

/** Runs the command line and exits with the code of any error. */
export async function runCli(host: CliHost, argv: readonly string[]): Promise<void> {
  try {
    await buildProgram(host).parseAsync(argv);
  } catch (error) {
    failAndExit(error);
  }
}
