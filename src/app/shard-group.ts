// Assembles a shard group: the region's group vault (keys, one guard, ledger, log) over the shards holding its customers.
import { hkdfSync } from 'node:crypto';
import { proveIdentity } from '../audit/door-identity.ts';
import { CurtainError } from '../core/errors.ts';
import type { StatementEvent } from '../core/transaction.ts';
import type { RoundDoor, VaultKindAnswer } from '../core/vault-door.ts';
import { defaultWorkers } from '../demo/generate/parallel.ts';
import { loadDemoBank, type DemoBankOptions, type DemoBankReport } from '../demo/load-demo-bank.ts';
import { cryptoRandomSource } from '../privacy/dp/random-source.ts';
import { shardOf } from '../privacy/shard-route.ts';
import { TransactionRetention } from '../vault/compliance/transaction-retention.ts';
import { InProcessVaultDoor } from '../vault/door/in-process-door.ts';
import type { ImportKind, ImportMapping } from '../vault/import/import-mapping.ts';
import type { ImportOptions, ImportSummary } from '../vault/import/import-service.ts';
import type { IngestOptions } from '../vault/ingest/ingest-service.ts';
import { QuestionService, vaultAudience } from '../vault/questions/question-service.ts';
import { ShardGroupDelivery } from '../vault/shards/shard-delivery.ts';
import { anchorShardLogs } from '../vault/shards/shard-log.ts';
import { ShardGroupAudience } from '../vault/shards/shard-group.ts';
import { ingestRouted, type ShardIngestSummary } from '../vault/shards/shard-ingest.ts';
import { vaultKind } from '../vault/vault-kind.ts';
import type { VaultServices, VaultSettings } from './vault-process.ts';

export interface ShardGroup {
  /** The region's group vault: its keys, guard, ledger and transparency log; it holds no customer's rows. */
  readonly group: VaultServices;
  /** The shards, each a database holding the customers `shardOf` gives it, with their accounts and statements. */
  readonly shards: readonly VaultServices[];
  /** The shard (0 … n − 1) that holds a customer, by external id. */
  shardOf(externalId: string): number;
  /** Questions to the group: each shard's exact audience, joined, under the group vault's one guard. */
  readonly questions: QuestionService;
  /** Campaigns from the group: one admission by the group guard, each shard sending to its own customers. */
  readonly delivery: ShardGroupDelivery;
  /**
   * Records every shard's log head (its root hash) in the group's log: the region's one log. Done after every
   * import, ingest, demo load and delivery through the group; a scheduler may call it too.
   */
  anchorLogs(): Promise<void>;
  /** The group's side of the hub's door: questions, budgets and campaigns under the one guard. */
  readonly door: InProcessVaultDoor;
  /**
   * Imports a system-of-record CSV into the group: every shard reads the file (`open` gives it afresh) and
   * keeps the rows of its own customers, so line numbers in quarantine are the file's own; rows with no
   * customer to route by are quarantined once, on shard 0.
   */
  importCsv(
    kind: ImportKind,
    open: () => AsyncIterable<unknown>,
    mapping: ImportMapping,
    options: Omit<ImportOptions, 'shard'>,
  ): Promise<ImportSummary[]>;
  /** Ingests statement events, each account's on the shard that holds it: one batch per shard. */
  ingestEvents(
    events: AsyncIterable<StatementEvent> | Iterable<StatementEvent>,
    options: IngestOptions,
  ): Promise<ShardIngestSummary[]>;
  /** A demo bank across the shards: each shard generates the bank and keeps its own customers. */
  loadDemoBank(options: Omit<DemoBankOptions, 'only' | 'groundTruthFile'>): Promise<DemoBankReport[]>;
}

/**
 * The routing key of the group: derived from the group vault's token secret under a label of its own, so it
 * lives with the region's keys and nobody outside the region can tell which shard holds an id.
 */
function shardKey(group: VaultServices): Uint8Array {
  return new Uint8Array(
    hkdfSync('sha256', group.keys.secret('token'), new Uint8Array(0), 'curtain shard routing', 32),
  );
}

const groupRoundRefused = (): Promise<never> =>
  Promise.reject(
    new CurtainError(
      'SHARD_GROUP_UNSUPPORTED',
      'a shard group does not take part in federated rounds yet: run the round with single vaults',
    ),
  );

/** A group trains no federated model yet: each of its round steps is refused. */
const noGroupRounds: RoundDoor = {
  roundBegin: groupRoundRefused,
  roundShare: groupRoundRefused,
  roundMask: groupRoundRefused,
  roundUnmask: groupRoundRefused,
  roundFinish: groupRoundRefused,
  roundAbort: groupRoundRefused,
};

/** What the group's shards hold: all demo or all real; a group that mixes them is refused. */
async function groupKind(shards: readonly VaultServices[]): Promise<VaultKindAnswer> {
  const kinds = new Set(await Promise.all(shards.map((shard) => vaultKind(shard.storage))));
  kinds.delete('undecided');
  if (kinds.size > 1) {
    throw new CurtainError('SHARD_GROUP_UNSUPPORTED', 'the shards of this group mix demo and real data');
  }
  return kinds.values().next().value ?? 'undecided';
}

export async function assembleShardGroup(
  group: VaultServices,
  shards: readonly VaultServices[],
  settings: VaultSettings,
): Promise<ShardGroup> {
  if (shards.length < 1) throw new CurtainError('USAGE', 'a shard group needs at least one shard');
  const key = shardKey(group);
  const route = (externalId: string) => shardOf(key, externalId, shards.length);
  const now = settings.now === undefined ? {} : { now: settings.now };
  const retention = new TransactionRetention(
    group.storage,
    group.audit,
    { days: settings.transactionRetentionDays, amlYears: settings.amlRetentionYears ?? 5 },
    settings.now,
  );
  await retention.active();
  const audience = new ShardGroupAudience(
    shards.map((shard) => vaultAudience(shard.questionEngine, shard.consent)),
  );
  const questions = new QuestionService(audience, group.policies, group.guard, {
    currency: settings.currency,
    retentionDays: () => retention.days(),
    ...now,
  });
  const anchorLogs = () => anchorShardLogs(group.audit, shards);
  const delivery = new ShardGroupDelivery(
    { storage: group.storage, audit: group.audit, guard: group.guard, questions },
    shards,
    {
      currency: settings.currency,
      random: settings.random ?? cryptoRandomSource(),
      now: settings.now ?? (() => new Date()),
      sent: anchorLogs,
    },
  );
  const door = new InProcessVaultDoor(
    { questions, delivery, audit: group.audit, guard: group.guard, rounds: noGroupRounds },
    settings.currency,
    () => groupKind(shards),
    (nonce) => proveIdentity(group.keys, settings.logOrigin, nonce),
  );
  const anchored = async <T>(work: readonly Promise<T>[]): Promise<T[]> => {
    const done = await Promise.all(work);
    await anchorLogs();
    return done;
  };
  return {
    group,
    shards,
    shardOf: route,
    questions,
    delivery,
    door,
    anchorLogs,
    importCsv: (kind, open, mapping, options) =>
      anchored(
        shards.map((shard, index) =>
          shard.imports.importCsv(kind, open(), mapping, {
            ...options,
            shard: { owns: (externalId) => route(externalId) === index, keepsUnroutable: index === 0 },
          }),
        ),
      ),
    ingestEvents: async (events, options) => (await anchored([ingestRouted(shards, events, options)]))[0]!,
    loadDemoBank: (options) => {
      // Every shard generates the whole bank and keeps its own customers: the cores are shared between them.
      const workers = options.workers ?? Math.ceil(defaultWorkers(options) / shards.length);
      return anchored(
        shards.map((shard, index) =>
          loadDemoBank(shard, { ...options, workers, only: (externalId) => route(externalId) === index }),
        ),
      );
    },
  };
}
