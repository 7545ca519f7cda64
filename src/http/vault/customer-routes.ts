// A customer's own door: their inbox, answers, leads, consent and preferences; never anyone else's.
import type { FastifyInstance } from 'fastify';
import type { VaultServices } from '../../vault/vault.ts';
import { consentRoutes } from './consent-routes.ts';
import { customerLeadRoutes } from './customer-lead-routes.ts';
import { inboxRoutes } from './inbox-routes.ts';
import { preferenceRoutes } from './preference-routes.ts';

export function customerRoutes(
  vault: Pick<
    VaultServices,
    'inbox' | 'responses' | 'insights' | 'consent' | 'preferences' | 'identity' | 'audit'
  >,
) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(inboxRoutes(vault));
    await app.register(customerLeadRoutes(vault));
    await app.register(preferenceRoutes(vault));
    await app.register(consentRoutes(vault));
  };
}
