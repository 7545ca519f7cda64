// The OpenAPI document: title, security schemes and tags of the served API, and the docs page at /docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { openApiTransform } from './schema-compilers.ts';

/** Which parts the document describes: the vault, the hub, or both. */
export interface DocumentedParts {
  readonly vault: boolean;
  readonly hub: boolean;
}

const description =
  'Curtain over HTTP: every route names the roles allowed (docs/api.md). Errors carry stable codes ' +
  '(docs/errors.md). Staff authenticate with an API key (Authorization: Bearer) or a console session ' +
  '(cookie plus x-csrf-token on state-changing requests); customers with a session of their own.';

const securitySchemes = {
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
} as const;

const tags = [
  { name: 'auth', description: 'sessions, and the demo picker (demo banks only)' },
  { name: 'operations', description: 'health, readiness, status, metrics' },
  { name: 'ingest', description: 'statement files in, batches and quarantine out' },
  { name: 'questions', description: 'segment questions answered through the privacy guard' },
  { name: 'segments', description: 'the marketer’s segment editor: check (free), protected count (costs ε)' },
  { name: 'offers', description: 'products and offers' },
  { name: 'campaigns', description: 'drafted, approved by another person, run, results' },
  { name: 'staff', description: 'hub staff and roles' },
  { name: 'regions', description: 'the vaults one hub serves, and questions across regions' },
  { name: 'customer', description: 'a customer’s own inbox, answers, leads, consent and preferences' },
  { name: 'advisor', description: 'leads, and the consented reveal' },
  { name: 'compliance', description: 'transparency log, privacy budgets, consent statistics' },
  {
    name: 'models',
    description: 'propensity model versions: cards (noised, charged), two-person approval, retirement',
  },
  { name: 'internal', description: 'the vault door, for the hub process' },
];

const titleOf = (parts: DocumentedParts) =>
  `Curtain ${parts.vault && parts.hub ? 'vault and hub' : parts.vault ? 'vault' : 'hub'} API`;

/** Registers the document generator before any route, so that every route registered later is in it. */
export async function registerOpenApi(app: FastifyInstance, parts: DocumentedParts): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: titleOf(parts), version: '0.1.0', description },
      components: { securitySchemes },
      tags,
    },
    transform: openApiTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
