// Liveness, readiness and Prometheus metrics, for either role: staff request counts and latencies by route.
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const healthSchema = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok', 'unavailable'] }, engine: { type: 'string' } },
} as const;

export interface Probe {
  /** Names the database engine in /health. */
  readonly engine: string;
  /** The database answers. */
  alive(): Promise<boolean>;
  /** Ready to serve: migrated, and (for a split hub) the vault reachable. */
  ready(): Promise<boolean>;
}

/** A registry per server, with the default process metrics and HTTP request metrics. */
export function metricsRegistry(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'curtain_' });
  const requests = new Counter({
    name: 'curtain_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'curtain_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['route', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    // Customers' own requests are not counted: how many answered an offer or opened their inbox is a count
    // of customers a delivery or a response selected (issue 14, class 3).
    const access: unknown = request.routeOptions.config.access;
    if (Array.isArray(access) && access.includes('customer')) {
      done();
      return;
    }
    // The route pattern, never the URL: URLs may carry ids.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status: reply.statusCode });
    latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    done();
  });
  return registry;
}

export function operationsRoutes(probe: Probe, registry: Registry) {
  return (app: FastifyInstance): Promise<void> => {
    const tags = ['operations'];
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Liveness and database reachability',
          tags,
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        const ok = await probe.alive().catch(() => false);
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', engine: probe.engine });
      },
    );
    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Readiness: migrated and able to serve',
          tags,
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        const ok = await probe.ready().catch(() => false);
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', engine: probe.engine });
      },
    );
    app.get(
      '/metrics',
      {
        config: { access: ['operator'] },
        schema: { summary: 'Prometheus metrics (text exposition format)', tags, produces: ['text/plain'] },
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
    return Promise.resolve();
  };
}
