// The CLI commands: parse arguments, call a service, print. No business logic here.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { CurtainError } from '../core/errors.ts';
import type { StatementFormat } from '../core/transaction.ts';
import type { CurtainConfig } from '../config.ts';
import { columnarSnapshotPath, openHub, openHubProcess, type Vault } from '../main.ts';
import { HttpVaultDoor } from '../http/http-vault-door.ts';
import { AccessStore } from '../http/auth/access-store.ts';
import { cliHandle, issueLocalCliKey } from '../http/auth/local-cli-key.ts';
import { migrate, migrationStatus } from '../storage/postgres-core/migrations.ts';
import { databaseStatus } from '../http/health-routes.ts';
import { buildServer } from '../http/server.ts';
import { parseCsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import type { CsvMapping } from '../vault/ingest/formats/csv-mapping.ts';
import type { IngestSummary } from '../vault/ingest/ingest-service.ts';
import { loadDemoBank } from '../vault/demo-bank/load-demo-bank.ts';
import { seedDemoHub } from '../hub/demo-hub.ts';
import { startScheduler } from '../scheduler.ts';
import { printIngestSummary } from './output.ts';
import { progressBar } from './progress.ts';
import { busyError, callServer, openSession, withVault } from './vault-session.ts';

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
  config: CurtainConfig,
  files: readonly string[],
  options: IngestCommandOptions,
) {
  const mapping = await readMapping(options.mapping);
  const session = await openSession(config, 'curtain ingest', true);
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

export interface GenerateCommandOptions {
  readonly customers: number;
  readonly seed: number;
  readonly end: string;
  readonly truth?: string;
}

export async function generateInto(vault: Vault, options: GenerateCommandOptions) {
  const bar = progressBar('generating', options.customers, 'customers');
  try {
    const report = await loadDemoBank(vault, {
      customers: options.customers,
      seed: options.seed,
      end: options.end,
      groundTruthFile: options.truth ?? join(vault.config.dataDir, `ground-truth-seed-${options.seed}.jsonl`),
      onProgress: (done, transactions) => bar.update(done, { extra: `, ${transactions} transactions` }),
    });
    await seedDemoHub(openHub(vault));
    return report;
  } finally {
    bar.stop();
  }
}

export async function generateCommand(config: CurtainConfig, options: GenerateCommandOptions) {
  return withVault(config, 'curtain generate', async (vault) => {
    const report = await generateInto(vault, options);
    console.log(
      `generated ${report.customers} customers, ${report.accounts} accounts, ` +
        `${report.ingest?.stored ?? 0} transactions (seed ${options.seed}, history to ${options.end})`,
    );
    return report;
  });
}

export async function dbStatusCommand(config: CurtainConfig) {
  const session = await openSession(config, 'curtain db status', true);
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

export async function dbMigrateCommand(config: CurtainConfig) {
  // openVault migrates; report what the ledger says afterwards.
  await withVault(config, 'curtain db migrate', async (vault) => {
    const outcome = await migrate(vault.storage);
    if (!outcome.ok) throw new CurtainError('MIGRATION_FAILED', outcome.reason);
    console.log(`schema at version ${outcome.version}`);
  });
}

export type ServerRole = 'all' | 'vault' | 'hub';

export async function startCommand(
  config: CurtainConfig,
  options: { readonly end: string; readonly role?: ServerRole },
) {
  const role = options.role ?? 'all';
  if (role === 'hub') return startHub(config);
  if (role === 'vault' && config.doorKey === undefined) {
    throw new CurtainError('CONFIG_INVALID', '--role vault needs CURTAIN_DOOR_KEY, which the hub presents');
  }
  const session = await openSession(config, 'curtain start', false);
  if (session.kind !== 'local') throw new CurtainError('DATA_DIR_BUSY', 'the data directory is in use');
  const { vault } = session;
  const { customers } = await databaseStatus(vault);
  if (customers === 0 && config.demoCustomers > 0) {
    console.log(
      `first start: generating a demo bank of ${config.demoCustomers} customers (seed ${config.demoSeed})…`,
    );
    const report = await generateInto(vault, {
      customers: config.demoCustomers,
      seed: config.demoSeed,
      end: options.end,
    });
    console.log(`demo bank ready: ${report.customers} customers, ${report.ingest?.stored ?? 0} transactions`);
  }
  const hub = openHub(vault);
  const app = await buildServer(
    role === 'all' ? { vault, hub: { service: hub, door: vault.door, storage: vault.storage } } : { vault },
    {
      logLevel: config.logLevel,
      doorKey: config.doorKey,
      demo: config.demoCustomers > 0,
      rateLimitPerMinute: config.rateLimit || false,
    },
  );
  await hub.addStaff(cliHandle, ['operator']);
  await issueLocalCliKey(new AccessStore(vault.storage), config.dataDir);
  const address = await app.listen({ host: config.host, port: config.port });
  await vault.lock?.announce(address);
  const snapshot = columnarSnapshotPath(config);
  // Questions go to the SQL engine until the columnar store is in memory; then to it.
  const columnar = vault.questionEngine
    .loadColumnar({ snapshotPath: snapshot })
    .then(async (report) => {
      app.log.info(
        { ...report, bytesPerTransaction: Math.round(report.bytesPerTransaction * 10) / 10 },
        `columnar engine ready from the ${report.source}`,
      );
      if (report.source === 'database') await vault.questionEngine.saveSnapshot(snapshot);
    })
    .catch((error: unknown) =>
      app.log.error({ err: error }, 'columnar engine not loaded; questions use SQL'),
    );
  // Split, the hub process runs campaigns; the vault still sends the notices quiet hours held back.
  const scheduler =
    role === 'all'
      ? await startScheduler(hub, vault.delivery, app.log, 60_000, vault.compliance.retention)
      : noticeScheduler(vault.delivery, app.log);
  const stop = async () => {
    await scheduler.stop();
    await app.close();
    await columnar;
    await vault.questionEngine.saveSnapshot(snapshot).catch(() => false);
    await vault.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`Curtain ${role === 'all' ? 'vault and hub' : 'vault'} on ${vault.storage.description}`);
  console.log(`API docs: ${address}/docs  (OpenAPI: ${address}/openapi.json)`);
  if (config.demoCustomers > 0) {
    console.log(`DEMO ONLY: sign in without a credential through ${address}/v1/auth/demo (a demo bank only)`);
  }
  console.log(`Open the console: ${address}/`);
  console.log(`Health: ${address}/health  (status: ${address}/v1/db/status, metrics: ${address}/metrics)`);
  console.log(
    `Ask: curtain ask 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")'`,
  );
  return { app, address, vault, columnar, scheduler };
}

/** The vault's part of the scheduler when the hub runs elsewhere: notices that quiet hours held back. */
function noticeScheduler(
  delivery: Vault['delivery'],
  log: { error(details: object, message: string): void },
) {
  const timer = setInterval(() => {
    delivery.sendDueNotices().catch((error: unknown) => log.error({ err: error }, 'due notices failed'));
  }, 60_000);
  timer.unref();
  return { stop: () => Promise.resolve(clearInterval(timer)) };
}

/** `curtain start --role hub`: the hub's API on its own database, reaching the vault over HTTP. */
async function startHub(config: CurtainConfig) {
  if (config.vaultUrl === undefined || config.doorKey === undefined) {
    throw new CurtainError('CONFIG_INVALID', '--role hub needs CURTAIN_VAULT_URL and CURTAIN_DOOR_KEY');
  }
  const door = new HttpVaultDoor({ url: config.vaultUrl, key: config.doorKey });
  const opened = await openHubProcess(config, door);
  if (!('hub' in opened)) throw busyError(opened);
  const { hub, storage } = opened;
  const app = await buildServer(
    { hub: { service: hub, door, storage, vaultReachable: () => door.reachable() } },
    {
      logLevel: config.logLevel,
      demo: config.demoCustomers > 0,
      rateLimitPerMinute: config.rateLimit || false,
    },
  );
  if (config.demoCustomers > 0) await seedDemoHub(hub);
  const address = await app.listen({ host: config.host, port: config.port });
  const scheduler = await startScheduler(hub, { sendDueNotices: () => Promise.resolve(noNotices) }, app.log);
  const stop = async () => {
    await scheduler.stop();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`Curtain hub on ${storage.description}, vault at ${config.vaultUrl}`);
  console.log(`Open ${address}/health  (API docs: ${address}/docs)`);
  return { app, address, scheduler };
}

const noNotices = { sent: 0, retrying: 0, failed: 0, failures: new Map<string, number>() };
