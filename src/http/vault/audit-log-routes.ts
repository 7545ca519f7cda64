// The transparency log over HTTP: its signed head, its entries a page at a time, proofs, and a full check.
import type { FastifyInstance } from 'fastify';
import type { SignedHead, TransparencyLog } from '../../audit/audit-log.ts';
import { CurtainError } from '../../core/errors.ts';
import { errorSchema } from '../schemas.ts';

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
  },
} as const;

const entries = {
  config,
  schema: {
    summary: 'Entries of the log in order, a page at a time (no PII: subjects are unlinkable references)',
    tags,
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        from: { type: 'integer', minimum: 0, default: 0 },
        limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
      },
    },
  },
} as const;

const exportEntries = {
  config,
  schema: {
    summary:
      'Entries as the exact canonical bytes that were hashed, one per line (NDJSON): leaf hash = SHA-256(0x00 ‖ line)',
    tags,
    produces: ['application/x-ndjson'],
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        from: { type: 'integer', minimum: 0, default: 0 },
        limit: { type: 'integer', minimum: 1, maximum: 10_000, default: 1000 },
      },
    },
  },
} as const;

const entry = {
  config,
  schema: {
    summary: 'One entry with its inclusion proof (RFC 9162) against the current signed head',
    tags,
    params: {
      type: 'object',
      required: ['index'],
      properties: { index: { type: 'integer', minimum: 0 } },
    },
    response: { '4xx': errorSchema },
  },
} as const;

const consistency = {
  config,
  schema: {
    summary: 'Proof that the current tree extends an earlier tree of `from` entries',
    tags,
    querystring: {
      type: 'object',
      required: ['from'],
      properties: { from: { type: 'integer', minimum: 0 } },
    },
    response: { '4xx': errorSchema },
  },
} as const;

const verify = {
  config,
  schema: { summary: 'Recompute the whole tree and check it against the latest signed head', tags },
} as const;

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
    ? { ok: true, size: verdict.size, rootHash: b64(verdict.rootHash) }
    : { ok: false, reason: verdict.reason, ...(verdict.index === undefined ? {} : { index: verdict.index }) };
}

export function auditLogRoutes(log: TransparencyLog) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/audit/head', head, () => ({ ...headJson(log.head()), publicKeys: log.publicKeys() }));
    app.get<{ Querystring: { from?: number; limit?: number } }>(
      '/v1/audit/entries',
      entries,
      async (request) => {
        const page = await log.entries(request.query.from ?? 0, request.query.limit ?? 100);
        return { size: log.head().size, entries: page };
      },
    );
    app.get<{ Querystring: { from?: number; limit?: number } }>(
      '/v1/audit/export',
      exportEntries,
      async (request, reply) => {
        const lines = await log.exportEntries(request.query.from ?? 0, request.query.limit ?? 1000);
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .send(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      },
    );
    app.get<{ Params: { index: number } }>('/v1/audit/entries/:index', entry, (request) =>
      provenEntry(log, request.params.index),
    );
    app.get<{ Querystring: { from: number } }>('/v1/audit/consistency', consistency, (request) =>
      consistencyProof(log, request.query.from),
    );
    app.get('/v1/audit/verify', verify, () => verifyAll(log));
    return Promise.resolve();
  };
}
