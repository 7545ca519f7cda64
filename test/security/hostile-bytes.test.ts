// Class 8 of issue 14: no byte crashes a request. Control characters and invalid encodings in statements,
// JSON bodies, query strings, path parameters and headers give a quarantined row or a 4xx, never INTERNAL.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstControlCharacter } from '../../src/core/control-characters.ts';
import type { StatementEvent, StatementFormat } from '../../src/core/transaction.ts';
import { declaredRoutes } from '../../src/http/auth/access-control.ts';
import { parseCsvMapping, type CsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { parsers } from '../../src/vault/ingest/formats/index.ts';
import { IngestBatchStore } from '../../src/vault/ingest/batch-store.ts';
import { doorKey, openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { createTestVault } from '../support/test-vault.ts';

const seed = 1414;
const fixtures = join(import.meta.dirname, '../fixtures/statements');

/** Bytes a hostile file may hold: C0 controls, DEL, bytes no UTF-8 text has, an encoded surrogate. */
const hostileBytes = fc.oneof(
  fc.constantFrom(
    [0x00],
    [0x01],
    [0x08],
    [0x0b],
    [0x1b],
    [0x7f],
    [0xff],
    [0xc3],
    [0xed, 0xa0, 0x80],
    [0xfe, 0xff],
  ),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => [...bytes]),
);

/** Characters a hostile request may hold, among ordinary ones. */
const hostileText = (minLength = 0, maxLength = 12) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\ud800', '\udfff', '\u000b'),
      fc.constantFrom('a', 'Z', '7', ' ', 'é', '-', '.'),
    ),
    minLength: Math.max(1, minLength),
    maxLength: Math.max(1, Math.min(maxLength, 12)),
  });

function mappingOf(json: string): CsvMapping {
  const parsed = parseCsvMapping(JSON.parse(json) as unknown);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

async function eventsOf(format: StatementFormat, bytes: Uint8Array, mapping?: CsvMapping) {
  const events: StatementEvent[] = [];
  const input = Readable.from([Buffer.from(bytes)]);
  for await (const event of parsers[format](input, mapping === undefined ? {} : { mapping }))
    events.push(event);
  return events;
}

/** Every text an event would store; none may hold a control character or U+FFFD (an undecodable byte). */
function storedTexts(event: StatementEvent): string[] {
  switch (event.kind) {
    case 'transaction':
      return Object.values({
        ...event.transaction,
        ...event.transaction.account,
        location: undefined,
      }).filter((v): v is string => typeof v === 'string');
    case 'account':
      return [event.account.value, event.account.bankId ?? '', event.ownerName ?? ''];
    case 'balance':
      return [event.balance.account.value, event.balance.account.bankId ?? ''];
    case 'reject':
      return [event.reject.field, event.reject.reason, event.reject.excerpt ?? ''];
    case 'notice':
      return [event.notice.message];
  }
}

describe('statement parsers quarantine hostile bytes row by row', () => {
  const samples: [StatementFormat, string, string?][] = [
    ['csv', 'csv/generated-bank.csv', 'csv/generated-bank.mapping.json'],
    ['camt053', 'camt053-curtain/camt053.v5.card-and-salary.xml'],
    ['ofx', 'ofx/bank_small.ofx'],
    ['fdx', 'fdx/bare-transactions.json'],
  ];

  it.each(samples)(
    '%s: never throws, and stores no control character or undecodable byte',
    async (format, file, mappingFile) => {
      const bytes = await readFile(join(fixtures, file));
      const mapping =
        mappingFile === undefined
          ? undefined
          : mappingOf(await readFile(join(fixtures, mappingFile), 'utf8'));
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: bytes.length }), hostileBytes, async (at, inserted) => {
          const hostile = Buffer.concat([bytes.subarray(0, at), Buffer.from(inserted), bytes.subarray(at)]);
          for (const event of await eventsOf(format, hostile, mapping)) {
            for (const text of storedTexts(event)) {
              expect(firstControlCharacter(text)).toBeUndefined();
              if (event.kind !== 'reject' && event.kind !== 'notice') expect(text).not.toContain('\uFFFD');
            }
          }
        }),
        { seed, numRuns: 100 },
      );
    },
  );
});

describe.each(testBackends)('hostile statements in storage on $name', (backend) => {
  it('quarantines the rows holding a NUL, an escape or invalid UTF-8, with line and field, and keeps the rest', async () => {
    const vault = await createTestVault(backend);
    try {
      const header =
        'account_iban,booking_date,value_date,amount,currency,merchant,mcc,description,counterparty_name,counterparty_iban,reference\n';
      const row = (n: number, merchant: Buffer) =>
        Buffer.concat([
          Buffer.from(`DE89370400440532013000,2024-01-0${n},2024-01-0${n},-4.2${n},EUR,`),
          merchant,
          Buffer.from(`,5411,Card payment,,,TX-H${n}\n`),
        ]);
      const file = Buffer.concat([
        Buffer.from(header),
        row(1, Buffer.from('REWE Markt')),
        row(2, Buffer.from('REWE\u0000Markt')),
        row(3, Buffer.from('Shop\u001b[31m')),
        row(4, Buffer.from([0x4b, 0xff, 0xfe, 0x41])),
        row(5, Buffer.from('Bäckerei')),
      ]);
      const mapping = mappingOf(await readFile(join(fixtures, 'csv/generated-bank.mapping.json'), 'utf8'));
      const summary = await vault.ingest.ingestStream(Readable.from([file]), {
        sourceName: 'hostile.csv',
        format: 'csv',
        mapping,
      });
      expect(summary).toMatchObject({ status: 'partial', read: 5, stored: 2, quarantined: 3 });
      const detail = await new IngestBatchStore(vault.storage).withQuarantine(summary.batchId);
      expect(detail?.quarantine.map((q) => [q.location, q.field, q.reason_code])).toEqual([
        ['line 3', 'merchantName', 'text.control'],
        ['line 4', 'merchantName', 'text.control'],
        ['line 5', 'merchantName', 'text.encoding'],
      ]);
    } finally {
      await vault.dispose();
    }
  });
});

/** Every byte of the text's UTF-8 percent-encoded (a lone surrogate becomes U+FFFD's bytes). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Values that pass a route's schema, with hostile characters in every free text. */
function valueOf(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || depth > 4) return fc.constant(null);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties === undefined ? undefined : 'object')) {
    case 'string':
      if (schema.format === 'date') return fc.constant('2026-12-01');
      if (schema.format === 'date-time') return fc.constant('2026-12-01T09:00:00Z');
      if (schema.pattern !== undefined)
        return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), hostileText());
      return hostileText(schema.minLength, schema.maxLength);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueOf(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object':
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([k, s]) => [k, valueOf(s, depth + 1)]),
        ),
        { requiredKeys: (schema.required ?? []).filter((key) => key in (schema.properties ?? {})) },
      );
    default:
      return fc.constant(null);
  }
}

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}

describe.each(testBackends)('hostile requests on $name', (backend) => {
  let h: Harness;
  let routes: { method: string; url: string; body: Schema | undefined; headers: Record<string, string> }[];

  beforeAll(async () => {
    h = await openHarness(backend);
    const [customerId] = await h.vault.identity.createCustomers(sampleCustomers(1, 'B'));
    const customer = await h.customer(customerId!);
    await h.app.ready();
    const spec = h.app.swagger() as unknown as OpenApi;
    routes = declaredRoutes(h.app)
      .filter((r) => !['HEAD', 'GET', 'DELETE'].includes(r.method) && !r.url.startsWith('/docs'))
      .filter((r) => r.url !== '/v1/ingest')
      .map((r) => {
        const path = r.url.replace(/:(\w+)/g, '{$1}');
        const operation = spec.paths[path]?.[r.method.toLowerCase()];
        const body = operation?.requestBody?.content?.['application/json']?.schema;
        const access = r.access;
        const headers =
          access === 'public'
            ? {}
            : access === 'door'
              ? { 'x-curtain-door-key': doorKey }
              : access.includes('customer')
                ? customer
                : h.staff[access[0] as keyof Harness['staff']];
        return { method: r.method, url: r.url, body, headers };
      });
  }, 120_000);
  afterAll(async () => h.dispose());

  function expectNoCrash(response: { statusCode: number; body: string }, what: string) {
    expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(500);
    expect(response.body, what).not.toContain('INTERNAL');
    expect(firstControlCharacter(response.body), what).toBeUndefined();
  }

  it('every route’s body: schema-shaped JSON with control characters and lone surrogates', async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(valueOf(route.body), fc.constantFrom('x', 'a\u0000b'), async (body, param) => {
          const url = route.url.replace(/:(\w+)/g, () => encodeURIComponent(param));
          const response = await h.inject({
            method: route.method,
            url,
            headers: { ...route.headers, 'content-type': 'application/json' },
            payload: JSON.stringify(body ?? {}),
          });
          expectNoCrash(response, `${route.method} ${url}`);
        }),
        { seed, numRuns: 8 },
      );
    }
  }, 120_000);

  it('bodies that are not UTF-8, query strings and headers with control characters: a 4xx with a stable code', async () => {
    const segments = { ...h.staff.marketer, 'content-type': 'application/json' };
    const notUtf8 = await h.inject({
      method: 'POST',
      url: '/v1/hub/segments',
      headers: segments,
      payload: Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('","expression":"true","purpose":"bank_offers"}'),
      ]),
    });
    expect(notUtf8.json()).toEqual({ error: { code: 'INPUT_INVALID', message: 'body: not valid UTF-8' } });
    const nul = await h.inject({
      method: 'POST',
      url: '/v1/hub/products',
      headers: segments,
      payload: JSON.stringify({ code: 'savings-x', name: 'Saver\u0000', provider: 'bank', credit: false }),
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({
      error: { code: 'INPUT_INVALID', message: expect.stringContaining('body.name') as string },
    });

    await fc.assert(
      fc.asyncProperty(
        hostileText(),
        fc.constantFrom('', '%ff%fe', '%ed%a0%80', '%c3'),
        async (text, raw) => {
          const q = percentEncoded(text) + raw;
          for (const url of ['/v1/leads', '/v1/ingest/batches', '/v1/compliance/ropa', '/v1/hub/campaigns']) {
            const query = await h.inject({
              method: 'GET',
              url: `${url}?partner=${q}&format=${q}&status=${q}`,
              headers: h.staff.operator,
            });
            expectNoCrash(query, url);
          }
          const headed = await h.inject({
            method: 'GET',
            url: '/v1/auth/me',
            headers: {
              authorization: `Bearer ${text}`,
              'x-request-id': text,
              cookie: `curtain_session=${q}`,
            },
          });
          expectNoCrash(headed, 'headers');
        },
      ),
      { seed, numRuns: 40 },
    );
  }, 60_000);
});
