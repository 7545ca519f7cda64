// Signing in and out: a console session from an API key, and, on a demo bank only, a demo picker.
import type { FastifyInstance } from 'fastify';
import type { AccessStore } from './access-store.ts';
import { demoSignInRoutes, type DemoSignIn } from './demo-sign-in-routes.ts';
import { sessionRoutes } from './session-routes.ts';

export function authRoutes(store: AccessStore, demo: DemoSignIn | undefined) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(sessionRoutes(store));
    await app.register(demoSignInRoutes(store, demo));
  };
}
