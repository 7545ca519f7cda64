// Zod schemas as Fastify's route contracts: they validate requests, serialise responses and feed the OpenAPI
// document. Every route's schema parts are zod schemas from src/contracts; a route given anything else fails at
// start-up, so no second, hand-written copy of a contract can creep back in.
import type { FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler as zodSerializerCompiler,
  validatorCompiler as zodValidatorCompiler,
} from 'fastify-type-provider-zod';
import { $ZodType } from 'zod/v4/core';
import { CurtainError } from '../core/errors.ts';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type ZodRoute = Parameters<typeof zodValidatorCompiler>[0];
type Compile = (route: ZodRoute) => unknown;

/** Whether a route's schema part (body, querystring, params, headers, a response) is a zod schema. */
export const isZodSchema = (schema: unknown): schema is $ZodType => schema instanceof $ZodType;

/** Refuses a route schema that is not zod: a contract lives in src/contracts, once. */
const onlyZod =
  (compile: Compile): Compile =>
  (route) => {
    if (!isZodSchema(route.schema)) {
      throw new CurtainError(
        'CONFIG_INVALID',
        `route ${route.method} ${route.url}: its ${route.httpPart ?? 'response'} schema is not a zod schema ` +
          '(contracts live in src/contracts)',
      );
    }
    return compile(route);
  };

/** Fastify's schema controller option: zod validates every request part and serialises every answer. */
export const schemaController = {
  compilersFactory: {
    buildValidator: () => onlyZod(zodValidatorCompiler),
    buildSerializer: () => onlyZod((route) => zodSerializerCompiler(route)),
  },
} as unknown as SchemaController;

/** The OpenAPI transform: zod schemas turned into JSON schema; routes with no schema pass as they are. */
export const openApiTransform: typeof jsonSchemaTransform = (document) =>
  document.schema === undefined
    ? { schema: document.schema, url: document.url }
    : jsonSchemaTransform(document);
