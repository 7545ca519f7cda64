// Every hub limit is read from its zod contract: the route accepts the limit, refuses one more, and the OpenAPI
// document states the same value. Changing a contract's limit moves the route and the document together.
//
// How it was checked to fail when they diverge: with the service refusing campaign names over 100 characters
// (the route's contract still saying 120), "NewCampaign name" failed at the limit (HUB_INVALID instead of 201);
// with the offer route's body swapped for a copy whose title allowed 121 characters, "NewOffer title" failed at
// one more (the route let it through to the service, 422) and the document test failed on POST /v1/hub/offers.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { productInput, offerInput } from '../../src/contracts/hub-catalogue.ts';
import { campaignInput } from '../../src/contracts/hub-campaigns.ts';
import { segmentInput, segmentQuestion } from '../../src/contracts/hub-segments.ts';
import { releasableGroups } from '../../src/core/taxonomy.ts';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from './harness.ts';

type Json = Record<string, unknown>;
type Keyword = 'maxLength' | 'maxItems' | 'maximum';

/** `node`, or what its `$ref` (a JSON pointer into `root`) points at. */
function resolved(root: Json, node: Json): Json {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((at, key) => at[key] as Json, root);
  return resolved(root, target);
}

/** The JSON schema at `path` (property names) inside `schema`, following references within `root`. */
const at = (root: Json, schema: Json, path: readonly string[]): Json =>
  path.reduce<Json>(
    (node, key) => resolved(root, (resolved(root, node)['properties'] as Record<string, Json>)[key]!),
    resolved(root, schema),
  );

/** The limit a contract sets at `path`, and which keyword sets it: read from the schema itself. */
function limitOf(contract: z.ZodType, path: readonly string[]): { keyword: Keyword; value: number } {
  const root = z.toJSONSchema(contract, { io: 'input' }) as Json;
  const node = at(root, root, path);
  for (const keyword of ['maxLength', 'maxItems', 'maximum'] as const) {
    const value = node[keyword];
    if (typeof value === 'number') return { keyword, value };
  }
  throw new Error(`no limit at ${path.join('.')}`);
}

let serial = 0;
/** Text of exactly `n` characters that the hub accepts (no PII, nothing to trim), different each time. */
const words = (n: number) => `${++serial} save more each month${'.'.repeat(n)}`.slice(0, n);
const everyone = 'count(within: 30d) > 0';
/** A segment expression of exactly `n` characters: `everyone` with spaces inside. */
const padded = (n: number) => `count(within: 30d) >${' '.repeat(n - everyone.length + 1)}0`;

interface Case {
  readonly component: string;
  readonly contract: z.ZodType;
  readonly path: readonly string[];
  readonly url: string;
  readonly status: number;
  /** The request with the limited field at `size` (characters, items or the number itself). */
  readonly body: (size: number) => Json;
}

describe.each(testBackends)('hub contract limits on $name', (backend) => {
  let h: Harness;
  const offers: string[] = [];
  const interests = [...releasableGroups];

  const as = (request: InjectOptions) => h.inject({ ...request, headers: h.staff.marketer });
  const post = (url: string, body: Json) => as({ method: 'POST', url, payload: body });
  const newOffer = (fields: Json = {}): Json => ({
    productCode: 'limits-savings',
    title: 'Save more',
    body: 'A savings account.',
    callToAction: 'Open one',
    category: 'savings',
    validUntil: '2099-12-31',
    interests: ['food'],
    ...fields,
  });
  const newCampaign = (fields: Json = {}): Json => ({
    name: 'Limits',
    offerId: offers[0],
    audience: everyone,
    startsAt: '2030-01-01T00:00:00Z',
    ...fields,
  });

  beforeAll(async () => {
    h = await openHarness(backend);
    const product = { code: 'limits-savings', name: 'Savings', provider: 'bank', credit: false };
    expect((await post('/v1/hub/products', product)).statusCode).toBe(201);
    for (let i = 0; i < 18; i++) {
      offers.push((await post('/v1/hub/offers', newOffer())).json<{ id: string }>().id);
    }
  });
  afterAll(() => h.dispose());

  const cases: Case[] = [
    {
      component: 'NewProduct',
      contract: productInput,
      path: ['name'],
      url: '/v1/hub/products',
      status: 201,
      body: (n) => ({ code: `limits-${++serial}`, name: words(n), provider: 'bank', credit: false }),
    },
    ...(['title', 'body', 'callToAction'] as const).map((field) => ({
      component: 'NewOffer',
      contract: offerInput,
      path: [field],
      url: '/v1/hub/offers',
      status: 201,
      body: (n: number) => newOffer({ [field]: words(n) }),
    })),
    {
      component: 'NewOffer',
      contract: offerInput,
      path: ['interests'],
      url: '/v1/hub/offers',
      status: 201,
      // One more than every group can only repeat one: the limit still counts it.
      body: (n) => newOffer({ interests: [...interests, ...interests].slice(0, n) }),
    },
    {
      component: 'NewSegment',
      contract: segmentInput,
      path: ['name'],
      url: '/v1/hub/segments',
      status: 201,
      body: (n) => ({ name: words(n), expression: everyone, purpose: 'bank_offers' }),
    },
    {
      component: 'NewSegment',
      contract: segmentInput,
      path: ['expression'],
      url: '/v1/hub/segments',
      status: 201,
      body: (n) => ({ name: words(40), expression: padded(n), purpose: 'bank_offers' }),
    },
    {
      component: 'SegmentQuestion',
      contract: segmentQuestion,
      path: ['expression'],
      url: '/v1/hub/segments/check',
      status: 200,
      body: (n) => ({ expression: padded(n), purpose: 'bank_offers' }),
    },
    ...(
      [
        [['name'], (n: number) => ({ name: words(n) })],
        [['audience'], (n: number) => ({ audience: padded(n) })],
        [['alsoOffers'], (n: number) => ({ alsoOffers: offers.slice(1, n + 1) })],
        [['frequencyCap', 'messages'], (n: number) => ({ frequencyCap: { messages: n, days: 30 } })],
        [['frequencyCap', 'days'], (n: number) => ({ frequencyCap: { messages: 1, days: n } })],
        [['maxMessages'], (n: number) => ({ maxMessages: n })],
      ] as const
    ).map(([path, fields]) => ({
      component: 'NewCampaign',
      contract: campaignInput,
      path,
      url: '/v1/hub/campaigns',
      status: 201,
      body: (n: number) => newCampaign(fields(n)),
    })),
  ];

  it.each(cases)('$component $path: the route takes the limit, refuses one more', async (c) => {
    const { value } = limitOf(c.contract, c.path);
    const atLimit = await post(c.url, c.body(value));
    expect(atLimit.json(), `at the limit ${value}`).not.toHaveProperty('error');
    expect(atLimit.statusCode).toBe(c.status);
    const over = await post(c.url, c.body(value + 1));
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({
      error: { code: 'USAGE', message: expect.stringContaining(`body.${c.path.join('.')}: `) as unknown },
    });
  });

  it('has the hub service refuse what the route refuses, with the same schema (the CLI path)', async () => {
    const { value } = limitOf(campaignInput, ['name']);
    const draft = { offerId: offers[0]!, audience: everyone, startsAt: new Date('2030-01-01T00:00:00Z') };
    const made = await h.hub.createCampaign({ ...draft, name: words(value) }, 'mia');
    expect(made.name).toHaveLength(value);
    await expect(h.hub.createCampaign({ ...draft, name: words(value + 1) }, 'mia')).rejects.toMatchObject({
      code: 'HUB_INVALID',
      message: expect.stringContaining(`name: at most ${value} characters`) as unknown,
    });
  });

  it('states each limit in the OpenAPI document, for the route and its named component, as the contract does', async () => {
    const spec = (await h.inject({ method: 'GET', url: '/openapi.json' })).json<
      Json & { paths: Record<string, { post: Json }>; components: { schemas: Record<string, Json> } }
    >();
    for (const c of cases) {
      const { keyword, value } = limitOf(c.contract, c.path);
      const where = `${c.component}.${c.path.join('.')}`;
      const body = spec.paths[c.url]!.post['requestBody'] as { content: Record<string, { schema: Json }> };
      const routeBody = at(spec, body.content['application/json']!.schema, c.path);
      expect(routeBody[keyword], `${where} in POST ${c.url}`).toBe(value);
      // A request body is the input variant of its named component.
      const component = at(spec, spec.components.schemas[`${c.component}Input`]!, c.path);
      expect(component[keyword], where).toBe(value);
    }
  });
});
