// Regional vaults over HTTP: register a region's vault with its pinned key, list them, ask across regions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import {
  regionalAnswer,
  regionalQuestion,
  registeredVault,
  vaultRegistration,
} from '../../contracts/hub-regions.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { staffAccess } from './hub-fields.ts';

const tags = ['regions'];

const list = {
  config: staffAccess,
  schema: {
    summary: 'The vaults this hub serves, one per region, with their pinned log keys',
    tags,
    response: { 200: listOf('vaults', registeredVault), '4xx': errorBody, '5xx': errorBody },
  },
};

const register = {
  config: { access: ['operator'] } as const,
  schema: {
    summary: 'Register (or re-register) a region’s vault; it must prove the pinned key first',
    description:
      'The hub sends the vault a fresh nonce through its door; the vault signs it with its transparency ' +
      'log’s key. Registration fails with VAULT_KEY_MISMATCH unless that key is `publicKey`.',
    tags,
    body: vaultRegistration,
    response: { 201: registeredVault, '4xx': errorBody, '5xx': errorBody },
  },
};

const ask = {
  config: { access: ['marketer', 'partner', 'operator'] } as const,
  schema: {
    summary: 'Ask a question across regions: each vault’s guard answers, released parts are summed',
    description:
      'Each region’s vault charges the asker in its own budget and answers through its own guard. `count` ' +
      'is the total only when every region released its part; otherwise it is null, `released` says which ' +
      'regions its sum covers, and `missing` names the rest (suppressed, refused or unreachable).',
    tags,
    body: regionalQuestion,
    response: { 200: regionalAnswer, '4xx': errorBody, '5xx': errorBody },
  },
};

export function regionRoutes(hub: HubService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/hub/vaults', list, async () => ({ vaults: await hub.listVaults() }));
    app.post('/v1/hub/vaults', register, async (request, reply) =>
      reply.status(201).send(await hub.registerVault(request.body, staffOf(request).handle)),
    );
    app.post('/v1/hub/questions', ask, (request) => hub.askRegions(request.body, staffOf(request).handle));
    return Promise.resolve();
  };
}
