// Compliance: the transparency log (entries, proofs, verification), privacy-budget use and consent statistics.
import type { FastifyInstance } from 'fastify';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { SignedHead } from '../../audit/audit-log.ts';
import { budgetJson } from '../question-routes.ts';
import { errorSchema } from '../schemas.ts';

const tags = ['compliance'];
const access = { access: ['compliance'] } as const;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const headJson = (head: SignedHead) => ({
  size: head.size,
  rootHash: hex(head.rootHash),
  checkpoint: head.checkpoint,
  keyId: head.keyId,
});

export function complianceRoutes(vault: Pick<VaultServices, 'audit' | 'storage' | 'questions'>) {
  return (app: FastifyInstance): Promise<void> => {
    app.get(
      '/v1/audit/head',
      {
        config: access,
        schema: {
          summary: 'The latest signed checkpoint of the transparency log, with the keys that verify it',
          tags,
        },
      },
      () => ({ ...headJson(vault.audit.head()), publicKeys: vault.audit.publicKeys() }),
    );

    app.get<{ Querystring: { from?: number; limit?: number } }>(
      '/v1/audit/entries',
      {
        config: access,
        schema: {
          summary:
            'Entries of the log in order, a page at a time (no PII: subjects are unlinkable references)',
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
      },
      async (request) => {
        const { from = 0, limit = 100 } = request.query;
        const { rows } = await vault.storage.query<{ idx: number | bigint; entry: string }>(
          'SELECT idx, entry FROM audit_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx LIMIT $3',
          [from, vault.audit.head().size, limit],
        );
        return {
          size: vault.audit.head().size,
          entries: rows.map((r) => ({ index: Number(r.idx), entry: JSON.parse(r.entry) as unknown })),
        };
      },
    );

    app.get<{ Params: { index: number } }>(
      '/v1/audit/entries/:index',
      {
        config: access,
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
      },
      async (request) => {
        const proven = await vault.audit.entry(request.params.index);
        if (proven === undefined) throw new CurtainError('NOT_FOUND', `no log entry ${request.params.index}`);
        return {
          index: proven.index,
          entry: proven.entry,
          json: proven.json,
          leafHash: hex(proven.leafHash),
          proof: proven.proof.map(hex),
          head: headJson(proven.head),
        };
      },
    );

    app.get<{ Querystring: { from: number } }>(
      '/v1/audit/consistency',
      {
        config: access,
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
      },
      async (request) => {
        if (request.query.from > vault.audit.head().size) {
          throw new CurtainError('NOT_FOUND', `the log has not reached ${request.query.from} entries`);
        }
        const result = await vault.audit.consistency(request.query.from);
        return { oldSize: result.oldSize, proof: result.proof.map(hex), head: headJson(result.head) };
      },
    );

    app.get(
      '/v1/audit/verify',
      {
        config: access,
        schema: { summary: 'Recompute the whole tree and check it against the latest signed head', tags },
      },
      async () => {
        const verdict = await vault.audit.verifyAll();
        return verdict.ok
          ? { ok: true, size: verdict.size, rootHash: hex(verdict.rootHash) }
          : {
              ok: false,
              reason: verdict.reason,
              ...(verdict.index === undefined ? {} : { index: verdict.index }),
            };
      },
    );

    app.get(
      '/v1/privacy/budgets',
      {
        config: access,
        schema: {
          summary: 'Privacy-budget use this period: each asker’s ε spent and left, questions by outcome',
          tags,
        },
      },
      async () => {
        const { rows } = await vault.storage.query<{ asker: string; outcome: string; n: number }>(
          `SELECT asker, outcome, count(*)::int AS n FROM questions
            WHERE asked_at > now() - interval '31 days' GROUP BY asker, outcome ORDER BY asker, outcome`,
        );
        const askers = [...new Set(rows.map((r) => r.asker))];
        const budgets = await Promise.all(askers.map((asker) => vault.questions.budget(asker)));
        return {
          askers: askers.map((asker, i) => {
            const { askerRemaining, vaultRemaining, resetsAt } = budgetJson(budgets[i]!);
            const outcomes = Object.fromEntries(
              rows.filter((r) => r.asker === asker).map((r) => [r.outcome, r.n]),
            );
            return { asker, remaining: askerRemaining, vaultRemaining, resetsAt, questions: outcomes };
          }),
        };
      },
    );

    app.get(
      '/v1/consent/statistics',
      {
        config: access,
        schema: {
          summary: 'How many customers consent to each purpose on each channel, and the decisions recorded',
          tags,
        },
      },
      async () => {
        const current = await vault.storage.query<{
          purpose: string;
          channel: string;
          granted: number;
          refused: number;
        }>(
          `SELECT purpose, channel, count(*) FILTER (WHERE granted)::int AS granted,
                  count(*) FILTER (WHERE NOT granted)::int AS refused
             FROM consent_current GROUP BY purpose, channel ORDER BY purpose, channel`,
        );
        const history = await vault.storage.query<{ source: string; n: number }>(
          'SELECT source, count(*)::int AS n FROM consent_history GROUP BY source ORDER BY source',
        );
        return {
          current: current.rows,
          decisionsBySource: Object.fromEntries(history.rows.map((r) => [r.source, r.n])),
        };
      },
    );
    return Promise.resolve();
  };
}
