// `curtain db …`: the schema's migrations and the database's status (through the running server when one holds it).
import { CurtainError } from '../core/errors.ts';
import { databaseStatus } from '../http/health-routes.ts';
import { migrate, migrationStatus } from '../storage/postgres-core/migrations.ts';
import type { CliContext } from './host.ts';
import { callServer, openSession, withVault } from './vault-session.ts';

export async function dbStatusCommand(cli: CliContext) {
  const session = await openSession(cli, 'curtain db status', true);
  if (session.kind === 'server') {
    const status = await callServer<Record<string, unknown>>(session, '/v1/db/status');
    console.log(JSON.stringify(status, null, 2));
    return;
  }
  try {
    const status = await databaseStatus(session.vault);
    const migrations = await migrationStatus(session.vault.storage);
    console.log(`engine: ${status.engine}`);
    for (const m of migrations) {
      console.log(
        `migration ${m.version} ${m.name}: ${m.appliedAt ? `applied ${m.appliedAt.toISOString()}` : 'pending'}`,
      );
    }
    console.log(
      `customers ${status.customers}, accounts ${status.accounts}, transactions ${status.transactions}, ` +
        `quarantined rows ${status.quarantined}`,
    );
  } finally {
    await session.vault.close();
  }
}

export async function dbMigrateCommand(cli: CliContext) {
  // openVault migrates; report what the ledger says afterwards.
  await withVault(cli, 'curtain db migrate', async (vault) => {
    const outcome = await migrate(vault.storage);
    if (!outcome.ok) throw new CurtainError('MIGRATION_FAILED', outcome.reason);
    console.log(`schema at version ${outcome.version}`);
  });
}
