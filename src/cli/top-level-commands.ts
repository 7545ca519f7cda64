// The commands without sub-commands: declared up front for `curtain --help`, their work imported when they run.
import { Argument, Option, type Command } from 'commander';
import { settings } from '../config/settings.ts';
import type { StatementFormat } from '../core/transaction.ts';
import type { CommandScope, GenerateOptions, ServerRole } from './host.ts';
import { asDensity, asInt, today } from './option-values.ts';

const flag = (name: keyof typeof settings) => `${settings[name].help} [${settings[name].env}]`;

export function defineStart(program: Command, scope: CommandScope): void {
  program
    .command('start')
    .description('migrate, generate a demo bank on first start, and serve the HTTP API')
    .option('--port <port>', flag('port'))
    .option('--host <host>', flag('host'))
    .option('--demo-customers <n>', flag('demoCustomers'))
    .option('--demo-seed <n>', flag('demoSeed'))
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
        const cli = await scope.context({
          port: options.port,
          host: options.host,
          demoCustomers: options.demoCustomers,
          demoSeed: options.demoSeed,
        });
        await scope.host.start(cli, { end: options.end, role: options.role });
      },
    );
}

export function defineGenerate(program: Command, scope: CommandScope): void {
  program
    .command('generate')
    .description('generate a deterministic demo bank into the vault (ground truth to a separate file)')
    .requiredOption('--customers <n>', 'number of customers', asInt)
    .option('--seed <n>', 'seed', asInt, 1)
    .option('--end <date>', 'last day of the two-year history', today())
    .option('--truth <file>', 'where to write the ground truth (JSONL); default in the data directory')
    .option(
      '--density <density>',
      'transactions per customer: real (about 58 a month), thin (about 4), or card payments a month',
      asDensity,
      'real',
    )
    .action(async (options: GenerateOptions) => {
      await scope.host.generate(await scope.context(), options);
    });
}

export function defineIngest(program: Command, scope: CommandScope): void {
  program
    .command('ingest')
    .description('load statement files: CSV (with --mapping), camt.053, OFX, FDX JSON')
    .argument('<files...>')
    .addOption(new Option('--format <format>', 'skip detection').choices(['csv', 'camt053', 'ofx', 'fdx']))
    .option('--mapping <file>', 'CSV column mapping (JSON), see docs/ingest.md')
    .option('--customer <external-id>', 'link accounts new to the vault to this customer')
    .option('--currency <code>', 'currency when the file has none')
    .option('--resume <batch>', 'take up an interrupted batch again with the same file', asInt)
    .action(
      async (
        files: string[],
        options: {
          format?: StatementFormat;
          mapping?: string;
          customer?: string;
          currency?: string;
          resume?: number;
        },
      ) => {
        const { ingestCommand } = await import('./ingest-command.ts');
        await ingestCommand(await scope.context(), files, options);
      },
    );
}

export function defineImport(program: Command, scope: CommandScope): void {
  program
    .command('import')
    .description(
      'load customers, accounts with owners, products held or consents from a system-of-record export ' +
        '(CSV with --mapping, or FDX NDJSON); re-runs and delta files apply idempotently',
    )
    .addArgument(
      new Argument('<kind>', 'what the file holds').choices([
        'customers',
        'accounts',
        'products',
        'consents',
        'fdx',
      ]),
    )
    .argument('<file>')
    .option('--mapping <file>', 'CSV column mapping (JSON), see docs/onboarding.md')
    .option('--resume <batch>', 'take up an interrupted import batch again with the same file', asInt)
    .action(
      async (
        kind: 'customers' | 'accounts' | 'products' | 'consents' | 'fdx',
        file: string,
        options: { mapping?: string; resume?: number },
      ) => {
        const { importCommand } = await import('./import-command.ts');
        await importCommand(await scope.context(), kind, file, options);
      },
    );
}

export function defineAsk(program: Command, scope: CommandScope): void {
  program
    .command('ask')
    .description('ask a question of the vault: a protected count, the ε spent and left, or the refusal')
    .argument('<expression>', 'a segment expression (docs/segment-language.md)')
    .option(
      '--purpose <purpose>',
      'why it is asked: bank_offers, credit_offers, partner_offers, …',
      'bank_offers',
    )
    .option(
      '--as <handle>',
      'the staff member the CLI acts as, charged for it (needs the role marketer, partner or operator) [CURTAIN_STAFF]',
      process.env['CURTAIN_STAFF'],
    )
    .option('--json', 'print the answer as JSON')
    .action(async (expression: string, options: { purpose: string; as?: string; json?: boolean }) => {
      const { askCommand } = await import('./ask-command.ts');
      await askCommand(scope, expression, options);
    });
}

export function defineBackupAndRestore(program: Command, scope: CommandScope): void {
  program
    .command('backup')
    .description('back up the database (PGlite: tar.gz of the data directory; PostgreSQL: pg_dump)')
    .argument('<file>')
    .action(async (file: string) => {
      const { backupCommand } = await import('./admin-commands.ts');
      await backupCommand(await scope.context(), file);
    });
  program
    .command('restore')
    .description('restore a backup, then re-apply every erasure made since')
    .argument('<file>')
    .action(async (file: string) => {
      const { restoreCommand } = await import('./admin-commands.ts');
      await restoreCommand(await scope.context(), file);
    });
}
