// "My data": a signed-in customer's own export and page, and their requests to erase, restrict or object.
import type { FastifyInstance } from 'fastify';
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

export function myDataRoutes(vault: MyDataVault) {
  return (app: FastifyInstance): Promise<void> => {
    app.get(
      '/v1/me/data',
      {
        config: access,
        schema: {
          summary: 'Everything the vault holds about me, as JSON (the right of access)',
          tags,
          response: { '4xx': errorSchema },
        },
      },
      async (request, reply) => {
        const data = await vault.compliance.exportCustomer(customerOf(request));
        return reply
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="my-data-${data.generatedAt.slice(0, 10)}.json"`,
          )
          .send(data);
      },
    );

    app.get(
      '/v1/me/data/page',
      {
        config: access,
        schema: { summary: 'Everything the vault holds about me, as a page to read or print', tags },
      },
      async (request, reply) => {
        const data = await vault.compliance.exportCustomer(customerOf(request));
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(renderAccessPage(data));
      },
    );

    app.get(
      '/v1/me/requests',
      {
        config: access,
        schema: { summary: 'My data subject requests and where each stands', tags },
      },
      async (request) => ({
        requests: (await vault.compliance.requests.ofCustomer(customerOf(request))).map(requestJson),
      }),
    );

    app.post<{ Body: { kind: (typeof customerKinds)[number]; regime?: RequestRegime } }>(
      '/v1/me/requests',
      {
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
      },
      async (request, reply) => {
        const { kind, regime = 'gdpr' } = request.body;
        const received = await vault.compliance.requests.receiveFromCustomer(
          kind,
          regime,
          customerOf(request),
        );
        const result = kind === 'erasure' ? received : await vault.compliance.restrict(received.id, kind);
        return reply.status(201).send(requestJson(result));
      },
    );
    return Promise.resolve();
  };
}
