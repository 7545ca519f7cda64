// The hub's HTTP API as one plugin; it reaches the vault only through the door it is given.
import type { FastifyInstance } from 'fastify';
import type { VaultDoor } from '../../core/vault-door.ts';
import type { HubService } from '../../hub/hub-service.ts';
import { hubRoutes } from './hub-routes.ts';

export function hubPlugin(hub: HubService, door: VaultDoor) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(hubRoutes(hub, door));
  };
}
