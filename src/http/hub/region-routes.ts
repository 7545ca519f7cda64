// Regional vaults over HTTP: register a region's vault with its pinned key, list them, ask across regions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Gauge, type Registry } from 'prom-client';
import { errorBody, listOf } from '../../contracts/common.ts';
import {
  regionalAnswer,
  regionalCheck,
  regionalQuestion,
  registeredVault,
  vaultProbe,
  vaultRegistration,
} from '../../contracts/hub-regions.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { staffOf } from '../auth/access-control.ts';
import { staffAccess } from './hub-fields.ts';

const tags = ['regions'];

const list = {
  config: staffAccess,
  schema: {
    summary:
      'The vaults this hub serves, one per region, with their pinned log keys and when each was last reached',
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

const probe = {
  config: { access: ['operator'] } as const,
  schema: {
    summary:
      'Probe every registered vault now: each must prove its pinned key; records when each was reached',
    description:
      'Costs nothing and reads no data. A vault that does not answer, answers late or cannot prove its key ' +
      'is marked unreachable since the first such failure after it was last reached.',
    tags,
    response: { 200: vaultProbe, '4xx': errorBody, '5xx': errorBody },
  },
};

const check = {
  config: { access: ['marketer', 'partner', 'operator'] } as const,
  schema: {
    summary: 'Check a question in each region (free): what a new count would charge there, before asking',
    description:
      'Each region’s vault checks the question against its own catalogue and policy and says what a new ' +
      'count would charge in its own budget (a repeat is free). A region that cannot be reached is named.',
    tags,
    body: regionalQuestion,
    response: { 200: regionalCheck, '4xx': errorBody, '5xx': errorBody },
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
    app.post('/v1/hub/vaults/probe', probe, (request) => hub.probeVaults(staffOf(request).handle));
    app.post('/v1/hub/questions/check', check, (request) =>
      hub.checkRegions(request.body, staffOf(request).handle),
    );
    app.post('/v1/hub/questions', ask, (request) => hub.askRegions(request.body, staffOf(request).handle));
    return Promise.resolve();
  };
}

/**
 * Each registered vault's reach as Prometheus gauges, read from the hub's table at every scrape: whether the
 * latest call reached it, and when it was last reached (an alert on `time() - last_seen` needs no new code).
 */
export function regionMetrics(registry: Registry, hub: HubService): void {
  new Gauge({
    name: 'curtain_hub_vault_up',
    help: 'Whether the hub’s latest door call or probe reached the region’s vault (1) or not (0)',
    labelNames: ['region'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const vault of await hub.listVaults()) {
        this.set({ region: vault.region }, vault.reach.status === 'reachable' ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'curtain_hub_vault_last_seen_timestamp_seconds',
    help: 'When the hub last reached the region’s vault (Unix time); absent when never',
    labelNames: ['region'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const vault of await hub.listVaults()) {
        const seen = vault.reach.lastSeenAt;
        if (seen !== null) this.set({ region: vault.region }, Date.parse(seen) / 1000);
      }
    },
  });
}
