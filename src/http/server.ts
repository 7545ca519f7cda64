// The HTTP server: the vault and hub plugins (either or both), auth, security headers, rate limits, logs, OpenAPI.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { CurtainError } from '../core/errors.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import type { HubService } from '../hub/hub-service.ts';
import type { VaultServices } from '../vault/vault.ts';
import type { Storage } from '../storage/ports.ts';
import { migrationStatus } from '../storage/postgres-core/migrations.ts';
import { installAccessControl } from './auth/access-control.ts';
import { AccessStore } from './auth/access-store.ts';
import { authRoutes, type DemoSignIn } from './auth/auth-routes.ts';
import { consoleStatic } from './console-static.ts';
import { registerErrorMapping } from './errors.ts';
import { hubPlugin } from './hub/hub-plugin.ts';
import { metricsRegistry, operationsRoutes, type Probe } from './operations-routes.ts';
import { vaultPlugin } from './vault/vault-plugin.ts';

export interface HubPart {
  readonly service: HubService;
  /** In-process, the vault's own door; split, an HttpVaultDoor. */
  readonly door: VaultDoor;
  /** The hub's database (schema hub): staff, their keys and sessions. */
  readonly storage: Storage;
  /** Split: whether the vault answers (readiness). */
  readonly vaultReachable?: () => Promise<boolean>;
}

/** What one process serves: the vault, the hub, or both (`curtain start --role`). */
export interface ServedParts {
  readonly vault?: VaultServices;
  readonly hub?: HubPart;
}

export interface ServerOptions {
  readonly logLevel: string;
  /** Largest upload accepted by the ingest endpoint; JSON bodies are limited to 1 MiB. */
  readonly bodyLimitBytes?: number;
  /** Requests per client address and minute; false turns the limit off (tests, benchmarks). */
  readonly rateLimitPerMinute?: number | false;
  /** The key the hub presents on the vault's internal door routes (split mode). */
  readonly doorKey?: string | undefined;
  /** DEMO ONLY: the demo picker, on a generated demo bank only; the composition root decides (src/demo/). */
  readonly demo?: DemoSignIn | undefined;
  /** Where log lines go (tests capture them); standard output by default. */
  readonly logStream?: { write(line: string): void };
}

const requestId = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Logged for a request: its method and route pattern only. Paths, query strings, headers and bodies may
 * carry personal data (a mistyped email in a path is still an email).
 */
const requestLog = (request: FastifyRequest) => ({
  method: request.method,
  route: request.routeOptions?.url ?? 'unmatched',
});

function probeOf(parts: ServedParts): Probe {
  const storage = parts.vault?.storage ?? parts.hub?.storage;
  if (storage === undefined)
    throw new CurtainError('CONFIG_INVALID', 'a server serves the vault, the hub or both');
  return {
    engine: storage.description,
    alive: async () => (await storage.ping(), true),
    async ready() {
      const pending = (await migrationStatus(storage)).filter((m) => m.appliedAt === undefined);
      if (pending.length > 0) return false;
      return (await parts.hub?.vaultReachable?.()) ?? true;
    },
  };
}

export async function buildServer(parts: ServedParts, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'req.headers["x-curtain-door-key"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      serializers: { req: requestLog },
    },
    bodyLimit: 1024 * 1024,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestId.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  registerErrorMapping(app);
  const storage = parts.vault?.storage ?? parts.hub?.storage;
  if (storage === undefined)
    throw new CurtainError('CONFIG_INVALID', 'a server serves the vault, the hub or both');
  const store = new AccessStore(storage);
  // Cookies are parsed before the access check runs, so the cookie plugin comes first.
  await app.register(cookie);
  installAccessControl(app, { store, doorKey: options.doorKey, publicPrefixes: ['/docs'] });
  // Plain http on a developer's machine must keep working: no forced upgrade of the console's requests.
  await app.register(helmet, { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  if (options.rateLimitPerMinute !== false) {
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute ?? 600,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new CurtainError(
          'RATE_LIMITED',
          `too many requests: at most ${context.max} a minute; retry in ${context.after}`,
        ),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `Curtain ${parts.vault && parts.hub ? 'vault and hub' : parts.vault ? 'vault' : 'hub'} API`,
        version: '0.1.0',
        description:
          'Curtain over HTTP: every route names the roles allowed (docs/api.md). Errors carry stable codes ' +
          '(docs/errors.md). Staff authenticate with an API key (Authorization: Bearer) or a console session ' +
          '(cookie plus x-csrf-token on state-changing requests); customers with a session of their own.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'a staff API key: curtain apikey create --staff <handle>',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'curtain_session',
            description: 'a console session',
          },
          doorKey: {
            type: 'apiKey',
            in: 'header',
            name: 'x-curtain-door-key',
            description: 'the hub process only',
          },
        },
      },
      tags: [
        { name: 'auth', description: 'sessions, and the demo picker (demo banks only)' },
        { name: 'operations', description: 'health, readiness, status, metrics' },
        { name: 'ingest', description: 'statement files in, batches and quarantine out' },
        { name: 'questions', description: 'segment questions answered through the privacy guard' },
        {
          name: 'segments',
          description: 'the marketer’s segment editor: check (free), protected count (costs ε)',
        },
        { name: 'offers', description: 'products and offers' },
        { name: 'campaigns', description: 'drafted, approved by another person, run, results' },
        { name: 'staff', description: 'hub staff and roles' },
        { name: 'customer', description: 'a customer’s own inbox, answers, leads, consent and preferences' },
        { name: 'advisor', description: 'leads, and the consented reveal' },
        { name: 'compliance', description: 'transparency log, privacy budgets, consent statistics' },
        { name: 'internal', description: 'the vault door, for the hub process' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const registry = metricsRegistry(app);
  await app.register(operationsRoutes(probeOf(parts), registry));
  await app.register(authRoutes(store, options.demo));
  if (parts.vault !== undefined) {
    await app.register(
      vaultPlugin(parts.vault, {
        registry,
        ingestBodyLimit: options.bodyLimitBytes ?? 4 * 1024 * 1024 * 1024,
      }),
    );
  }
  if (parts.hub !== undefined) await app.register(hubPlugin(parts.hub.service, parts.hub.door));
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(consoleStatic());
  return app;
}
