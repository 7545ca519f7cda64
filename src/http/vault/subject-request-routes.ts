// Data subject requests over HTTP: received, verified, carried out or rejected, each against its legal deadline.
import type { FastifyInstance } from 'fastify';
import { piiFields, type CustomerPii } from '../../core/identity.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { requestRegimes, type RequestRegime } from '../../vault/compliance/deadlines.ts';
import {
  requestKinds,
  type RequestKind,
  type SubjectRequest,
} from '../../vault/compliance/subject-requests.ts';
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

const receive = {
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
} as const;

const list = {
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
} as const;

const overdue = {
  config: access,
  schema: { summary: 'Open requests past their legal deadline, most overdue first', tags },
} as const;

const one = {
  config: access,
  schema: { summary: 'One subject request', tags, params: idParams, response: failures },
} as const;

const verify = {
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
} as const;

const carryOut = {
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
} as const;

const reject = {
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
} as const;

interface VerifyBody {
  externalId: string;
  email?: string;
  dateOfBirth?: string;
}

async function verifyRequester(vault: ComplianceVault, id: string, body: VerifyBody) {
  const { externalId, email, dateOfBirth } = body;
  const verified = await vault.compliance.requests.verify(id, {
    externalId,
    ...(email === undefined ? {} : { email }),
    ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
  });
  return requestJson(verified);
}

export function subjectRequestRoutes(vault: ComplianceVault) {
  return (app: FastifyInstance): Promise<void> => {
    const requests = vault.compliance.requests;
    app.post<{ Body: { kind: RequestKind; regime?: RequestRegime } }>(
      '/v1/compliance/requests',
      receive,
      async (request, reply) => {
        const received = await requests.receive(request.body.kind, request.body.regime ?? 'gdpr');
        return reply.status(201).send(requestJson(received));
      },
    );
    app.get<{ Querystring: { open?: boolean } }>('/v1/compliance/requests', list, async (request) => ({
      requests: (await requests.list({ open: request.query.open === true })).map(requestJson),
    }));
    app.get('/v1/compliance/requests/overdue', overdue, async () => ({
      requests: (await requests.overdue()).map(requestJson),
    }));
    app.get<{ Params: { id: string } }>('/v1/compliance/requests/:id', one, async (request) =>
      requestJson(await requests.get(request.params.id)),
    );
    app.post<{ Params: { id: string }; Body: VerifyBody }>(
      '/v1/compliance/requests/:id/verify',
      verify,
      (request) => verifyRequester(vault, request.params.id, request.body),
    );
    app.post<{ Params: { id: string }; Body: CompleteBody }>(
      '/v1/compliance/requests/:id/complete',
      carryOut,
      (request) => complete(vault, request.params.id, request.body),
    );
    app.post<{ Params: { id: string }; Body: { reason: string } }>(
      '/v1/compliance/requests/:id/reject',
      reject,
      async (request) => requestJson(await requests.reject(request.params.id, request.body.reason)),
    );
    return Promise.resolve();
  };
}
