// The transparency log over HTTP: its signed head, its entries a page at a time, proofs, and a full check.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { SignedHead, TransparencyLog } from '../../audit/audit-log.ts';
import {
  auditEntries,
  auditEntryParams,
  auditExportPage,
  auditPage,
  auditVerdict,
  consistencyProof as consistencyProofSchema,
  consistencyQuery,
  provenAuditEntry,
  signedAuditHead,
} from '../../contracts/audit-log.ts';
import { errorBody } from '../../contracts/common.ts';
import { textBody } from '../../contracts/operations.ts';
import { CurtainError } from '../../core/errors.ts';

// Stored entries are parsed JSON the log wrote itself; the response schema checks each one on the way out.
type AuditEntries = z.output<typeof auditEntries>;

const tags = ['compliance'];
const config = { access: ['compliance'] } as const;
/** Hashes and proofs travel in one encoding everywhere, CLI and API: standard base64, as in the signed checkpoints. */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const headJson = (head: SignedHead) => ({
  size: head.size,
  rootHash: b64(head.rootHash),
  checkpoint: head.checkpoint,
  keyId: head.keyId,
});

const head = {
  config,
  schema: {
    summary: 'The latest signed checkpoint of the transparency log, with the keys that verify it',
    tags,
    response: { 200: signedAuditHead },
  },
};

const entries = {
  config,
  schema: {
    summary:
      'Entries of the log, a page at a time, oldest or newest first, filtered by kind, actor, time and text (no PII: subjects are unlinkable references)',
    tags,
    querystring: auditPage,
    response: { 200: auditEntries, '4xx': errorBody },
  },
};

const exportEntries = {
  config,
  schema: {
    summary:
      'Entries as the exact canonical bytes that were hashed, one per line (NDJSON): leaf hash = SHA-256(0x00 ‖ line)',
    tags,
    produces: ['application/x-ndjson'],
    querystring: auditExportPage,
    response: { 200: textBody.describe('NDJSON, one entry per line'), '4xx': errorBody },
  },
};

const entry = {
  config,
  schema: {
    summary: 'One entry with its inclusion proof (RFC 9162) against the current signed head',
    tags,
    params: auditEntryParams,
    response: { 200: provenAuditEntry, '4xx': errorBody },
  },
};

const consistency = {
  config,
  schema: {
    summary: 'Proof that the current tree extends an earlier tree of `from` entries',
    tags,
    querystring: consistencyQuery,
    response: { 200: consistencyProofSchema, '4xx': errorBody },
  },
};

const verify = {
  config,
  schema: {
    summary: 'Recompute the whole tree and check it against the latest signed head',
    tags,
    response: { 200: auditVerdict },
  },
};

async function provenEntry(log: TransparencyLog, index: number) {
  const proven = await log.entry(index);
  if (proven === undefined) throw new CurtainError('NOT_FOUND', `no log entry ${index}`);
  return {
    index: proven.index,
    entry: proven.entry,
    json: proven.json,
    leafHash: b64(proven.leafHash),
    proof: proven.proof.map(b64),
    head: headJson(proven.head),
  };
}

async function consistencyProof(log: TransparencyLog, from: number) {
  if (from > log.head().size) throw new CurtainError('NOT_FOUND', `the log has not reached ${from} entries`);
  const result = await log.consistency(from);
  return { oldSize: result.oldSize, proof: result.proof.map(b64), head: headJson(result.head) };
}

async function verifyAll(log: TransparencyLog) {
  const verdict = await log.verifyAll();
  return verdict.ok
    ? { ok: true as const, size: verdict.size, rootHash: b64(verdict.rootHash) }
    : {
        ok: false as const,
        reason: verdict.reason,
        ...(verdict.index === undefined ? {} : { index: verdict.index }),
      };
}

export function auditLogRoutes(log: TransparencyLog) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/audit/head', head, () => ({ ...headJson(log.head()), publicKeys: log.publicKeys() }));
    app.get('/v1/audit/entries', entries, async (request) => {
      const { order, since, until, q, types, actor, ...page } = request.query;
      const found = await log.search({
        ...page,
        newestFirst: order === 'newest',
        ...(types === undefined ? {} : { types }),
        ...(actor === undefined ? {} : { actor }),
        ...(since === undefined ? {} : { since: new Date(since).toISOString() }),
        ...(until === undefined ? {} : { until: new Date(until).toISOString() }),
        ...(q === undefined ? {} : { text: q }),
      });
      return {
        size: log.head().size,
        matched: found.matched,
        entries: found.entries as AuditEntries['entries'],
      };
    });
    app.get('/v1/audit/export', exportEntries, async (request, reply) => {
      const lines = await log.exportEntries(request.query.from, request.query.limit);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .send(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    });
    app.get('/v1/audit/entries/:index', entry, (request) => provenEntry(log, request.params.index));
    app.get('/v1/audit/consistency', consistency, (request) => consistencyProof(log, request.query.from));
    app.get('/v1/audit/verify', verify, () => verifyAll(log));
    return Promise.resolve();
  };
}
