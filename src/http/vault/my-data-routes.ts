// "My data": a signed-in customer's own export and page, and their requests to erase, restrict or object.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { VaultServices } from '../../vault/vault.ts';
import { renderAccessPage } from '../../vault/compliance/access-page.ts';
import { requestRegimes, type RequestRegime } from '../../vault/compliance/deadlines.ts';
import { customerOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { requestJson } from './subject-request-routes.ts';

const tags = ['customer'];
const access = { access: ['customer'] } as const;
const customerKinds = ['erasure', 'restriction', 'objection'] as const;

type MyDataVault = Pick<VaultServices, 'compliance'>;

const exportJson = {
  config: access,
  schema: {
    summary: 'Everything the vault holds about me, as JSON (the right of access)',
    tags,
    response: { '4xx': errorSchema },
  },
} as const;

const exportPage = {
  config: access,
  schema: { summary: 'Everything the vault holds about me, as a page to read or print', tags },
} as const;

const myRequests = {
  config: access,
  schema: { summary: 'My data subject requests and where each stands', tags },
} as const;

const ask = {
  config: access,
  schema: {
    summary: 'Ask to be erased, to restrict processing, or to object to profiling',
    description:
      'Signing in proved who I am, so the request starts verified. Restriction and objection take ' +
      'effect at once (and are completed); erasure waits for the compliance officer, who carries it ' +
      'out before the legal deadline and sends the signed receipt.',
    tags,
    body: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: [...customerKinds] },
        regime: { type: 'string', enum: [...requestRegimes], default: 'gdpr' },
      },
    },
    response: { '4xx': errorSchema },
  },
} as const;

type CustomerRequestBody = { kind: (typeof customerKinds)[number]; regime?: RequestRegime };

async function dataAsJson(vault: MyDataVault, customerId: number, reply: FastifyReply) {
  const data = await vault.compliance.exportCustomer(customerId);
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="my-data-${data.generatedAt.slice(0, 10)}.json"`)
    .send(data);
}

async function dataAsPage(vault: MyDataVault, customerId: number, reply: FastifyReply) {
  const data = await vault.compliance.exportCustomer(customerId);
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .send(renderAccessPage(data));
}

/** Signing in proved who asks: the request starts verified; restriction and objection take effect at once. */
async function askAsCustomer(vault: MyDataVault, customerId: number, body: CustomerRequestBody) {
  const { kind, regime = 'gdpr' } = body;
  const received = await vault.compliance.requests.receiveFromCustomer(kind, regime, customerId);
  return kind === 'erasure' ? received : vault.compliance.restrict(received.id, kind);
}

export function myDataRoutes(vault: MyDataVault) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/me/data', exportJson, (request, reply) => dataAsJson(vault, customerOf(request), reply));
    app.get('/v1/me/data/page', exportPage, (request, reply) =>
      dataAsPage(vault, customerOf(request), reply),
    );
    app.get('/v1/me/requests', myRequests, async (request) => ({
      requests: (await vault.compliance.requests.ofCustomer(customerOf(request))).map(requestJson),
    }));
    app.post<{ Body: CustomerRequestBody }>('/v1/me/requests', ask, async (request, reply) =>
      reply.status(201).send(requestJson(await askAsCustomer(vault, customerOf(request), request.body))),
    );
    return Promise.resolve();
  };
}
