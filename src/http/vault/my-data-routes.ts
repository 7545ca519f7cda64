// "My data": a signed-in customer's own export and page, and their requests to erase, restrict or object.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { accessExport, myDataRequest, subjectRequest } from '../../contracts/subject-request.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { renderAccessPage } from '../../vault/compliance/access-page.ts';
import { customerOf } from '../auth/access-control.ts';
import { customerAccess as access, tags } from './customer-common.ts';
import { requestJson } from './subject-request-routes.ts';

type MyDataVault = Pick<VaultServices, 'compliance'>;

const exportJson = {
  config: access,
  schema: {
    summary: 'Everything the vault holds about me, as JSON (the right of access)',
    tags,
    response: { 200: accessExport, '4xx': errorBody },
  },
};

const exportPage = {
  config: access,
  schema: {
    summary: 'Everything the vault holds about me, as a page to read or print',
    tags,
    response: { 200: z.string().describe('an HTML page') },
  },
};

const myRequests = {
  config: access,
  schema: {
    summary: 'My data subject requests and where each stands',
    tags,
    response: { 200: listOf('requests', subjectRequest) },
  },
};

const ask = {
  config: access,
  schema: {
    summary: 'Ask to be erased, to restrict processing, or to object to profiling',
    description:
      'Signing in proved who I am, so the request starts verified. Restriction and objection take ' +
      'effect at once (and are completed); erasure waits for the compliance officer, who carries it ' +
      'out before the legal deadline and sends the signed receipt.',
    tags,
    body: myDataRequest,
    response: { 201: subjectRequest, '4xx': errorBody },
  },
};

type CustomerRequestBody = z.output<typeof myDataRequest>;

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
  const { kind, regime } = body;
  const received = await vault.compliance.requests.receiveFromCustomer(kind, regime, customerId);
  return kind === 'erasure' ? received : vault.compliance.restrict(received.id, kind);
}

export function myDataRoutes(vault: MyDataVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/me/data', exportJson, (request, reply) => dataAsJson(vault, customerOf(request), reply));
    app.get('/v1/me/data/page', exportPage, (request, reply) =>
      dataAsPage(vault, customerOf(request), reply),
    );
    app.get('/v1/me/requests', myRequests, async (request) => ({
      requests: (await vault.compliance.requests.ofCustomer(customerOf(request))).map(requestJson),
    }));
    app.post('/v1/me/requests', ask, async (request, reply) =>
      reply.status(201).send(requestJson(await askAsCustomer(vault, customerOf(request), request.body))),
    );
    return Promise.resolve();
  };
}
