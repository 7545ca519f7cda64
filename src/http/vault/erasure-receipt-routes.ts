// Erasure receipts over HTTP: a receipt's signature checked, and its hash found in the transparency log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import { erasureReceiptCheck, erasureReceiptVerdict } from '../../contracts/subject-request.ts';
import type { ComplianceService } from '../../vault/compliance/compliance-service.ts';

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const verifyReceipt = {
  config,
  schema: {
    summary: 'Check an erasure receipt’s signature and that its hash is in the transparency log',
    tags,
    body: erasureReceiptCheck,
    response: { 200: erasureReceiptVerdict, '4xx': errorBody },
  },
};

async function verifyErasureReceipt(compliance: ComplianceService, receipt: string) {
  const verdict = await compliance.verifyErasureReceipt(receipt.trim());
  return verdict.ok
    ? { ok: true, receipt: verdict.receipt, logIndex: verdict.logIndex, treeSize: verdict.treeSize }
    : { ok: false, reason: verdict.reason };
}

export function erasureReceiptRoutes(compliance: ComplianceService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/compliance/erasure-receipts/verify', verifyReceipt, (request) =>
      verifyErasureReceipt(compliance, request.body.receipt),
    );
    return Promise.resolve();
  };
}
