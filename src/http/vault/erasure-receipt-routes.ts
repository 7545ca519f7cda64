// Erasure receipts over HTTP: a receipt's signature checked, and its hash found in the transparency log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import {
  erasureReceiptCheck,
  erasureReceiptLookup,
  erasureReceiptVerdict,
  receiptParams,
} from '../../contracts/subject-request.ts';
import { CurtainError } from '../../core/errors.ts';
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

const lookUp = {
  config: { access: 'public' },
  schema: {
    summary: 'Where an erasure stands, and its signed receipt once done, by the receipt id given when asked',
    description:
      'Needs no sign-in: an erased customer cannot sign in any more. The receipt id (random, given only to ' +
      'the requester) is the key; the answer holds no personal data, only what the receipt states.',
    tags,
    params: receiptParams,
    response: { 200: erasureReceiptLookup, '4xx': errorBody },
  },
} as const;

async function receiptById(compliance: ComplianceService, receiptId: string) {
  const request = await compliance.requests.byReceiptId(receiptId);
  if (request === undefined) {
    throw new CurtainError('NOT_FOUND', 'no erasure request has this receipt id; check it was copied whole');
  }
  const receipt = request.outcome?.['receipt'];
  const signed = typeof receipt === 'string' ? receipt : undefined;
  return {
    receiptId,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    closedAt: request.closedAt ?? null,
    rejection: request.rejection ?? null,
    rejectionNote: request.rejectionNote ?? null,
    ...(signed === undefined
      ? {}
      : { receipt: signed, verdict: await verifyErasureReceipt(compliance, signed) }),
  };
}

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
    app.get('/v1/erasure-receipts/:receiptId', lookUp, (request) =>
      receiptById(compliance, request.params.receiptId),
    );
    return Promise.resolve();
  };
}
