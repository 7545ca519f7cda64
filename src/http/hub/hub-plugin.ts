// The hub's HTTP API as one plugin, a route module per resource; it reaches the vault only through the door.
import type { FastifyInstance } from 'fastify';
import type { VaultDoor } from '../../core/vault-door.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { campaignRoutes } from './campaign-routes.ts';
import { offerRoutes } from './offer-routes.ts';
import { productRoutes } from './product-routes.ts';
import { regionRoutes } from './region-routes.ts';
import { federatedRoundRoutes } from './federated-round-routes.ts';
import { segmentRoutes } from './segment-routes.ts';
import { staffRoutes } from './staff-routes.ts';

export function hubPlugin(hub: HubService, door: VaultDoor) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(segmentRoutes(hub, door));
    await app.register(productRoutes(hub));
    await app.register(offerRoutes(hub));
    await app.register(campaignRoutes(hub));
    await app.register(staffRoutes(hub));
    await app.register(regionRoutes(hub));
    await app.register(federatedRoundRoutes(hub));
  };
}
