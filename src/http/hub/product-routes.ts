// Products over HTTP: the bank's and its partners' products that offers are made for.
import type { FastifyInstance } from 'fastify';
import type { Product } from '../../hub/catalogue.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { code, marketerAccess, staffAccess, text } from './hub-fields.ts';
import { listOf, productSchema } from './hub-schemas.ts';

const tags = ['offers'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'Products of the bank and partners',
    tags,
    response: { 200: listOf('products', productSchema) },
  },
} as const;

const add = {
  config: marketerAccess,
  schema: {
    summary: 'Add a product',
    tags,
    body: {
      type: 'object',
      required: ['code', 'name', 'provider', 'credit'],
      additionalProperties: false,
      properties: { code, name: text(120), provider: code, credit: { type: 'boolean' } },
    },
    response: { 201: productSchema, '4xx': errorSchema },
  },
} as const;

export function productRoutes(hub: HubService) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/hub/products', list, async () => ({ products: await hub.listProducts() }));
    app.post<{ Body: Product }>('/v1/hub/products', add, async (request, reply) =>
      reply.status(201).send(await hub.addProduct(request.body, staffOf(request).handle)),
    );
    return Promise.resolve();
  };
}
