// Zod schemas as Fastify's route contracts: they validate requests, serialise responses and feed the OpenAPI
// document. A route whose schema parts are zod schemas is validated and serialised by zod; the rest (while
// routes move over) keep Fastify's JSON-schema compilers.
import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler as zodSerializerCompiler,
  validatorCompiler as zodValidatorCompiler,
} from 'fastify-type-provider-zod';
import { $ZodType } from 'zod/v4/core';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type ZodRoute = Parameters<typeof zodValidatorCompiler>[0];
// The two built-in compilers' factories are typed loosely upstream; this is what they are called with.
type Compile = (route: ZodRoute) => unknown;
type Build = (externalSchemas: unknown, options: unknown) => Compile;

/** Whether a route's schema part (body, querystring, params, headers, a response) is a zod schema. */
export const isZodSchema = (schema: unknown): schema is $ZodType => schema instanceof $ZodType;

const buildValidator: Build = (externalSchemas, ajvOptions) => {
  const ajv = (AjvCompiler() as unknown as Build)(externalSchemas, ajvOptions);
  return (route) => (isZodSchema(route.schema) ? zodValidatorCompiler(route) : ajv(route));
};

const buildSerializer: Build = (externalSchemas, serializerOptions) => {
  const json = (SerializerSelector() as unknown as Build)(externalSchemas, serializerOptions);
  return (route) => (isZodSchema(route.schema) ? zodSerializerCompiler(route) : json(route));
};

/** Fastify's schema controller option: zod where a route gives zod, JSON schema elsewhere. */
export const schemaController = {
  compilersFactory: { buildValidator, buildSerializer },
} as unknown as SchemaController;

type Transform = typeof jsonSchemaTransform;

const zodParts = (schema: Record<string, unknown>) => [
  schema.body,
  schema.querystring,
  schema.params,
  schema.headers,
  ...Object.values((schema.response ?? {}) as Record<string, unknown>),
];

/** The OpenAPI transform: zod routes are turned into JSON schema, the others pass as written. */
export const openApiTransform: Transform = (document) => {
  const schema = document.schema as Record<string, unknown> | undefined;
  if (schema === undefined || !zodParts(schema).some(isZodSchema)) {
    return { schema: document.schema, url: document.url };
  }
  return jsonSchemaTransform(document);
};
