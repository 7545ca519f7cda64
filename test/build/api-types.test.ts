// The console's generated API types match the served OpenAPI document, and a change to a schema shows in them.
import { readFile } from 'node:fs/promises';
import type { OpenAPI3 } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiTypesFile, generateApiTypes, servedOpenApiDocument } from '../../scripts/api-types.ts';

type Json = Record<string, unknown>;

/** The JSON schema GET /v1/auth/me answers with, inside a copy of the document (following its $ref). */
const meSchema = (document: OpenAPI3): Json => {
  const paths = document.paths as Json;
  const reply = (((paths['/v1/auth/me'] as Json)['get'] as Json)['responses'] as Json)['200'] as Json;
  const schema = ((reply['content'] as Json)['application/json'] as Json)['schema'] as Json;
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return ((document.components as Json)['schemas'] as Json)[name] as Json;
};

describe('generated console API types', () => {
  let document: OpenAPI3;
  let generated: string;

  // Builds the whole server and runs openapi-typescript: tens of seconds on a loaded machine.
  beforeAll(async () => {
    document = await servedOpenApiDocument();
    generated = await generateApiTypes(document);
  }, 180_000);

  it('are up to date with the served document', async () => {
    const committed = await readFile(apiTypesFile, 'utf8');
    expect(committed === generated, 'console/src/api/schema.gen.ts is stale: run npm run api:types').toBe(
      true,
    );
  });

  it('come out the same from the same document', async () => {
    expect(await generateApiTypes(structuredClone(document))).toBe(generated);
  });

  it('change when a schema gains an enum value or a field', async () => {
    const withEnumValue = structuredClone(document);
    const kind = (meSchema(withEnumValue)['properties'] as Json)['kind'] as { enum: string[] };
    kind.enum.push('auditor-from-the-test');
    const enumOutput = await generateApiTypes(withEnumValue);
    expect(enumOutput).not.toBe(generated);
    expect(enumOutput).toContain("'auditor-from-the-test'");
    expect(generated).not.toContain('auditor-from-the-test');

    const withField = structuredClone(document);
    (meSchema(withField)['properties'] as Json)['fieldFromTheTest'] = { type: 'string' };
    const fieldOutput = await generateApiTypes(withField);
    expect(fieldOutput).not.toBe(generated);
    expect(fieldOutput).toContain('fieldFromTheTest');
  });
});
