// The vault's query strings and paths are zod contracts: text is coerced where a number is meant, and a value
// out of its schema is refused with USAGE naming the field, before any service runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from './harness.ts';

describe.each(testBackends)('query-string and path contracts on $name', (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend);
  }, 120_000);
  afterAll(() => h.dispose());

  const get = (url: string, role: 'compliance' | 'operator' = 'compliance') =>
    h.inject({ method: 'GET', url, headers: h.staff[role] });

  const refusal = (response: { statusCode: number; json(): unknown }) => {
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('USAGE');
    return error.message;
  };

  it('takes numbers from the query string as numbers, with their defaults', async () => {
    const page = await get('/v1/audit/entries?from=0&limit=1');
    expect(page.statusCode).toBe(200);
    expect(page.json<{ entries: unknown[] }>().entries.length).toBeLessThanOrEqual(1);
    expect((await get('/v1/audit/entries')).statusCode).toBe(200);
  });

  it('refuses a negative or too large page size, naming the field', async () => {
    expect(refusal(await get('/v1/audit/entries?limit=-1'))).toMatch(/^querystring\.limit: /);
    expect(refusal(await get('/v1/audit/entries?limit=501'))).toMatch(/^querystring\.limit: /);
    expect(refusal(await get('/v1/audit/export?limit=10001'))).toMatch(/^querystring\.limit: /);
    expect(refusal(await get('/v1/audit/consistency?from=-3'))).toMatch(/^querystring\.from: /);
  });

  it('refuses an unknown query parameter and a format out of its list', async () => {
    expect(refusal(await get('/v1/audit/entries?page=2'))).toMatch(/^querystring: .*"page"/);
    expect(refusal(await get('/v1/compliance/ropa?format=pdf'))).toMatch(/^querystring\.format: /);
  });

  it('refuses a non-numeric batch id, retention version or log index, naming the path parameter', async () => {
    expect(refusal(await get('/v1/ingest/batches/abc', 'operator'))).toMatch(/^params\.id: /);
    expect(refusal(await get('/v1/ingest/batches/0', 'operator'))).toMatch(/^params\.id: /);
    expect(refusal(await get('/v1/audit/entries/first'))).toMatch(/^params\.index: /);
    const approve = await h.inject({
      method: 'POST',
      url: '/v1/compliance/retention/transactions/x/approve',
      headers: h.staff.compliance,
    });
    expect(refusal(approve)).toMatch(/^params\.version: /);
    const unknownBatch = await get('/v1/ingest/batches/999999', 'operator');
    expect(unknownBatch.statusCode).toBe(404);
  });

  it('refuses an upload whose query string is out of its schema before reading the file', async () => {
    const upload = (query: string) =>
      h.inject({
        method: 'POST',
        url: `/v1/ingest?${query}`,
        headers: { ...h.staff.operator, 'content-type': 'text/csv' },
        payload: 'date,amount\n',
      });
    expect(refusal(await upload('source=a.csv&resume=-1'))).toMatch(/^querystring\.resume: /);
    expect(refusal(await upload('source=a.csv&currency=euro'))).toMatch(/^querystring\.currency: /);
    expect(refusal(await upload('format=csv'))).toMatch(/^querystring\.source: /);
    const imported = await h.inject({
      method: 'POST',
      url: '/v1/import/pets?source=a.csv',
      headers: { ...h.staff.operator, 'content-type': 'text/csv' },
      payload: 'id\n',
    });
    expect(refusal(imported)).toMatch(/^params\.kind: /);
  });
});
