// Versioned schema migrations, applied in order at start; one schema for PGlite and PostgreSQL.
import { createHash } from 'node:crypto';
import type { Storage } from '../ports.ts';
import { vaultSchema } from './migrations/0001-vault.ts';
import { auditSchema } from './migrations/0002-audit.ts';
import { consentSchema } from './migrations/0003-consent.ts';
import { questionsSchema } from './migrations/0004-questions.ts';
import { auditOutboxSchema } from './migrations/0005-audit-outbox.ts';
import { avatarsSchema } from './migrations/0006-avatars.ts';
import { hubSchema } from './migrations/0007-hub.ts';
import { deliverySchema } from './migrations/0008-delivery.ts';
import { offerChoiceSchema } from './migrations/0009-offer-choice.ts';
import { complianceSchema } from './migrations/0010-compliance.ts';
import { accessSchema } from './migrations/0011-access.ts';
import { auditSubjectIndexSchema } from './migrations/0012-audit-subject-index.ts';
import { questionReuseSchema } from './migrations/0013-question-reuse.ts';
import { staffCredentialsSchema } from './migrations/0014-staff-credentials.ts';
import { vaultKindSchema } from './migrations/0015-vault-kind.ts';
import { guardReleasedAudiencesSchema } from './migrations/0016-released-audiences.ts';
import { importRecordsSchema } from './migrations/0017-import-records.ts';
import { ingestMigrationSchema } from './migrations/0018-retention-and-batches.ts';
import { amlRetentionSchema, importBatchStatesSchema } from './migrations/0019-import-batches-and-aml.ts';
import { insightsSchema } from './migrations/0021-insights.ts';
import { leadWorkSchema } from './migrations/0022-lead-work.ts';
import { accountBalancesSchema } from './migrations/0023-account-balances.ts';
import { approximateDpLedgerSchema } from './migrations/0024-approximate-dp-ledger.ts';
import { propensityModelsSchema } from './migrations/0025-propensity-models.ts';
import { modelReasonsSchema } from './migrations/0026-model-reasons.ts';
import { budgetRequestsSchema } from './migrations/0029-budget-requests.ts';
import { subjectRequestReceiptsSchema } from './migrations/0028-subject-request-receipts.ts';
import { budgetReservationsSchema } from './migrations/0027-budget-reservations.ts';
import { edgeSchema } from './migrations/0030-edge.ts';
import { hubVaultsSchema } from './migrations/0031-hub-vaults.ts';
import { modelScoresGenerationSchema } from './migrations/0032-model-scores-generation.ts';
import { regionalCampaignsSchema } from './migrations/0033-regional-campaigns.ts';
import { birthMonthAndOwnerEndSchema } from './migrations/0037-birth-month-and-owner-end.ts';
import { leadOutcomeResultsSchema } from './migrations/0038-lead-outcome-results.ts';
import { questionDataGenerationSchema } from './migrations/0040-question-data-generation.ts';
import { vaultLastSeenSchema } from './migrations/0039-vault-last-seen.ts';
import { edgeStaffSchema } from './migrations/0036-edge-staff.ts';
import { federationSchema } from './migrations/0035-federation.ts';
import { campaignStopsSchema } from './migrations/0034-campaign-stops.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'vault', sql: vaultSchema },
  { version: 2, name: 'audit', sql: auditSchema },
  { version: 3, name: 'consent', sql: consentSchema },
  { version: 4, name: 'questions', sql: questionsSchema },
  { version: 5, name: 'audit-outbox', sql: auditOutboxSchema },
  { version: 6, name: 'avatars', sql: avatarsSchema },
  { version: 7, name: 'hub', sql: hubSchema },
  { version: 8, name: 'delivery', sql: deliverySchema },
  { version: 9, name: 'offer-choice', sql: offerChoiceSchema },
  { version: 10, name: 'compliance', sql: complianceSchema },
  { version: 11, name: 'access', sql: accessSchema },
  { version: 12, name: 'audit-subject-index', sql: auditSubjectIndexSchema },
  { version: 13, name: 'question-reuse', sql: questionReuseSchema },
  { version: 14, name: 'staff-credentials', sql: staffCredentialsSchema },
  { version: 15, name: 'vault-kind', sql: vaultKindSchema },
  { version: 16, name: 'released-audiences', sql: guardReleasedAudiencesSchema },
  { version: 17, name: 'import-records', sql: importRecordsSchema },
  { version: 18, name: 'retention-and-batches', sql: ingestMigrationSchema },
  { version: 19, name: 'import-batch-states', sql: importBatchStatesSchema },
  { version: 20, name: 'aml-retention', sql: amlRetentionSchema },
  { version: 21, name: 'insights', sql: insightsSchema },
  { version: 22, name: 'lead-work', sql: leadWorkSchema },
  { version: 23, name: 'account-balances', sql: accountBalancesSchema },
  { version: 24, name: 'approximate-dp-ledger', sql: approximateDpLedgerSchema },
  { version: 25, name: 'propensity-models', sql: propensityModelsSchema },
  { version: 26, name: 'model-reasons', sql: modelReasonsSchema },
  { version: 27, name: 'budget-reservations', sql: budgetReservationsSchema },
  { version: 28, name: 'subject-request-receipts', sql: subjectRequestReceiptsSchema },
  { version: 29, name: 'budget-requests', sql: budgetRequestsSchema },
  { version: 30, name: 'edge', sql: edgeSchema },
  { version: 31, name: 'hub-vaults', sql: hubVaultsSchema },
  { version: 32, name: 'model-scores-generation', sql: modelScoresGenerationSchema },
  { version: 33, name: 'regional-campaigns', sql: regionalCampaignsSchema },
  { version: 34, name: 'campaign-stops', sql: campaignStopsSchema },
  { version: 35, name: 'federation', sql: federationSchema },
  { version: 36, name: 'edge-staff', sql: edgeStaffSchema },
  { version: 37, name: 'birth-month-and-owner-end', sql: birthMonthAndOwnerEndSchema },
  { version: 38, name: 'lead-outcome-results', sql: leadOutcomeResultsSchema },
  { version: 39, name: 'vault-last-seen', sql: vaultLastSeenSchema },
  { version: 40, name: 'question-data-generation', sql: questionDataGenerationSchema },
];

export interface MigrationStatus {
  readonly version: number;
  readonly name: string;
  readonly appliedAt: Date | undefined;
  readonly checksumMatches: boolean;
}

export type MigrationOutcome =
  | { readonly ok: true; readonly applied: readonly number[]; readonly version: number }
  | { readonly ok: false; readonly reason: string };

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

// An arbitrary constant: the advisory lock that serialises migrations across processes.
const migrationLockKey = 727_001;

async function ensureLedger(storage: Storage): Promise<void> {
  await storage.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

export async function migrationStatus(storage: Storage): Promise<MigrationStatus[]> {
  await ensureLedger(storage);
  const applied = await storage.query<{ version: number; checksum: string; applied_at: Date }>(
    'SELECT version, checksum, applied_at FROM schema_migrations ORDER BY version',
  );
  const byVersion = new Map(applied.rows.map((row) => [row.version, row]));
  return migrations.map((m) => {
    const row = byVersion.get(m.version);
    return {
      version: m.version,
      name: m.name,
      appliedAt: row?.applied_at,
      checksumMatches: row === undefined || row.checksum === checksum(m.sql),
    };
  });
}

/** Applies pending migrations in one transaction, so a failure leaves the schema as it was. */
export async function migrate(storage: Storage): Promise<MigrationOutcome> {
  await ensureLedger(storage);
  return storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    const applied = await tx.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied.rows) {
      const migration = known.get(row.version);
      if (migration === undefined) {
        return {
          ok: false,
          reason: `database has migration ${row.version}, unknown to this version of Curtain`,
        };
      }
      if (migration.sql && checksum(migration.sql) !== row.checksum) {
        return {
          ok: false,
          reason: `migration ${row.version} (${migration.name}) was changed after it was applied`,
        };
      }
    }
    const done = new Set(applied.rows.map((r) => r.version));
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksum(migration.sql),
      ]);
      newlyApplied.push(migration.version);
    }
    return { ok: true, applied: newlyApplied, version: migrations.at(-1)?.version ?? 0 };
  });
}
