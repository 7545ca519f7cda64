// The HTTP server: the vault and hub plugins (either or both), auth, security headers, rate limits, logs, OpenAPI.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { CurtainError } from '../core/errors.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import type { HubService } from '../hub/hub-service.ts';
import type { VaultServices } from '../vault/vault.ts';
import type { Storage } from '../storage/ports.ts';
import { migrationStatus } from '../storage/postgres-core/migrations.ts';
import { installAccessControl } from './auth/access-control.ts';
import { AccessStore } from './auth/access-store.ts';
import { authRoutes } from './auth/auth-routes.ts';
import type { DemoSignIn } from './auth/demo-sign-in-routes.ts';
import { consoleStatic } from './console-static.ts';
import { registerErrorMapping } from './errors.ts';
import { installInputGuard } from './input-guard.ts';
import { hubPlugin } from './hub/hub-plugin.ts';
import { registerOpenApi } from './openapi.ts';
import { schemaController } from './schema-compilers.ts';
import { regionMetrics } from './hub/region-routes.ts';
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

/** "body.frequencyCap.days" from the part ("body") and a JSON pointer ("/frequencyCap/days"). */
const whereIn = (part: string, pointer: string | undefined) => {
  const path = (pointer ?? '').replace(/^\//, '').replaceAll('/', '.');
  return path === '' ? part : `${part}.${path}`;
};

/**
 * Logged for a request: its method and route pattern only. Paths, query strings, headers and bodies may
 * carry personal data (a mistyped email in a path is still an email).
 */
const requestLog = (request: FastifyRequest) => ({
  method: request.method,
  route: request.routeOptions?.url ?? 'unmatched',
});

/** The database the server reads credentials from and probes: the vault's when it serves one, else the hub's. */
function storageOf(parts: ServedParts): Storage {
  const storage = parts.vault?.storage ?? parts.hub?.storage;
  if (storage === undefined)
    throw new CurtainError('CONFIG_INVALID', 'a server serves the vault, the hub or both');
  return storage;
}

function probeOf(parts: ServedParts): Probe {
  const storage = storageOf(parts);
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

/** Fastify with its logger (secrets redacted, no URLs), the 1 MiB JSON limit and request ids. */
function createApp(options: ServerOptions): FastifyInstance {
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
    schemaController,
    // "body.name: at most 120 characters", one clause per problem, for zod and JSON-schema routes alike.
    schemaErrorFormatter: (errors, dataVar) =>
      new Error(
        errors.map((e) => `${whereIn(dataVar, e.instancePath)}: ${e.message ?? 'invalid'}`).join('; '),
      ),
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
  installInputGuard(app);
  return app;
}

/** Cookies, the access check, security headers and the rate limit, before any route. */
async function registerProtection(app: FastifyInstance, store: AccessStore, options: ServerOptions) {
  // Cookies are parsed before the access check runs, so the cookie plugin comes first.
  await app.register(cookie);
  installAccessControl(app, { store, doorKey: options.doorKey, publicPrefixes: ['/docs'] });
  // Plain http on a developer's machine must keep working: no forced upgrade of the console's requests.
  await app.register(helmet, { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  if (options.rateLimitPerMinute === false) return;
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

async function registerRoutes(
  app: FastifyInstance,
  parts: ServedParts,
  options: ServerOptions,
  store: AccessStore,
) {
  const registry = metricsRegistry(app);
  await app.register(operationsRoutes(probeOf(parts), registry));
  await app.register(authRoutes(store, options.demo));
  if (parts.vault !== undefined) {
    const ingestBodyLimit = options.bodyLimitBytes ?? 4 * 1024 * 1024 * 1024;
    await app.register(vaultPlugin(parts.vault, { registry, ingestBodyLimit }));
  }
  if (parts.hub !== undefined) {
    regionMetrics(registry, parts.hub.service);
    await app.register(hubPlugin(parts.hub.service, parts.hub.door));
  }
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(consoleStatic());
}

export async function buildServer(parts: ServedParts, options: ServerOptions): Promise<FastifyInstance> {
  const app = createApp(options);
  const store = new AccessStore(storageOf(parts));
  await registerProtection(app, store, options);
  await registerOpenApi(app, { vault: parts.vault !== undefined, hub: parts.hub !== undefined });
  await registerRoutes(app, parts, options, store);
  return app;
}
