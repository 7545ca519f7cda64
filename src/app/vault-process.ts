// Composition root: the one place that picks PGlite or PostgreSQL and wires the vault's services.
import { approvedModels, readModelVersion } from '../models/model-store.ts';
import { ModelRegistry } from '../models/registry/registry-service.ts';
import { forgetStoredScores } from '../vault/questions/stored-scores-store.ts';
import { forgetInsights } from '../vault/insights/insights-store.ts';
import { InsightsService } from '../vault/insights/insights-service.ts';
import { TransactionRetention } from '../vault/compliance/transaction-retention.ts';
import type { Categoriser } from '../core/categorize.ts';
import { loadCategoriser } from '../vault/ingest/category-rule-loader.ts';
import { ImportService } from '../vault/import/import-service.ts';
import { RelationshipRetention } from '../vault/import/relationship-retention.ts';
import { markImportBatchesInterrupted } from '../vault/import/import-store.ts';
import { CurtainError } from '../core/errors.ts';
import type { RoundDoor } from '../core/vault-door.ts';
import type { CurtainConfig } from '../config/config.ts';
import type { Storage } from '../storage/ports.ts';
import { openPgliteStorage } from '../storage/pglite/pglite-storage.ts';
import { openPostgresStorage } from '../storage/postgres/postgres-storage.ts';
import { migrate } from '../storage/postgres-core/migrations.ts';
import { lockDataDir, type DataDirLock, type LockOwner } from '../storage/data-dir-lock.ts';
import { LocalKeyFile } from '../keys/local-key-file.ts';
import { EdgeService } from '../vault/edge/edge-service.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import { IdentityStore } from '../vault/identity/identity-store.ts';
import { PushDevices } from '../vault/identity/push-devices.ts';
import { AccountDirectory } from '../vault/accounts/account-directory.ts';
import { IngestService } from '../vault/ingest/ingest-service.ts';
import { TransparencyLog } from '../audit/audit-log.ts';
import { BudgetRequests } from '../privacy/guard/budget-requests.ts';
import { ConsentLedger, type ConsentLedgerOptions } from '../vault/consent/consent-ledger.ts';
import { PreferenceStore } from '../vault/consent/preference-store.ts';
import type { ReceiptSettings } from '../vault/consent/receipts.ts';
import { PolicyStore } from '../privacy/guard/policy-store.ts';
import { LedgerGuard } from '../privacy/guard/ledger-guard.ts';
import { discreteLaplaceNoise, type NoiseSampler } from '../privacy/guard/noise.ts';
import { QuestionService, vaultAudience } from '../vault/questions/question-service.ts';
import { VaultQuestionEngine } from '../vault/questions/vault-engine.ts';
import { AvatarService } from '../vault/avatars/avatar-service.ts';
import { cryptoRandomSource, type RandomSource } from '../privacy/dp/random-source.ts';
import { DeliveryService, type DeliveryServiceOptions } from '../vault/delivery/delivery-service.ts';
import { InboxService } from '../vault/delivery/inbox-service.ts';
import type { NoticeAdapters } from '../vault/delivery/notice-sender.ts';
import { faultFromEnvironment, type FaultHook } from '../vault/delivery/faults.ts';
import { EmailChannel } from '../vault/delivery/channels/email-channel.ts';
import { WebhookChannel } from '../vault/delivery/channels/webhook-channel.ts';
import { PushChannel } from '../vault/delivery/channels/push-channel.ts';
import { ResponseService } from '../vault/responses/response-service.ts';
import { AdvisorQueue } from '../vault/responses/advisor-queue.ts';
import { AdvisorLeads } from '../vault/responses/my-leads.ts';
import { activeVerifierKey, proveIdentity } from '../audit/door-identity.ts';
import { InProcessVaultDoor } from '../vault/door/in-process-door.ts';
import { PeerPins } from '../federated/peer-pin-store.ts';
import { VaultRounds } from '../federated/vault-rounds.ts';
import { vaultKind } from '../vault/vault-kind.ts';
import { ComplianceService } from '../vault/compliance/compliance-service.ts';
import { pgliteDirectory } from '../config/paths.ts';
import type { Vault, VaultServices } from '../vault/vault.ts';
import type { OpenVaultOutcome } from '../cli/host.ts';

export type { Vault, VaultServices };

export async function openStorage(config: CurtainConfig): Promise<Storage> {
  try {
    return config.databaseUrl
      ? await openPostgresStorage({ connectionString: config.databaseUrl })
      : await openPgliteStorage({ dataDirectory: pgliteDirectory(config.dataDir) });
  } catch (error) {
    if (error instanceof CurtainError) throw error;
    throw new CurtainError('STORAGE_UNAVAILABLE', `cannot open the database: ${(error as Error).message}`);
  }
}

export interface VaultSettings {
  /** Names the log in its signed checkpoints (the first line of each note). */
  readonly logOrigin: string;
  /** The data controller named in consent receipts. */
  readonly controller: string;
  /** The vault's currency: amounts in questions are in it. */
  readonly currency: string;
  readonly transactionRetentionDays: number;
  /** How ingest categorises: the shipped rules unless the bank adds its own files (CURTAIN_CATEGORY_RULES). */
  readonly categoriser?: Categoriser;
  /** Years a former customer is kept after the relationship ended (anti-money-laundering); 5 by default. */
  readonly amlRetentionYears?: number;
  /** Where the guard's noise and delivery's orders come from; the cryptographic source unless a test injects a seeded one. */
  readonly random?: RandomSource;
  /** The guard's noise sampler; by default exact discrete Laplace noise from `random`. Tests record its scales. */
  readonly noise?: NoiseSampler;
  /** The clock of questions (their day and budget period); tests pin it. */
  readonly now?: () => Date;
  readonly delivery?: DeliverySettings;
}

export interface DeliverySettings {
  /** Where customers read their inbox: notices link to `<origin>/inbox/<message>`. */
  readonly inboxOrigin: string;
  readonly adapters?: NoticeAdapters;
  /** Recipients per inbox transaction. */
  readonly batchSize?: number;
  /** Crash tests kill the process at named points (CURTAIN_FAULT). */
  readonly fault?: FaultHook;
}

/** The vault's side of the door in this process: its services, its kind, its proof of the log key. */
function inProcessDoor(
  parts: Pick<VaultServices, 'questions' | 'delivery' | 'audit' | 'storage' | 'keys' | 'guard'> & {
    readonly rounds: RoundDoor;
  },
  settings: Pick<VaultSettings, 'currency' | 'logOrigin'>,
): InProcessVaultDoor {
  const { questions, delivery, audit, storage, keys, guard, rounds } = parts;
  return new InProcessVaultDoor(
    { questions, delivery, audit, guard, rounds },
    settings.currency,
    () => vaultKind(storage),
    (nonce) => proveIdentity(keys, settings.logOrigin, nonce),
  );
}

export const defaultVaultSettings: VaultSettings = {
  logOrigin: 'curtain.example/vault',
  controller: 'Demo Bank plc',
  currency: 'GBP',
  transactionRetentionDays: 2557,
};

function receiptSettings(names: VaultSettings): ReceiptSettings {
  return {
    jurisdiction: 'GB',
    language: 'en',
    policyUrl: 'https://bank.example/privacy',
    service: 'Curtain personalisation',
    controllers: [
      {
        piiController: names.controller,
        contact: 'Data Protection Officer',
        address: '1 Example Street, London',
        email: 'privacy@bank.example',
        phone: '+44 20 7946 0000',
      },
    ],
  };
}

/** The services customers and advisors reach: inbox, responses and leads, push devices. */
function customerFacing(
  base: Pick<VaultServices, 'storage' | 'keys' | 'audit' | 'identity' | 'preferences'>,
  settings: VaultSettings,
): Pick<VaultServices, 'inbox' | 'responses' | 'advisorQueue' | 'advisorLeads' | 'pushDevices'> {
  const { storage, keys, audit, identity, preferences } = base;
  const now = settings.now === undefined ? {} : { now: settings.now };
  const advisorQueue = new AdvisorQueue(storage, identity, keys, audit);
  return {
    inbox: new InboxService(storage, identity, now),
    responses: new ResponseService(storage, identity, preferences, keys, audit, {
      receipts: receiptSettings(settings),
      ...now,
    }),
    advisorQueue,
    advisorLeads: new AdvisorLeads(storage, identity, advisorQueue, audit),
    pushDevices: new PushDevices(storage, identity, audit),
  };
}

/**
 * In the recording transaction: withdrawing "spending insights" on the inbox deletes the insights already
 * stored; withdrawing "profiling" on any channel deletes the customer's stored propensity scores.
 */
const forgetWithdrawn: NonNullable<ConsentLedgerOptions['onWithdrawn']> = (tx, purpose, channel, ids) => {
  if (purpose === 'spending_insights' && channel === 'inbox') return forgetInsights(tx, ids);
  if (purpose === 'profiling') return forgetStoredScores(tx, ids);
  return Promise.resolve();
};

function consentOptions(identity: IdentityStore, settings: VaultSettings): ConsentLedgerOptions {
  return {
    ...subjectReferences(identity),
    receipts: receiptSettings(settings),
    onWithdrawn: forgetWithdrawn,
  };
}

/** Wires the vault's services on a migrated database; re-applies shreds the database does not know yet. */
export async function assembleVault(
  storage: Storage,
  keys: KeyProvider,
  settings: VaultSettings = defaultVaultSettings,
): Promise<VaultServices> {
  const audit = await TransparencyLog.open(storage, keys, settings.logOrigin);
  const identity = new IdentityStore(storage, keys, audit);
  const reshreddedAtOpen = await identity.reconcileShreds();
  const accounts = new AccountDirectory(keys.secret('blind-index'));
  const consent = new ConsentLedger(storage, keys, audit, consentOptions(identity, settings));
  const preferences = new PreferenceStore(storage, audit, subjectReferences(identity).subjectRef);
  const policies = new PolicyStore(storage, audit);
  const now = settings.now === undefined ? {} : { now: settings.now };
  // The one guard: questions, delivery and compliance all charge the same ledger, under the same locks.
  const noise = settings.noise ?? discreteLaplaceNoise(settings.random ?? cryptoRandomSource());
  const guard = new LedgerGuard(storage, policies, audit, { noise, ...now });
  const questionEngine = new VaultQuestionEngine(storage, { currency: settings.currency });
  // The one transaction retention policy, in the database; the setting only seeds its first version.
  const transactionRetention = new TransactionRetention(
    storage,
    audit,
    { days: settings.transactionRetentionDays, amlYears: settings.amlRetentionYears ?? 5 },
    settings.now,
  );
  await transactionRetention.active();
  const retentionDays = () => transactionRetention.days();
  const questions = new QuestionService(vaultAudience(questionEngine, consent), policies, guard, {
    currency: settings.currency,
    retentionDays,
    approvedModels: () => approvedModels(storage),
    ...now,
  });
  const avatars = new AvatarService(storage, keys);
  const ingest = new IngestService(storage, accounts, keys.secret('token'), {
    ...(settings.categoriser === undefined ? {} : { categoriser: settings.categoriser }),
    retention: { days: retentionDays, ...now },
    audit,
  });
  // Batches (ingest, import) whose process died mid-way are found here, with their stored rows counted, resumable.
  await Promise.all([ingest.batches.markInterrupted(), markImportBatchesInterrupted(storage)]);
  const delivery = new DeliveryService(
    { storage, keys, identity, audit, consent, preferences, questions, questionEngine, avatars, policies },
    guard,
    deliveryOptions(settings),
  );
  const compliance = new ComplianceService(
    { storage, keys, identity, accounts, consent, preferences, audit, guard },
    {
      controller: settings.controller,
      transactionRetention,
      ...now,
    },
  );
  return {
    storage,
    keys,
    identity,
    accounts,
    ingest,
    imports: new ImportService({ storage, keys, audit, identity, accounts, consent, ...now }),
    audit,
    consent,
    preferences,
    policies,
    guard,
    questions,
    questionEngine,
    avatars,
    delivery,
    ...customerFacing({ storage, keys, audit, identity, preferences }, settings),
    ...federation({ storage, keys, audit, consent, guard, questionEngine, questions, delivery }, settings),
    compliance,
    relationshipRetention: relationshipRetention(storage, compliance, transactionRetention, now),
    ...budgetAndLearning(
      { storage, keys, audit, consent, preferences, questions, questionEngine, policies, guard, noise },
      { currency: settings.currency, retentionDays, ...now, categoriser: settings.categoriser },
    ),
    reshreddedAtOpen,
  };
}

/**
 * The door, with its part in federated rounds: rounds train on this vault's consenting customers and check
 * peers against the keys this vault's operator pinned (federation_peers), never keys the hub relays.
 */
function federation(
  parts: Pick<
    VaultServices,
    'storage' | 'keys' | 'audit' | 'consent' | 'guard' | 'questionEngine' | 'questions' | 'delivery'
  >,
  settings: VaultSettings,
): Pick<VaultServices, 'federationPeers' | 'door'> {
  const { storage, keys, audit, consent, guard, questionEngine, questions, delivery } = parts;
  const federationPeers = new PeerPins(storage, audit);
  const rounds = new VaultRounds({ storage, guard, consent, audit, questionEngine }, keys, federationPeers, {
    ownKey: () => activeVerifierKey(keys, settings.logOrigin),
  });
  return {
    federationPeers,
    door: inProcessDoor({ questions, delivery, audit, storage, keys, guard, rounds }, settings),
  };
}

/** Relationships ended longer ago than the AML period: the policy's years, read when the job runs. */
function relationshipRetention(
  storage: Storage,
  compliance: ComplianceService,
  transactionRetention: TransactionRetention,
  now: { readonly now?: () => Date },
): RelationshipRetention {
  return new RelationshipRetention(storage, compliance, {
    years: () => transactionRetention.amlYears(),
    ...now,
  });
}

/** The services built on the guard and the question engine: budget requests, models, insights, edge mode. */
function budgetAndLearning(
  services: {
    readonly storage: Storage;
    readonly keys: KeyProvider;
    readonly audit: TransparencyLog;
    readonly consent: ConsentLedger;
    readonly preferences: PreferenceStore;
    readonly questions: QuestionService;
    readonly questionEngine: VaultQuestionEngine;
    readonly policies: PolicyStore;
    readonly guard: LedgerGuard;
    readonly noise: ReturnType<typeof discreteLaplaceNoise>;
  },
  options: {
    readonly currency: string;
    readonly retentionDays: () => Promise<number>;
    readonly now?: () => Date;
    readonly categoriser?: Categoriser | undefined;
  },
) {
  const { storage, keys, audit, consent, preferences, questions, questionEngine, policies, guard, noise } =
    services;
  const now = options.now === undefined ? {} : { now: options.now };
  const models = { get: (id: string) => readModelVersion(storage, id) };
  return {
    budgetRequests: new BudgetRequests(storage, policies, audit, now),
    models: new ModelRegistry(
      { storage, audit, consent, questionEngine, guard },
      { currency: options.currency, ...now },
    ),
    insights: new InsightsService(storage, consent, preferences, { currency: options.currency, ...now }),
    edge: new EdgeService(
      { storage, keys, audit, questions, policies, guard, noise, consent, preferences, models },
      {
        currency: options.currency,
        retentionDays: options.retentionDays,
        ...now,
        ...(options.categoriser === undefined ? {} : { categoriser: options.categoriser }),
      },
    ),
  };
}

/** A customer's pseudonymous reference in the log, one or many at once; CUSTOMER_ERASED once erased. */
function subjectReferences(identity: IdentityStore) {
  return {
    subjectRef: async (customerId: number) => {
      const subject = (await identity.auditSubjects([customerId])).get(customerId);
      if (subject === undefined) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
      return subject;
    },
    subjectRefs: async (customerIds: readonly number[]) => {
      const subjects = await identity.auditSubjects(customerIds);
      if (customerIds.some((id) => !subjects.has(id))) {
        throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
      }
      return subjects;
    },
  };
}

function deliveryOptions(settings: VaultSettings): DeliveryServiceOptions {
  const delivery = settings.delivery ?? { inboxOrigin: 'http://127.0.0.1:8080' };
  return {
    currency: settings.currency,
    inboxOrigin: delivery.inboxOrigin,
    ...(delivery.adapters === undefined ? {} : { adapters: delivery.adapters }),
    ...(delivery.batchSize === undefined ? {} : { batchSize: delivery.batchSize }),
    ...(delivery.fault === undefined ? {} : { fault: delivery.fault }),
    ...(settings.random === undefined ? {} : { random: settings.random }),
    ...(settings.now === undefined ? {} : { now: settings.now }),
  };
}

/** Where customers read their inbox: the public URL, or the server's own address. */
export function inboxOrigin(config: CurtainConfig): string {
  return new URL(config.publicUrl ?? `http://${config.host}:${config.port}`).origin;
}

/** Channel adapters from the configuration: email with a mail server, push with a gateway, a webhook with an endpoint. */
export function deliverySettingsFrom(config: CurtainConfig): DeliverySettings {
  const origin = inboxOrigin(config);
  const adapters: { email?: EmailChannel; push?: PushChannel; webhook?: WebhookChannel } = {};
  if (config.pushUrl !== undefined) {
    adapters.push = new PushChannel({
      gatewayUrl: config.pushUrl,
      ...(config.pushToken === undefined ? {} : { bearerToken: config.pushToken }),
      bankName: config.controller,
      inboxOrigin: origin,
    });
  }
  if (config.smtpUrl !== undefined) {
    const url = new URL(config.smtpUrl);
    const security =
      url.protocol === 'smtps:' ? 'tls' : url.protocol === 'smtp+starttls:' ? 'starttls' : 'opportunistic';
    adapters.email = new EmailChannel({
      host: url.hostname,
      port: Number(url.port || (security === 'tls' ? 465 : security === 'starttls' ? 587 : 25)),
      security,
      ...(url.username === ''
        ? {}
        : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      from: config.mailFrom,
      bankName: config.controller,
      inboxOrigin: origin,
    });
  }
  if (config.webhookUrl !== undefined) {
    if (config.webhookSecret === undefined) {
      throw new CurtainError(
        'CONFIG_INVALID',
        'CURTAIN_WEBHOOK_URL needs CURTAIN_WEBHOOK_SECRET to sign with',
      );
    }
    const url = new URL(config.webhookUrl);
    adapters.webhook = new WebhookChannel({
      url: url.toString(),
      allowedHosts: [url.host],
      secret: config.webhookSecret,
    });
  }
  const fault = faultFromEnvironment();
  return { inboxOrigin: origin, adapters, ...(fault === undefined ? {} : { fault }) };
}

/**
 * Locks the data directory (embedded mode), opens storage and applies migrations; `close` releases both.
 * On failure nothing stays open or locked.
 */
export async function openMigratedStorage(
  config: CurtainConfig,
  command: string,
): Promise<
  | {
      readonly ok: true;
      readonly storage: Storage;
      readonly lock: DataDirLock | undefined;
      readonly close: () => Promise<void>;
    }
  | { readonly ok: false; readonly owner: LockOwner }
> {
  let lock: DataDirLock | undefined;
  if (!config.databaseUrl) {
    const outcome = await lockDataDir(config.dataDir, command);
    if (!outcome.ok) return { ok: false, owner: outcome.owner };
    lock = outcome.lock;
  }
  try {
    const storage = await openStorage(config);
    const migrated = await migrate(storage);
    if (!migrated.ok) {
      await storage.close();
      throw new CurtainError('MIGRATION_FAILED', migrated.reason);
    }
    return {
      ok: true,
      storage,
      lock,
      close: async () => {
        await storage.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * Opens the vault: locks the data directory (embedded mode), opens storage and keys, applies
 * migrations and re-applies any shred the key provider knows and the database does not.
 */
export async function openVault(config: CurtainConfig, command: string): Promise<OpenVaultOutcome> {
  const opened = await openMigratedStorage(config, command);
  if (!opened.ok) return opened;
  const { storage, lock, close } = opened;
  try {
    const keys = await LocalKeyFile.open(config.keyDir);
    const services = await assembleVault(storage, keys, {
      logOrigin: config.logOrigin,
      controller: config.controller,
      currency: config.currency,
      transactionRetentionDays: config.transactionRetentionDays,
      categoriser: await loadCategoriser(config.categoryRules),
      amlRetentionYears: config.amlRetentionYears,
      delivery: deliverySettingsFrom(config),
    });
    return { ok: true, vault: { ...services, lock, close } };
  } catch (error) {
    await close();
    throw error;
  }
}
