// A vault and hub served in-process on a test backend, with an API key per demo role and customer sessions.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openHub } from '../../src/app/hub-process.ts';
import { type VaultServices, type VaultSettings } from '../../src/app/vault-process.ts';
import { seedDemoHub } from '../../src/demo/demo-hub.ts';
import { demoSignIn } from '../../src/demo/demo-sign-in.ts';
import type { HubService } from '../../src/hub/hub-service.ts';
import { AccessStore } from '../../src/http/auth/access-store.ts';
import type { Role } from '../../src/http/auth/roles.ts';
import { buildServer, type ServerOptions } from '../../src/http/server.ts';
import type { TestBackend } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

/** The demo staff: one handle per staff role (src/demo/demo-hub.ts), plus a partner. */
export const handleOf = {
  marketer: 'mia',
  approver: 'rui',
  partner: 'pia',
  advisor: 'ada',
  compliance: 'cleo',
  operator: 'otto',
} as const satisfies Record<Exclude<Role, 'customer'>, string>;

export const doorKey = 'door-key-for-tests-0123456789abcdef0123';

export interface Harness {
  readonly vault: VaultServices & { dispose(): Promise<void> };
  readonly hub: HubService;
  readonly app: FastifyInstance;
  readonly store: AccessStore;
  /** Authorization headers of each staff role's API key. */
  readonly staff: Record<keyof typeof handleOf, Record<string, string>>;
  /** Cookie and CSRF headers of a new session of the customer. */
  customer(customerId: number): Promise<Record<string, string>>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  dispose(): Promise<void>;
}

export async function openHarness(
  backend: TestBackend,
  options: Omit<Partial<ServerOptions>, 'demo'> & { readonly demo?: boolean } = {},
  settings: Partial<VaultSettings> = {},
): Promise<Harness> {
  const { demo, ...serverOptions } = options;
  const vault = await createTestVault(backend, settings);
  const hub = openHub(vault, settings.now);
  await seedDemoHub(hub);
  await hub.addStaff(handleOf.partner, ['partner']);
  const app = await buildServer(
    { vault, hub: { service: hub, door: vault.door, storage: vault.storage } },
    {
      logLevel: 'silent',
      rateLimitPerMinute: false,
      doorKey,
      ...serverOptions,
      demo: demoSignIn(demo === true, vault.door, vault),
    },
  );
  const store = new AccessStore(vault.storage);
  const staff = {} as Record<keyof typeof handleOf, Record<string, string>>;
  for (const [role, handle] of Object.entries(handleOf) as [keyof typeof handleOf, string][]) {
    const { key } = await store.createApiKey(handle, 'tests');
    staff[role] = { authorization: `Bearer ${key}` };
  }
  return {
    vault,
    hub,
    app,
    store,
    staff,
    async customer(customerId) {
      const session = await store.openCustomerSession(customerId);
      return { cookie: `curtain_session=${session.token}`, 'x-csrf-token': session.csrfToken };
    },
    inject: (request) => app.inject(request),
    async dispose() {
      await app.close();
      await vault.dispose();
    },
  };
}
