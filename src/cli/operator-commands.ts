// The operator's command groups (db, keys, audit, privacy, customers, apikey): each command's work is imported
// when it runs.
import { Option, type Command } from 'commander';
import { CurtainError } from '../core/errors.ts';
import type { Vault } from '../vault/vault.ts';
import type { CommandScope } from './host.ts';
import { asInt } from './option-values.ts';

const admin = () => import('./admin-commands.ts');
const audit = () => import('./audit-commands.ts');
const db = () => import('./db-commands.ts');
const privacy = () => import('./privacy-commands.ts');

export function defineDbCommands(group: Command, scope: CommandScope): void {
  group
    .command('migrate')
    .description('apply pending migrations')
    .action(async () => (await db()).dbMigrateCommand(await scope.context()));
  group
    .command('status')
    .description('engine, migrations and row counts')
    .action(async () => (await db()).dbStatusCommand(await scope.context()));
}

export function defineKeysCommands(group: Command, scope: CommandScope): void {
  group
    .command('list')
    .description('every key: id, purpose, status, creation date')
    .action(async () => (await admin()).keysListCommand(await scope.context()));
  group
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
      await (await admin()).keysRotateCommand(await scope.context(), options.purpose);
    });
  group
    .command('publish')
    .description('public keys (JWK and PEM) that verify signed log heads and consent receipts')
    .action(async () => (await admin()).keysPublishCommand(await scope.context()));
  group
    .command('destroy-retired')
    .description('destroy retired key-encryption keys no data key depends on')
    .action(async () => (await admin()).keysDestroyRetiredCommand(await scope.context()));
}

export function defineAuditCommands(group: Command, scope: CommandScope): void {
  group
    .command('head')
    .description('the latest signed checkpoint')
    .action(async () => (await audit()).auditHeadCommand(await scope.context()));
  group
    .command('key')
    .description('the log’s active verifier key: what a hub pins with `curtain vaults add --public-key`')
    .action(async () => (await audit()).auditKeyCommand(await scope.context()));
  group
    .command('prove')
    .description('an entry with its inclusion proof against the current head')
    .argument('<entry>', 'entry index', asInt)
    .action(async (index: number) => (await audit()).auditProveCommand(await scope.context(), index));
  group
    .command('export')
    .description('entries as the exact canonical bytes that were hashed, one per line (NDJSON)')
    .option('--from <entry>', 'first entry index', asInt, 0)
    .option('--limit <n>', 'at most this many entries (default: to the head)', asInt)
    .action(async (options: { from: number; limit?: number }) =>
      (await audit()).auditExportCommand(await scope.context(), options.from, options.limit),
    );
  group
    .command('verify')
    .description(
      'recompute the tree from the stored entries; name the first that does not match the signed head',
    )
    .action(async () => (await audit()).auditVerifyCommand(await scope.context()));
  group
    .command('consistency')
    .description('proof that the current tree extends the tree of an earlier size')
    .argument('<old-size>', 'size of the earlier tree', asInt)
    .action(async (oldSize: number) =>
      (await audit()).auditConsistencyCommand(await scope.context(), oldSize),
    );
}

export function definePrivacyCommands(group: Command, scope: CommandScope): void {
  group
    .command('budget')
    .description('what is left of an asker’s budget this period')
    .argument('<asker>')
    .action(async (asker: string) => (await privacy()).budgetCommand(await scope.context(), asker));
  group
    .command('policy')
    .description('the active policy and every proposed version')
    .action(async () => (await privacy()).policyShowCommand(await scope.context()));
  group
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
    .action(async (options: Record<string, string | number | undefined>) => {
      const { by, reason, ...change } = options;
      const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      const { policyProposeCommand } = await privacy();
      await policyProposeCommand(await scope.context(), defined, String(by), String(reason));
    });
  group
    .command('approve')
    .description('approve a proposed policy version (not its proposer)')
    .argument('<version>', 'the proposed version', asInt)
    .requiredOption('--by <name>', 'who approves')
    .action(async (version: number, options: { by: string }) =>
      (await privacy()).policyApproveCommand(await scope.context(), version, options.by),
    );
}

export function defineCustomersCommands(group: Command, scope: CommandScope): void {
  group
    .command('shred')
    .description('crypto-shred customers by external id: destroy their data keys')
    .argument('<external-ids...>')
    .action(async (ids: string[]) => {
      await (await admin()).shredCommand(await scope.context(), ids);
    });
}

export function defineApiKeyCommands(group: Command, scope: CommandScope): void {
  const accessStore = async (vault: Pick<Vault, 'storage'>) => {
    const { AccessStore } = await import('../http/auth/access-store.ts');
    return new AccessStore(vault.storage);
  };
  group
    .command('create')
    .description('create an API key for a staff member: send it as `Authorization: Bearer <key>`')
    .requiredOption('--staff <handle>', 'the staff member (curtain hub staff add)')
    .option('--label <text>', 'what the key is for', '')
    .action(async (options: { staff: string; label: string }) => {
      const vault = await scope.localVault('curtain apikey create');
      try {
        const { id, key } = await (await accessStore(vault)).createApiKey(options.staff, options.label);
        console.log(`key ${id} for ${options.staff} (shown once; only its SHA-256 is kept):`);
        console.log(key);
      } finally {
        await vault.close();
      }
    });
  group
    .command('revoke')
    .description('revoke an API key by its id')
    .argument('<id>')
    .action(async (id: string) => {
      const vault = await scope.localVault('curtain apikey revoke');
      try {
        if (!(await (await accessStore(vault)).revokeApiKey(id))) {
          throw new CurtainError('NOT_FOUND', `no active API key ${id}`);
        }
        console.log(`key ${id} revoked`);
      } finally {
        await vault.close();
      }
    });
}
