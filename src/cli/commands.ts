// The CLI commands: parse arguments, call a service, print. No business logic here.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { CurtainError } from '../core/errors.ts';
import type { StatementFormat } from '../core/transaction.ts';
import type { CliContext } from './host.ts';

import { migrate, migrationStatus } from '../storage/postgres-core/migrations.ts';
import { databaseStatus } from '../http/health-routes.ts';
import { parseCsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import type { CsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import type { IngestSummary } from '../vault/ingest/ingest-service.ts';
import { printIngestSummary } from './output.ts';
import { progressBar } from './progress.ts';
import { callServer, openSession, withVault } from './vault-session.ts';

export const today = () => new Date().toISOString().slice(0, 10);

export async function readMapping(path: string | undefined): Promise<CsvMapping | undefined> {
  if (path === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CurtainError('MAPPING_INVALID', `cannot read mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = parseCsvMapping(json);
  if (!parsed.ok) throw new CurtainError('MAPPING_INVALID', `${path}: ${parsed.error}`);
  return parsed.value;
}

export interface IngestCommandOptions {
  readonly format?: StatementFormat;
  readonly mapping?: string;
  readonly customer?: string;
  readonly currency?: string;
}

export async function ingestCommand(
  cli: CliContext,
  files: readonly string[],
  options: IngestCommandOptions,
) {
  const mapping = await readMapping(options.mapping);
  const session = await openSession(cli, 'curtain ingest', true);
  const summaries: IngestSummary[] = [];
  try {
    for (const file of files) {
      const size = await stat(file).then(
        (info) => info.size,
        (error: NodeJS.ErrnoException) => {
          throw new CurtainError('USAGE', `cannot read ${file}: ${error.code ?? 'error'}`);
        },
      );
      if (session.kind === 'server') {
        const query = new URLSearchParams({ source: basename(file) });
        if (options.format) query.set('format', options.format);
        if (mapping) query.set('mapping', JSON.stringify(mapping));
        if (options.customer) query.set('customer', options.customer);
        if (options.currency) query.set('currency', options.currency);
        console.error(`(through the running server at ${session.url})`);
        const summary = await callServer<IngestSummary>(session, `/v1/ingest?${query.toString()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: Readable.toWeb(createReadStream(file)),
          duplex: 'half',
        });
        summaries.push(summary);
        printIngestSummary(summary);
        continue;
      }
      const { vault } = session;
      let customerId: number | undefined;
      if (options.customer) {
        customerId = await vault.identity.findCustomer('external_id', options.customer);
        if (customerId === undefined)
          throw new CurtainError('CUSTOMER_NOT_FOUND', 'no customer has that external id');
      }
      const bar = progressBar(basename(file), size, 'bytes');
      try {
        const summary = await vault.ingest.ingestStream(createReadStream(file), {
          sourceName: basename(file),
          ...(options.format ? { format: options.format } : {}),
          ...(mapping ? { mapping } : {}),
          ...(customerId !== undefined ? { customerId } : {}),
          ...(options.currency ? { defaultCurrency: options.currency } : {}),
          onProgress: (p) => bar.update(p.bytesRead ?? 0),
        });
        bar.update(size);
        summaries.push(summary);
        bar.stop();
        printIngestSummary(summary);
      } catch (error) {
        bar.stop();
        throw error;
      }
    }
  } finally {
    if (session.kind === 'local') await session.vault.close();
  }
  return summaries;
}

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
