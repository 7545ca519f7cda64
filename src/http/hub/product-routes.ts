// Products over HTTP: the bank's and its partners' products that offers are made for.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { product, productInput } from '../../contracts/hub-catalogue.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { marketerAccess, staffAccess } from './hub-fields.ts';

const tags = ['offers'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'Products of the bank and partners',
    tags,
    response: { 200: listOf('products', product) },
  },
};

const add = {
  config: marketerAccess,
  schema: {
    summary: 'Add a product',
    tags,
    body: productInput,
    response: { 201: product, '4xx': errorBody },
  },
};

export function productRoutes(hub: HubService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/hub/products', list, async () => ({ products: await hub.listProducts() }));
    app.post('/v1/hub/products', add, async (request, reply) =>
      reply.status(201).send(await hub.addProduct(request.body, staffOf(request).handle)),
    );
    return Promise.resolve();
  };
}
