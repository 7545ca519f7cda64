// Erasure receipts over HTTP: a receipt's signature checked, and its hash found in the transparency log.
import type { FastifyInstance } from 'fastify';
import type { ComplianceService } from '../../vault/compliance/compliance-service.ts';

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;

const verifyReceipt = {
  config,
  schema: {
    summary: 'Check an erasure receipt’s signature and that its hash is in the transparency log',
    tags,
    body: {
      type: 'object',
      required: ['receipt'],
      additionalProperties: false,
      properties: { receipt: { type: 'string', minLength: 1, maxLength: 20_000 } },
    },
  },
} as const;

async function verifyErasureReceipt(compliance: ComplianceService, receipt: string) {
  const verdict = await compliance.verifyErasureReceipt(receipt.trim());
  return verdict.ok
    ? { ok: true, receipt: verdict.receipt, logIndex: verdict.logIndex, treeSize: verdict.treeSize }
    : { ok: false, reason: verdict.reason };
}

export function erasureReceiptRoutes(compliance: ComplianceService) {
  return (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { receipt: string } }>(
      '/v1/compliance/erasure-receipts/verify',
      verifyReceipt,
      (request) => verifyErasureReceipt(compliance, request.body.receipt),
    );
    return Promise.resolve();
  };
}
