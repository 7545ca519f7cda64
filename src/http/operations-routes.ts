// Liveness, readiness and Prometheus metrics, for either role: staff request counts and latencies by route.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { health, textBody } from '../contracts/operations.ts';

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
    // Nor the look-ups of erasure receipts: how many ask is about how many were erased.
    const uncounted = request.routeOptions.url?.startsWith('/v1/erasure-receipts/') === true;
    if (uncounted || (Array.isArray(access) && access.includes('customer'))) {
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
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['operations'];
    app.get(
      '/health',
      {
        config: { access: 'public' } as const,
        schema: {
          summary: 'Liveness and database reachability',
          tags,
          response: { 200: health, 503: health },
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
        config: { access: 'public' } as const,
        schema: {
          summary: 'Readiness: migrated and able to serve',
          tags,
          response: { 200: health, 503: health },
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
        config: { access: ['operator'] } as const,
        schema: {
          summary: 'Prometheus metrics (text exposition format)',
          tags,
          produces: ['text/plain'],
          response: { 200: textBody.describe('Prometheus text exposition format') },
        },
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
    return Promise.resolve();
  };
}
