// The `curtain` command line: global options, one sub-command per job, exit code from the error code.
// The host (src/app/) supplies what the commands open; this module never imports it.
import { Command, Option } from 'commander';
import { loadConfig, settings, type ConfigOverrides } from '../config/config.ts';
import type { StatementFormat } from '../core/transaction.ts';
import {
  backupCommand,
  keysDestroyRetiredCommand,
  keysListCommand,
  keysPublishCommand,
  keysRotateCommand,
  restoreCommand,
  shredCommand,
} from './admin-commands.ts';
import { dbMigrateCommand, dbStatusCommand, ingestCommand, today } from './commands.ts';
import type { CliContext, CliHost, ServerRole } from './host.ts';
import { AccessStore } from '../http/auth/access-store.ts';
import { failAndExit } from './output.ts';
import { registerHubCommands } from './hub-commands.ts';
import { registerInboxCommands } from './inbox-commands.ts';
import { registerComplianceCommands } from './compliance-commands.ts';
import { openSession } from './vault-session.ts';
import { CurtainError } from '../core/errors.ts';
import {
  askCommand,
  budgetCommand,
  policyApproveCommand,
  policyProposeCommand,
  policyShowCommand,
} from './question-commands.ts';
import {
  auditConsistencyCommand,
  auditHeadCommand,
  auditProveCommand,
  auditVerifyCommand,
} from './audit-commands.ts';

/** The whole `curtain` program, its commands opening what `host` provides. */
export function buildProgram(host: CliHost): Command {
  const program = new Command('curtain')
    .description('Curtain vault: personalisation without knowing who it is for')
    .option('--data-dir <dir>', `${settings.dataDir.help} [${settings.dataDir.env}]`)
    .option('--key-dir <dir>', `${settings.keyDir.help} [${settings.keyDir.env}]`)
    .option('--database-url <url>', `${settings.databaseUrl.help} [${settings.databaseUrl.env}]`)
    .option('--log-level <level>', `${settings.logLevel.help} [${settings.logLevel.env}]`)
    .showHelpAfterError();

  function context(extra: ConfigOverrides = {}): CliContext {
    const globals = program.opts<{
      dataDir?: string;
      keyDir?: string;
      databaseUrl?: string;
      logLevel?: string;
    }>();
    const config = loadConfig({
      dataDir: globals.dataDir,
      keyDir: globals.keyDir,
      databaseUrl: globals.databaseUrl,
      logLevel: globals.logLevel,
      ...extra,
    });
    return { config, host };
  }

  const asInt = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new Error(`not an integer: ${value}`);
    return n;
  };

  program
    .command('start')
    .description('migrate, generate a demo bank on first start, and serve the HTTP API')
    .option('--port <port>', `${settings.port.help} [${settings.port.env}]`)
    .option('--host <host>', `${settings.host.help} [${settings.host.env}]`)
    .option('--demo-customers <n>', `${settings.demoCustomers.help} [${settings.demoCustomers.env}]`)
    .option('--demo-seed <n>', `${settings.demoSeed.help} [${settings.demoSeed.env}]`)
    .option('--end <date>', 'last day of the demo history', today())
    .addOption(
      new Option(
        '--role <role>',
        'serve the vault, the hub, or both (split: CURTAIN_DOOR_KEY, CURTAIN_VAULT_URL)',
      )
        .choices(['all', 'vault', 'hub'])
        .default('all'),
    )
    .action(
      async (options: {
        role: ServerRole;
        port?: string;
        host?: string;
        demoCustomers?: string;
        demoSeed?: string;
        end: string;
      }) => {
        await host.start(
          context({
            port: options.port,
            host: options.host,
            demoCustomers: options.demoCustomers,
            demoSeed: options.demoSeed,
          }).config,
          { end: options.end, role: options.role },
        );
      },
    );

  program
    .command('generate')
    .description('generate a deterministic demo bank into the vault (ground truth to a separate file)')
    .requiredOption('--customers <n>', 'number of customers', asInt)
    .option('--seed <n>', 'seed', asInt, 1)
    .option('--end <date>', 'last day of the two-year history', today())
    .option('--truth <file>', 'where to write the ground truth (JSONL); default in the data directory')
    .action(async (options: { customers: number; seed: number; end: string; truth?: string }) => {
      await host.generate(context().config, options);
    });

  program
    .command('ingest')
    .description('load statement files: CSV (with --mapping), camt.053, OFX, FDX JSON')
    .argument('<files...>')
    .addOption(new Option('--format <format>', 'skip detection').choices(['csv', 'camt053', 'ofx', 'fdx']))
    .option('--mapping <file>', 'CSV column mapping (JSON), see docs/ingest.md')
    .option('--customer <external-id>', 'link accounts new to the vault to this customer')
    .option('--currency <code>', 'currency when the file has none')
    .action(
      async (
        files: string[],
        options: { format?: StatementFormat; mapping?: string; customer?: string; currency?: string },
      ) => {
        await ingestCommand(context(), files, options);
      },
    );

  const db = program.command('db').description('the database schema');
  db.command('migrate')
    .description('apply pending migrations')
    .action(() => dbMigrateCommand(context()));
  db.command('status')
    .description('engine, migrations and row counts')
    .action(() => dbStatusCommand(context()));

  const keys = program.command('keys').description('key inventory and rotation');
  keys
    .command('list')
    .description('every key: id, purpose, status, creation date')
    .action(() => keysListCommand(context()));
  keys
    .command('rotate')
    .description(
      'rotate a key: kek (re-wraps every data key, no data touched), log-signing or receipt-signing',
    )
    .addOption(
      new Option('--purpose <purpose>', 'which key')
        .choices(['kek', 'log-signing', 'receipt-signing'])
        .default('kek'),
    )
    .action(async (options: { purpose: 'kek' | 'log-signing' | 'receipt-signing' }) => {
      await keysRotateCommand(context(), options.purpose);
    });
  keys
    .command('publish')
    .description('public keys (JWK and PEM) that verify signed log heads and consent receipts')
    .action(() => keysPublishCommand(context()));
  keys
    .command('destroy-retired')
    .description('destroy retired key-encryption keys no data key depends on')
    .action(() => keysDestroyRetiredCommand(context()));

  const audit = program.command('audit').description('the transparency log');
  audit
    .command('head')
    .description('the latest signed checkpoint')
    .action(() => auditHeadCommand(context()));
  audit
    .command('prove')
    .description('an entry with its inclusion proof against the current head')
    .argument('<entry>', 'entry index', asInt)
    .action((index: number) => auditProveCommand(context(), index));
  audit
    .command('verify')
    .description(
      'recompute the tree from the stored entries; name the first that does not match the signed head',
    )
    .action(() => auditVerifyCommand(context()));
  audit
    .command('consistency')
    .description('proof that the current tree extends the tree of an earlier size')
    .argument('<old-size>', 'size of the earlier tree', asInt)
    .action((oldSize: number) => auditConsistencyCommand(context(), oldSize));

  program
    .command('ask')
    .description('ask a question of the vault: a protected count, the ε spent and left, or the refusal')
    .argument('<expression>', 'a segment expression (docs/segment-language.md)')
    .option(
      '--purpose <purpose>',
      'why it is asked: bank_offers, credit_offers, partner_offers, …',
      'bank_offers',
    )
    .option('--as <asker>', 'who asks (charged for it)', process.env['USER'] ?? 'operator')
    .option('--json', 'print the answer as JSON')
    .action((expression: string, options: { purpose: string; as: string; json?: boolean }) =>
      askCommand(context(), expression, options),
    );

  const privacy = program.command('privacy').description('the privacy guard: policy and budgets');
  privacy
    .command('budget')
    .description('what is left of an asker’s budget this period')
    .argument('<asker>')
    .action((asker: string) => budgetCommand(context(), asker));
  privacy
    .command('policy')
    .description('the active policy and every proposed version')
    .action(() => policyShowCommand(context()));
  privacy
    .command('propose')
    .description('propose a policy change; another person must approve it')
    .requiredOption('--by <name>', 'who proposes')
    .requiredOption('--reason <text>', 'why')
    .option('--k <n>', 'suppression threshold and differencing distance', asInt)
    .option('--count-epsilon <rational>', 'ε of the noised count, e.g. 1/4')
    .option('--threshold-epsilon <rational>', 'ε of the noised threshold')
    .option('--differencing-epsilon <rational>', 'ε of the differencing check')
    .option('--asker-budget <rational>', 'each asker’s ε per period')
    .option('--vault-budget <rational>', 'all askers’ ε per period')
    .addOption(new Option('--period <period>', 'budget period').choices(['day', 'week', 'month']))
    .option('--max-attributes <n>', 'attributes one question may combine', asInt)
    .action((options: Record<string, string | number | undefined>) => {
      const { by, reason, ...change } = options;
      const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      return policyProposeCommand(context(), defined, String(by), String(reason));
    });
  privacy
    .command('approve')
    .description('approve a proposed policy version (not its proposer)')
    .argument('<version>', 'the proposed version', asInt)
    .requiredOption('--by <name>', 'who approves')
    .action((version: number, options: { by: string }) =>
      policyApproveCommand(context(), version, options.by),
    );

  const customers = program.command('customers').description('customer identities');
  customers
    .command('shred')
    .description('crypto-shred customers by external id: destroy their data keys')
    .argument('<external-ids...>')
    .action(async (ids: string[]) => {
      await shredCommand(context(), ids);
    });

  program
    .command('backup')
    .description('back up the database (PGlite: tar.gz of the data directory; PostgreSQL: pg_dump)')
    .argument('<file>')
    .action((file: string) => backupCommand(context(), file));
  program
    .command('restore')
    .description('restore a backup, then re-apply every erasure made since')
    .argument('<file>')
    .action((file: string) => restoreCommand(context(), file));

  /** The vault for one command; the hub and inbox commands need it to themselves (no server on the data directory). */
  async function localVault(command: string) {
    const session = await openSession(context(), command, false);
    if (session.kind !== 'local') throw new CurtainError('DATA_DIR_BUSY', 'the data directory is in use');
    return session.vault;
  }

  registerHubCommands(program, async () => {
    const vault = await localVault('curtain hub');
    return { hub: host.openHub(vault), close: () => vault.close() };
  });

  registerInboxCommands(program, async () => {
    const vault = await localVault('curtain inbox');
    return { vault, close: () => vault.close() };
  });

  host.registerMore?.(program, localVault);

  const apikey = program.command('apikey').description('API keys of hub staff (stored hashed; shown once)');
  apikey
    .command('create')
    .description('create an API key for a staff member: send it as `Authorization: Bearer <key>`')
    .requiredOption('--staff <handle>', 'the staff member (curtain hub staff add)')
    .option('--label <text>', 'what the key is for', '')
    .action(async (options: { staff: string; label: string }) => {
      const vault = await localVault('curtain apikey create');
      try {
        const { id, key } = await new AccessStore(vault.storage).createApiKey(options.staff, options.label);
        console.log(`key ${id} for ${options.staff} (shown once; only its SHA-256 is kept):`);
        console.log(key);
      } finally {
        await vault.close();
      }
    });
  apikey
    .command('revoke')
    .description('revoke an API key by its id')
    .argument('<id>')
    .action(async (id: string) => {
      const vault = await localVault('curtain apikey revoke');
      try {
        if (!(await new AccessStore(vault.storage).revokeApiKey(id))) {
          throw new CurtainError('NOT_FOUND', `no active API key ${id}`);
        }
        console.log(`key ${id} revoked`);
      } finally {
        await vault.close();
      }
    });

  registerComplianceCommands(program, async () => {
    const vault = await localVault('curtain compliance');
    return { vault, close: () => vault.close() };
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
