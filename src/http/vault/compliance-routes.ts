// The compliance officer's API: the transparency log, statistics, subject requests, retention and oversight.
import type { FastifyInstance } from 'fastify';
import type { VaultServices } from '../../vault/vault.ts';
import { auditLogRoutes } from './audit-log-routes.ts';
import { complianceStatisticsRoutes } from './compliance-statistics-routes.ts';
import { erasureReceiptRoutes } from './erasure-receipt-routes.ts';
import { oversightRoutes } from './oversight-routes.ts';
import { retentionRoutes } from './retention-routes.ts';
import { subjectRequestRoutes } from './subject-request-routes.ts';

type ComplianceVault = Pick<
  VaultServices,
  'audit' | 'storage' | 'questions' | 'consent' | 'compliance' | 'identity'
>;

export function complianceRoutes(vault: ComplianceVault) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(auditLogRoutes(vault.audit));
    await app.register(complianceStatisticsRoutes(vault));
    await app.register(subjectRequestRoutes(vault));
    await app.register(erasureReceiptRoutes(vault.compliance));
    await app.register(retentionRoutes(vault.compliance.retention));
    await app.register(oversightRoutes(vault.compliance));
  };
}
