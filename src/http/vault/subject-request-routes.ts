// Data subject requests over HTTP: received, verified, carried out or rejected, each against its legal deadline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import {
  newSubjectRequest,
  requestCompleted,
  requestCompletion,
  requesterClaim,
  requestParams,
  requestRejection,
  subjectRequest,
  subjectRequestFilter,
  type IdentityChanges,
  type RequestCompletion,
} from '../../contracts/subject-request.ts';
import type { CustomerPii, PostalAddress } from '../../core/identity.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { SubjectRequest } from '../../vault/compliance/subject-requests.ts';

const tags = ['compliance'];
const access = { access: ['compliance'] } as const;
const failures = { '4xx': errorBody };

/** A request as the API shows it: the internal customer id never leaves. */
export const requestJson = (request: SubjectRequest) => ({
  id: request.id,
  kind: request.kind,
  regime: request.regime,
  status: request.status,
  receivedAt: request.receivedAt,
  dueAt: request.dueAt,
  verifiedAt: request.verifiedAt ?? null,
  closedAt: request.closedAt ?? null,
  rejection: request.rejection ?? null,
  rejectionNote: request.rejectionNote ?? null,
  receiptId: request.receiptId ?? null,
  outcome: request.outcome ?? null,
});

/** The corrected fields; a partial address is completed from the one on file. */
function rectified(set: IdentityChanges, before: CustomerPii | undefined): Partial<CustomerPii> {
  const { address, ...fields } = set;
  const changes = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<CustomerPii>;
  return address === undefined
    ? changes
    : { ...changes, address: { ...before?.address, ...address } as PostalAddress };
}

type ComplianceVault = Pick<VaultServices, 'compliance' | 'identity'>;

async function complete(vault: ComplianceVault, id: string, body: RequestCompletion) {
  const request = await vault.compliance.requests.get(id);
  switch (request.kind) {
    case 'access': {
      const result = await vault.compliance.access(id);
      return { request: requestJson(result.request), export: result.data, page: result.html };
    }
    case 'rectification': {
      const before =
        request.customerId === undefined ? undefined : await vault.identity.readPii(request.customerId);
      const changes = rectified(body.set ?? {}, before);
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
    body: newSubjectRequest,
    response: { 201: subjectRequest, ...failures },
  },
};

const list = {
  config: access,
  schema: {
    summary: 'Subject requests, newest first, with their deadlines',
    tags,
    querystring: subjectRequestFilter,
    response: { 200: listOf('requests', subjectRequest), ...failures },
  },
};

const overdue = {
  config: access,
  schema: {
    summary: 'Open requests past their legal deadline, most overdue first',
    tags,
    response: { 200: listOf('requests', subjectRequest) },
  },
};

const one = {
  config: access,
  schema: {
    summary: 'One subject request',
    tags,
    params: requestParams,
    response: { 200: subjectRequest, ...failures },
  },
};

const verify = {
  config: access,
  schema: {
    summary: 'Check the requester: external id and a second factor on file (email or date of birth)',
    description:
      'Checked, never stored. A mismatch does not say which part failed; three reject the request.',
    tags,
    params: requestParams,
    body: requesterClaim,
    response: { 200: subjectRequest, ...failures },
  },
};

const carryOut = {
  config: access,
  schema: {
    summary: 'Carry out a verified request',
    description:
      'access: returns the export (JSON) and its page (HTML) — personal data, for the customer only. ' +
      'rectification: `set` holds the corrected fields. restriction, objection: in force at once. ' +
      'erasure: shreds, scans, and returns the signed receipt.',
    tags,
    params: requestParams,
    body: requestCompletion,
    response: { 200: requestCompleted, ...failures },
  },
};

const reject = {
  config: access,
  schema: {
    summary: 'Reject an open request for a lawful reason (e.g. manifestly-unfounded), with a note',
    description:
      'The reason is one of the lawful ones (GDPR Art. 12(5), 17(3), 18(1), 21(1); CCPA §1798.105(d)); the ' +
      'note is kept with the request and shown to the requester, never written to the transparency log.',
    tags,
    params: requestParams,
    body: requestRejection,
    response: { 200: subjectRequest, ...failures },
  },
};

type VerifyBody = z.output<typeof requesterClaim>;

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
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const requests = vault.compliance.requests;
    app.post('/v1/compliance/requests', receive, async (request, reply) => {
      const received = await requests.receive(request.body.kind, request.body.regime);
      return reply.status(201).send(requestJson(received));
    });
    app.get('/v1/compliance/requests', list, async (request) => ({
      requests: (await requests.list({ open: request.query.open === true })).map(requestJson),
    }));
    app.get('/v1/compliance/requests/overdue', overdue, async () => ({
      requests: (await requests.overdue()).map(requestJson),
    }));
    app.get('/v1/compliance/requests/:id', one, async (request) =>
      requestJson(await requests.get(request.params.id)),
    );
    app.post('/v1/compliance/requests/:id/verify', verify, (request) =>
      verifyRequester(vault, request.params.id, request.body),
    );
    app.post('/v1/compliance/requests/:id/complete', carryOut, (request) =>
      complete(vault, request.params.id, request.body),
    );
    app.post('/v1/compliance/requests/:id/reject', reject, async (request) =>
      requestJson(await requests.reject(request.params.id, request.body.reason, request.body.note)),
    );
    return Promise.resolve();
  };
}
