// The platform's processes: `curtain start` (vault and hub, or either alone) and the demo bank's generation.
import { join } from 'node:path';
import type { CurtainConfig } from '../config/config.ts';
import { columnarSnapshotPath } from '../config/paths.ts';
import { CurtainError } from '../core/errors.ts';
import type { CliContext, GenerateOptions, StartOptions } from '../cli/host.ts';
import { progressBar } from '../cli/progress.ts';
import { busyError, openSession, withVault } from '../cli/vault-session.ts';
import { seedDemoHub } from '../demo/demo-hub.ts';
import { demoSignIn } from '../demo/demo-sign-in.ts';
import { loadDemoBank } from '../demo/load-demo-bank.ts';
import { AccessStore } from '../http/auth/access-store.ts';
import { cliHandle, issueLocalCliKey } from '../http/auth/local-cli-key.ts';
import { databaseStatus } from '../http/health-routes.ts';
import { HttpVaultDoor } from '../http/http-vault-door.ts';
import { buildServer } from '../http/server.ts';
import type { Vault, VaultServices } from '../vault/vault.ts';
import { declareRealVault, vaultKind } from '../vault/vault-kind.ts';
import { openHub, openHubProcess } from './hub-process.ts';
import type { HubService } from '../hub/hub-service.ts';
import { doorTimeouts, regionalDoors } from './regional-doors.ts';
import { dailyInsights, startScheduler, type SchedulerLog } from './scheduler.ts';

export async function generateInto(config: CurtainConfig, vault: VaultServices, options: GenerateOptions) {
  const bar = progressBar('generating', options.customers, 'customers');
  try {
    const report = await loadDemoBank(vault, {
      customers: options.customers,
      seed: options.seed,
      end: options.end,
      ...(options.density === undefined ? {} : { density: options.density }),
      groundTruthFile: options.truth ?? join(config.dataDir, `ground-truth-seed-${options.seed}.jsonl`),
      onProgress: (done, transactions) => bar.update(done, { extra: `, ${transactions} transactions` }),
    });
    await seedDemoHub(openHub(vault));
    return report;
  } finally {
    bar.stop();
  }
}

export async function generateCommand(cli: CliContext, options: GenerateOptions) {
  return withVault(cli, 'curtain generate', async (vault) => {
    const report = await generateInto(cli.config, vault, options);
    console.log(
      `generated ${report.customers} customers, ${report.accounts} accounts, ` +
        `${report.ingest?.stored ?? 0} transactions (seed ${options.seed}, history to ${options.end})`,
    );
    return report;
  });
}

export async function startCommand(cli: CliContext, options: StartOptions) {
  const { config } = cli;
  const role = options.role ?? 'all';
  if (role === 'hub') return startHub(config);
  if (role === 'vault' && config.doorKey === undefined) {
    throw new CurtainError('CONFIG_INVALID', '--role vault needs CURTAIN_DOOR_KEY, which the hub presents');
  }
  const session = await openSession(cli, 'curtain start', false);
  if (session.kind !== 'local') throw new CurtainError('DATA_DIR_BUSY', 'the data directory is in use');
  const { vault } = session;
  await decideVaultKind(config, vault, options);
  const kind = await vaultKind(vault.storage);
  const hub = openHub(vault, undefined, regionalDoors(config));
  const app = await buildServer(
    role === 'all' ? { vault, hub: { service: hub, door: vault.door, storage: vault.storage } } : { vault },
    {
      logLevel: config.logLevel,
      doorKey: config.doorKey,
      demo: demoSignIn(true, vault.door, vault),
      rateLimitPerMinute: config.rateLimit || false,
    },
  );
  await hub.addStaff(cliHandle, ['operator']);
  if (role === 'all') await abortInterruptedRounds(hub);
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
      ? await startScheduler(
          hub,
          vault.delivery,
          app.log,
          60_000,
          dailyRetention(vault),
          dailyInsights(vault.insights, app.log),
        )
      : noticeScheduler(vault, app.log);
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
  if (kind === 'demo') {
    console.log(`DEMO ONLY: sign in without a credential through ${address}/v1/auth/demo (a demo bank only)`);
  }
  console.log(`Open the console: ${address}/`);
  console.log(`Health: ${address}/health  (status: ${address}/v1/db/status, metrics: ${address}/metrics)`);
  console.log(
    `Ask: curtain ask 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")' --as <staff handle>`,
  );
  return { app, address, vault, columnar, scheduler };
}

/**
 * Decided once, at a vault's first start: an empty vault becomes a demo bank when demo customers are wanted
 * (the default), else a real vault. A vault already decided stays what it is, whatever the settings say.
 */
export async function decideVaultKind(
  config: CurtainConfig,
  vault: VaultServices,
  options: Pick<StartOptions, 'end'>,
) {
  const kind = await vaultKind(vault.storage);
  if (kind === 'real') return;
  const { customers } = await databaseStatus(vault);
  if (kind === 'demo' && (customers > 0 || config.demoCustomers <= 0)) return;
  if (kind === 'undecided' && (customers > 0 || config.demoCustomers <= 0)) {
    await declareRealVault(vault.storage, 'first start without a demo bank');
    return;
  }
  console.log(
    `first start: generating a demo bank of ${config.demoCustomers} customers (seed ${config.demoSeed})…`,
  );
  const report = await generateInto(config, vault, {
    customers: config.demoCustomers,
    seed: config.demoSeed,
    end: options.end,
  });
  console.log(`demo bank ready: ${report.customers} customers, ${report.ingest?.stored ?? 0} transactions`);
}

/** The vault's part of the scheduler when the hub runs elsewhere: notices that quiet hours held back. */
/** Once a day: the retention policies, then former customers past the anti-money-laundering period. */
function dailyRetention(vault: Vault) {
  return {
    async runIfDue() {
      const report = await vault.compliance.retention.runIfDue();
      if (report !== undefined) await vault.relationshipRetention.eraseLapsed();
      return report;
    },
  };
}

function noticeScheduler(vault: Vault, log: SchedulerLog) {
  const insights = dailyInsights(vault.insights, log);
  const timer = setInterval(() => {
    vault.delivery
      .sendDueNotices()
      .catch((error: unknown) => log.error({ err: error }, 'due notices failed'));
    void insights();
  }, 60_000);
  timer.unref();
  return { stop: () => Promise.resolve(clearInterval(timer)) };
}

/** Rounds a previous hub process left running cannot go on: abort them (this process holds the database). */
async function abortInterruptedRounds(hub: HubService): Promise<void> {
  const aborted = await hub.abortInterruptedRounds();
  if (aborted.length > 0) {
    console.log(`Aborted ${aborted.length} federated round(s) a previous hub process left running`);
  }
}

/** `curtain start --role hub`: the hub's API on its own database, reaching the vault over HTTP. */
async function startHub(config: CurtainConfig) {
  if (config.vaultUrl === undefined || config.doorKey === undefined) {
    throw new CurtainError('CONFIG_INVALID', '--role hub needs CURTAIN_VAULT_URL and CURTAIN_DOOR_KEY');
  }
  const door = new HttpVaultDoor({
    url: config.vaultUrl,
    key: config.doorKey,
    ...doorTimeouts(config.doorTimeoutMs),
  });
  const opened = await openHubProcess(config, door);
  if (!('hub' in opened)) throw busyError(opened);
  const { hub, storage } = opened;
  await abortInterruptedRounds(hub);
  const app = await buildServer(
    { hub: { service: hub, door, storage, vaultReachable: () => door.reachable() } },
    {
      logLevel: config.logLevel,
      demo: demoSignIn(true, door, undefined, hub),
      rateLimitPerMinute: config.rateLimit || false,
    },
  );
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
