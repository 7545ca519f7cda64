// The HTTP server: one Fastify plugin per service, pino logs, errors mapped in one place, OpenAPI at /openapi.json.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { VaultServices } from '../main.ts';
import { registerErrorMapping } from './errors.ts';
import { healthRoutes } from './health-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { questionRoutes } from './question-routes.ts';

export interface ServerOptions {
  readonly logLevel: string;
  /** Largest upload accepted by the ingest endpoint. */
  readonly bodyLimitBytes?: number;
}

export async function buildServer(vault: VaultServices, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.bodyLimitBytes ?? 4 * 1024 * 1024 * 1024,
  });
  registerErrorMapping(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Curtain vault API',
        version: '0.1.0',
        description:
          'The vault of Curtain: ingest, status and operations. Errors carry stable codes (docs/errors.md).',
      },
      tags: [
        { name: 'operations', description: 'health, status, metrics' },
        { name: 'ingest', description: 'statement files in, batches and quarantine out' },
        { name: 'questions', description: 'segment questions answered through the privacy guard' },
      ],
    },
  });
  await app.register(healthRoutes(vault));
  await app.register(ingestRoutes(vault));
  await app.register(questionRoutes(vault));
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return app;
}
