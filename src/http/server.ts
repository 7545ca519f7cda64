// The HTTP server: one Fastify plugin per service, pino logs, errors mapped in one place.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Vault } from '../main.ts';
import { registerErrorMapping } from './errors.ts';
import { healthRoutes } from './health-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';

export interface ServerOptions {
  readonly logLevel: string;
  /** Largest upload accepted by the ingest endpoint. */
  readonly bodyLimitBytes?: number;
}

export async function buildServer(vault: Vault, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.bodyLimitBytes ?? 4 * 1024 * 1024 * 1024,
  });
  registerErrorMapping(app);
  await app.register(healthRoutes(vault));
  await app.register(ingestRoutes(vault));
  return app;
}
