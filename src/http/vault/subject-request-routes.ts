// Compliance work over HTTP: subject requests, erasure receipts, retention, records of processing, fair lending.
import type { FastifyInstance } from 'fastify';
import { piiFields, type CustomerPii } from '../../core/identity.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { requestRegimes, type RequestRegime } from '../../vault/compliance/deadlines.ts';
import { ropaCsv, ropaMarkdown } from '../../vault/compliance/ropa.ts';
import {
  requestKinds,
  type RequestKind,
  type SubjectRequest,
} from '../../vault/compliance/subject-requests.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';

const tags = ['compliance'];
const access = { access: ['compliance'] } as const;
const requestId = { type: 'string', pattern: '^[0-9a-f-]{36}$' } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: requestId } } as const;
const failures = { '4xx': errorSchema } as const;

/** A request as the API shows it: the internal customer id never leaves. */
export const requestJson = (request: SubjectRequest) => ({
  id: request.id,
  kind: request.kind,
  regime: request.regime,
  status: request.status,
  receivedAt: request.receivedAt.toISOString(),
  dueAt: request.dueAt.toISOString(),
  verifiedAt: request.verifiedAt?.toISOString() ?? null,
  closedAt: request.closedAt?.toISOString() ?? null,
  rejection: request.rejection ?? null,
  outcome: request.outcome ?? null,
});

const addressSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    ['street', 'postalCode', 'city', 'country'].map((f) => [f, { type: 'string', minLength: 1 }]),
  ),
} as const;

/** Rectification's corrected fields: the identity fields, nothing else. */
const changesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    piiFields.map((f) => [f, f === 'address' ? addressSchema : { type: 'string', minLength: 1 }]),
  ),
} as const;

interface CompleteBody {
  /** Rectification: the corrected fields. */
  set?: Partial<CustomerPii>;
  /** Erasure: the external id the requester gave, looked for in plaintext by the scan too. */
  externalId?: string;
}

type ComplianceVault = Pick<VaultServices, 'compliance' | 'identity'>;

async function complete(vault: ComplianceVault, id: string, body: CompleteBody) {
  const request = await vault.compliance.requests.get(id);
  switch (request.kind) {
    case 'access': {
      const result = await vault.compliance.access(id);
      return { request: requestJson(result.request), export: result.data, page: result.html };
    }
    case 'rectification': {
      const before =
        request.customerId === undefined ? undefined : await vault.identity.readPii(request.customerId);
      const set = body.set ?? {};
      const changes =
        set.address === undefined || before === undefined
          ? set
          : { ...set, address: { ...before.address, ...set.address } };
      return { request: requestJson(await vault.compliance.rectify(id, changes)) };
    }
    case 'restriction':
    case 'objection':
      return { request: requestJson(await vault.compliance.restrict(id, request.kind)) };
    case 'erasure': {
      const outcome = await vault.compliance.erase(id, body.externalId);
      return {
        request: requestJson(await vault.compliance.requests.get(id)),
        receipt: outcome.receipt,
        receiptHash: outcome.receiptHash,
        logIndex: outcome.logIndex,
        statement: outcome.statement,
      };
    }
  }
}

export function subjectRequestRoutes(vault: ComplianceVault) {
  return (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { kind: RequestKind; regime?: RequestRegime } }>(
      '/v1/compliance/requests',
      {
        config: access,
        schema: {
          summary: 'Record a data subject request as received; its legal deadline starts now',
          tags,
          body: {
            type: 'object',
            required: ['kind'],
            additionalProperties: false,
            properties: {
              kind: { type: 'string', enum: [...requestKinds] },
              regime: { type: 'string', enum: [...requestRegimes], default: 'gdpr' },
            },
          },
          response: failures,
        },
      },
      async (request, reply) => {
        const received = await vault.compliance.requests.receive(
          request.body.kind,
          request.body.regime ?? 'gdpr',
        );
        return reply.status(201).send(requestJson(received));
      },
    );

    app.get<{ Querystring: { open?: boolean } }>(
      '/v1/compliance/requests',
      {
        config: access,
        schema: {
          summary: 'Subject requests, newest first, with their deadlines',
          tags,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { open: { type: 'boolean', description: 'only those not yet closed' } },
          },
        },
      },
      async (request) => ({
        requests: (await vault.compliance.requests.list({ open: request.query.open === true })).map(
          requestJson,
        ),
      }),
    );

    app.get(
      '/v1/compliance/requests/overdue',
      {
        config: access,
        schema: { summary: 'Open requests past their legal deadline, most overdue first', tags },
      },
      async () => ({ requests: (await vault.compliance.requests.overdue()).map(requestJson) }),
    );

    app.get<{ Params: { id: string } }>(
      '/v1/compliance/requests/:id',
      {
        config: access,
        schema: { summary: 'One subject request', tags, params: idParams, response: failures },
      },
      async (request) => requestJson(await vault.compliance.requests.get(request.params.id)),
    );

    app.post<{ Params: { id: string }; Body: { externalId: string; email?: string; dateOfBirth?: string } }>(
      '/v1/compliance/requests/:id/verify',
      {
        config: access,
        schema: {
          summary: 'Check the requester: external id and a second factor on file (email or date of birth)',
          description:
            'Checked, never stored. A mismatch does not say which part failed; three reject the request.',
          tags,
          params: idParams,
          body: {
            type: 'object',
            required: ['externalId'],
            additionalProperties: false,
            properties: {
              externalId: { type: 'string', minLength: 1, maxLength: 128 },
              email: { type: 'string', minLength: 3, maxLength: 320 },
              dateOfBirth: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            },
          },
          response: failures,
        },
      },
      async (request) => {
        const { externalId, email, dateOfBirth } = request.body;
        const verified = await vault.compliance.requests.verify(request.params.id, {
          externalId,
          ...(email === undefined ? {} : { email }),
          ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
        });
        return requestJson(verified);
      },
    );

    app.post<{ Params: { id: string }; Body: CompleteBody }>(
      '/v1/compliance/requests/:id/complete',
      {
        config: access,
        schema: {
          summary: 'Carry out a verified request',
          description:
            'access: returns the export (JSON) and its page (HTML) — personal data, for the customer only. ' +
            'rectification: `set` holds the corrected fields. restriction, objection: in force at once. ' +
            'erasure: shreds, scans, and returns the signed receipt.',
          tags,
          params: idParams,
          body: {
            type: 'object',
            additionalProperties: false,
            properties: { set: changesSchema, externalId: { type: 'string', minLength: 1, maxLength: 128 } },
          },
          response: failures,
        },
      },
      async (request) => complete(vault, request.params.id, request.body),
    );

    app.post<{ Params: { id: string }; Body: { reason: string } }>(
      '/v1/compliance/requests/:id/reject',
      {
        config: access,
        schema: {
          summary: 'Reject an open request with a reason code (e.g. manifestly-unfounded)',
          tags,
          params: idParams,
          body: {
            type: 'object',
            required: ['reason'],
            additionalProperties: false,
            properties: { reason: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' } },
          },
          response: failures,
        },
      },
      async (request) =>
        requestJson(await vault.compliance.requests.reject(request.params.id, request.body.reason)),
    );

    app.post<{ Body: { receipt: string } }>(
      '/v1/compliance/erasure-receipts/verify',
      {
        config: access,
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
      },
      async (request) => {
        const verdict = await vault.compliance.verifyErasureReceipt(request.body.receipt.trim());
        return verdict.ok
          ? { ok: true, receipt: verdict.receipt, logIndex: verdict.logIndex, treeSize: verdict.treeSize }
          : { ok: false, reason: verdict.reason };
      },
    );

    app.get(
      '/v1/compliance/retention',
      {
        config: access,
        schema: { summary: 'The retention period of each kind of data, default or configured', tags },
      },
      async () => ({ policies: await vault.compliance.retention.policies() }),
    );

    app.put<{ Params: { kind: string }; Body: { days: number | null } }>(
      '/v1/compliance/retention/:kind',
      {
        config: access,
        schema: {
          summary: 'Set the retention period of a kind of data (null returns it to the default); logged',
          tags,
          params: {
            type: 'object',
            required: ['kind'],
            properties: { kind: { type: 'string', pattern: '^[a-z_]{1,64}$' } },
          },
          body: {
            type: 'object',
            required: ['days'],
            additionalProperties: false,
            properties: { days: { type: ['integer', 'null'], minimum: 1, maximum: 36_500 } },
          },
          response: failures,
        },
      },
      async (request) =>
        vault.compliance.retention.configure(
          request.params.kind,
          request.body.days ?? undefined,
          staffOf(request).handle,
        ),
    );

    app.post(
      '/v1/compliance/retention/run',
      {
        config: access,
        schema: {
          summary: 'Delete what is past its period now (the scheduler does this daily); logged',
          tags,
        },
      },
      async () => vault.compliance.retention.run(),
    );

    app.get(
      '/v1/compliance/retention/runs',
      {
        config: access,
        schema: { summary: 'The latest retention runs and what each removed (counts only)', tags },
      },
      async () => ({ runs: await vault.compliance.retention.runs() }),
    );

    app.get<{ Querystring: { format?: 'json' | 'md' | 'csv' } }>(
      '/v1/compliance/ropa',
      {
        config: access,
        schema: {
          summary: 'Records of processing activities (GDPR Art. 30) as JSON, Markdown or CSV',
          tags,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { format: { type: 'string', enum: ['json', 'md', 'csv'], default: 'json' } },
          },
        },
      },
      async (request, reply) => {
        const records = await vault.compliance.recordsOfProcessing();
        const format = request.query.format ?? 'json';
        if (format === 'json') return records;
        const day = records.generatedAt.slice(0, 10);
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8')
          .header('content-disposition', `attachment; filename="records-of-processing-${day}.${format}"`)
          .send(format === 'csv' ? ropaCsv(records) : ropaMarkdown(records));
      },
    );

    app.get<{ Params: { campaign: string } }>(
      '/v1/compliance/fair-lending/:campaign',
      {
        config: access,
        schema: {
          summary: 'Disparate-impact summary of a credit campaign across age bands (noised, charged to you)',
          description:
            'Per group: noised audience and interested counts, selection rate and its ratio to the best-selected ' +
            'group; under 4/5 is flagged; counts under the noised k are null (suppressed). Never per person.',
          tags,
          params: {
            type: 'object',
            required: ['campaign'],
            properties: { campaign: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
          },
          response: failures,
        },
      },
      async (request) => vault.compliance.fairLending(request.params.campaign, staffOf(request).handle),
    );
    return Promise.resolve();
  };
}
