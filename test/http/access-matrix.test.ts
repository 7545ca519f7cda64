// Every route × every role, and no credential at all: the allowed/denied matrix, written out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredRoutes } from '../../src/http/auth/access-control.ts';
import type { Role } from '../../src/http/auth/roles.ts';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { doorKey, handleOf, openHarness, type Harness } from './harness.ts';

type Caller = Role | 'door';
const callers: readonly (Caller | 'nobody')[] = [
  'nobody',
  'marketer',
  'approver',
  'partner',
  'advisor',
  'compliance',
  'operator',
  'customer',
  'door',
];

const everyone: readonly Caller[] = [
  'marketer',
  'approver',
  'partner',
  'advisor',
  'compliance',
  'operator',
  'customer',
];
const readers: readonly Caller[] = ['marketer', 'approver', 'partner', 'compliance', 'operator'];

/** Who may call what; 'public' routes need nothing. A route missing here fails the test. */
const expected: Record<string, 'public' | readonly Caller[]> = {
  'GET /health': 'public',
  'GET /ready': 'public',
  'GET /openapi.json': 'public',
  // The web console's files and pages (src/http/console-static.ts); unknown API paths still 404.
  'GET /*': 'public',
  'GET /metrics': ['operator'],
  'POST /v1/auth/session': 'public',
  'DELETE /v1/auth/session': everyone,
  'GET /v1/auth/me': everyone,
  'GET /v1/auth/demo': 'public',
  'POST /v1/auth/demo/staff': 'public',
  'POST /v1/auth/demo/customer': 'public',
  'GET /v1/db/status': ['operator', 'compliance'],
  'POST /v1/ingest': ['operator'],
  'POST /v1/import/:kind': ['operator'],
  'GET /v1/ingest/batches': ['operator', 'compliance'],
  'GET /v1/ingest/batches/:id': ['operator', 'compliance'],
  'POST /v1/questions': ['marketer', 'partner', 'operator'],
  'POST /v1/questions/check': readers,
  'GET /v1/budget': readers,
  'GET /v1/budgets/:asker': ['marketer', 'partner', 'compliance', 'operator'],
  'POST /v1/budget/requests': ['marketer', 'partner'],
  'GET /v1/budget/requests': readers,
  'POST /v1/budget/requests/:id/grant': ['approver'],
  'POST /v1/budget/requests/:id/refuse': ['approver'],
  'GET /v1/privacy/policy': readers,
  'GET /v1/models': ['marketer', 'approver', 'compliance', 'operator'],
  'GET /v1/models/:id': ['marketer', 'approver', 'compliance', 'operator'],
  'POST /v1/models/:id/card': ['marketer', 'approver', 'compliance'],
  'POST /v1/models/:id/approve': ['approver'],
  'POST /v1/models/:id/retire': ['approver', 'compliance'],
  'POST /v1/models/:id/score': ['approver', 'operator'],
  'GET /v1/me/inbox': ['customer'],
  'GET /v1/me/inbox/:message': ['customer'],
  'POST /v1/me/inbox/:message/response': ['customer'],
  'POST /v1/me/inbox/:message/connect': ['customer'],
  'GET /v1/me/leads': ['customer'],
  'POST /v1/me/leads/:lead/withdraw': ['customer'],
  'GET /v1/me/preferences': ['customer'],
  'GET /v1/me/preferences/history': ['customer'],
  'PATCH /v1/me/preferences': ['customer'],
  'PUT /v1/me/consent': ['customer'],
  'GET /v1/me/consent/receipt': ['customer'],
  'GET /v1/me/data': ['customer'],
  'GET /v1/me/data/page': ['customer'],
  'GET /v1/me/requests': ['customer'],
  'POST /v1/me/requests': ['customer'],
  // Issue 19: insights are the customer's alone; no staff role, no door, no hub route reads them.
  'GET /v1/me/insights': ['customer'],
  // Issue 21: edge mode. What every device fetches and the reports it sends need no one (and carry no cookie);
  // the customer's own facts and tokens are theirs alone; publication and results are staff's.
  'GET /v1/edge/bundle': 'public',
  'POST /v1/edge/reports': 'public',
  'GET /v1/me/edge/facts': ['customer'],
  'POST /v1/me/edge/tokens': ['customer'],
  'POST /v1/me/edge/campaigns/:id/interest': ['customer'],
  'POST /v1/edge/campaigns': ['marketer', 'partner'],
  'GET /v1/edge/campaigns': ['marketer', 'approver', 'partner', 'compliance'],
  'POST /v1/edge/campaigns/:id/withdraw': ['marketer', 'approver'],
  'GET /v1/edge/campaigns/:id/results': ['marketer', 'approver', 'partner', 'compliance'],
  'GET /v1/me/insights/messages': ['customer'],
  'GET /v1/me/insights/messages/:message': ['customer'],
  'GET /v1/leads': ['advisor'],
  'POST /v1/leads/:lead/claim': ['advisor'],
  'GET /v1/leads/:lead': ['advisor'],
  'GET /v1/my-leads': ['advisor'],
  'POST /v1/leads/:lead/status': ['advisor'],
  'POST /v1/leads/:lead/notes': ['advisor'],
  'GET /v1/audit/head': ['compliance'],
  'GET /v1/audit/entries': ['compliance'],
  'GET /v1/audit/entries/:index': ['compliance'],
  'GET /v1/audit/consistency': ['compliance'],
  'GET /v1/audit/verify': ['compliance'],
  'GET /v1/privacy/budgets': ['compliance'],
  'POST /v1/compliance/requests': ['compliance'],
  'GET /v1/compliance/requests': ['compliance'],
  'GET /v1/compliance/requests/overdue': ['compliance'],
  'GET /v1/compliance/requests/:id': ['compliance'],
  'POST /v1/compliance/requests/:id/verify': ['compliance'],
  'POST /v1/compliance/requests/:id/complete': ['compliance'],
  'POST /v1/compliance/requests/:id/reject': ['compliance'],
  'POST /v1/compliance/erasure-receipts/verify': ['compliance'],
  'GET /v1/compliance/retention': ['compliance'],
  'PUT /v1/compliance/retention/:kind': ['compliance'],
  'POST /v1/compliance/retention/run': ['compliance'],
  'GET /v1/audit/export': ['compliance'],
  'GET /v1/compliance/retention/transactions': ['compliance'],
  'POST /v1/compliance/retention/transactions': ['compliance'],
  'POST /v1/compliance/retention/aml': ['compliance'],
  'POST /v1/compliance/retention/transactions/:version/approve': ['compliance'],
  'POST /v1/compliance/retention/transactions/:version/reject': ['compliance'],
  'GET /v1/compliance/retention/runs': ['compliance'],
  'GET /v1/compliance/ropa': ['compliance'],
  'GET /v1/erasure-receipts/:receiptId': 'public',
  'GET /v1/compliance/fair-lending/:campaign': ['compliance'],
  'POST /internal/door/check': ['door'],
  'POST /internal/door/count': ['door'],
  'POST /internal/door/deliver': ['door'],
  'POST /internal/door/release-audience': ['door'],
  'POST /internal/door/results': ['door'],
  'POST /internal/door/record': ['door'],
  'POST /internal/door/kind': ['door'],
  'POST /internal/door/identify': ['door'],
  'POST /internal/door/reserve': ['door'],
  'POST /internal/door/end-reservation': ['door'],
  'POST /internal/door/round/begin': ['door'],
  'POST /internal/door/round/share': ['door'],
  'POST /internal/door/round/mask': ['door'],
  'POST /internal/door/round/unmask': ['door'],
  'POST /internal/door/round/finish': ['door'],
  'POST /internal/door/round/abort': ['door'],
  'POST /internal/door/stop': ['door'],
  'POST /v1/hub/segments/check': ['marketer', 'approver', 'partner'],
  'POST /v1/hub/segments/count': ['marketer'],
  'GET /v1/hub/segments': readers,
  'POST /v1/hub/segments': ['marketer'],
  'PUT /v1/hub/segments/:segment/offers/:offer': ['marketer'],
  'GET /v1/hub/products': readers,
  'POST /v1/hub/products': ['marketer'],
  'GET /v1/hub/offers': readers,
  'GET /v1/hub/offers/:id': readers,
  'POST /v1/hub/offers': ['marketer'],
  'GET /v1/hub/campaigns': readers,
  'POST /v1/hub/campaigns': ['marketer'],
  'POST /v1/hub/campaigns/preview': ['marketer'],
  'GET /v1/hub/campaigns/:id': readers,
  'POST /v1/hub/campaigns/:id/approve': ['approver'],
  'POST /v1/hub/campaigns/:id/refuse': ['approver'],
  'POST /v1/hub/campaigns/:id/cancel': ['marketer', 'approver'],
  'POST /v1/hub/campaigns/:id/run': ['marketer', 'operator'],
  'GET /v1/hub/campaigns/:id/results': ['marketer', 'compliance'],
  'GET /v1/hub/campaigns/:id/region-results': ['marketer', 'compliance'],
  'GET /v1/hub/staff': ['operator'],
  'GET /v1/hub/vaults': readers,
  'POST /v1/hub/vaults': ['operator'],
  'POST /v1/hub/vaults/probe': ['operator'],
  'POST /v1/hub/questions/check': ['marketer', 'partner', 'operator'],
  'GET /v1/hub/federated-rounds': readers,
  'GET /v1/hub/federated-rounds/:id': readers,
  'POST /v1/hub/federated-rounds': ['marketer'],
  'POST /v1/hub/federated-rounds/:id/approve': ['approver'],
  'POST /v1/hub/questions': ['marketer', 'partner', 'operator'],
  'POST /v1/hub/staff': ['operator'],
  'POST /v1/hub/staff/:handle/remove-roles': ['operator'],
  'POST /v1/hub/staff/:handle/disable': ['operator'],
};

const accessCodes = ['AUTH_REQUIRED', 'AUTH_FORBIDDEN', 'CSRF_INVALID'];

describe.each(testBackends)('role × route on $name', (backend) => {
  let h: Harness;
  let customerId: number;

  beforeAll(async () => {
    h = await openHarness(backend);
    [customerId] = (await h.vault.identity.createCustomers(sampleCustomers(1, 'M'))) as [number];
  }, 120_000);
  afterAll(() => h.dispose());

  const headersOf = async (caller: Caller | 'nobody'): Promise<Record<string, string>> => {
    if (caller === 'nobody') return {};
    if (caller === 'door') return { 'x-curtain-door-key': doorKey };
    if (caller === 'customer') return h.customer(customerId);
    return h.staff[caller];
  };

  const urlOf = (url: string, caller: Caller | 'nobody') =>
    url
      .replace(':asker', caller in handleOf ? handleOf[caller as keyof typeof handleOf] : 'mia')
      .replace(':index', '0')
      .replace(/:[a-z]+/g, 'x');

  it('declares every route, and only the routes of the table (the docs page is public)', () => {
    const routes = declaredRoutes(h.app).filter((r) => r.method !== 'HEAD');
    const docs = routes.filter((r) => r.url.startsWith('/docs'));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((r) => r.access === 'public')).toBe(true);
    const keys = routes.filter((r) => !r.url.startsWith('/docs')).map((r) => `${r.method} ${r.url}`);
    expect(keys.sort()).toEqual(Object.keys(expected).sort());
  });

  it('lets each caller through where the table allows, and nowhere else', async () => {
    const mismatches: string[] = [];
    for (const route of declaredRoutes(h.app)) {
      if (route.url.startsWith('/docs')) continue;
      const rule = expected[`${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`]!;
      for (const caller of callers) {
        const response = await h.inject({
          method: route.method,
          url: urlOf(route.url, caller),
          headers: { ...(await headersOf(caller)), 'content-type': 'application/json' },
          ...(['GET', 'HEAD'].includes(route.method) ? {} : { payload: '{}' }),
        });
        const code =
          response.body !== '' && String(response.headers['content-type']).startsWith('application/json')
            ? (response.json<{ error?: { code: string } }>().error?.code ?? 'ok')
            : undefined;
        const allowed = rule === 'public' || (caller !== 'nobody' && rule.includes(caller));
        const denied =
          response.statusCode === 401 ||
          (response.statusCode === 403 && (code === undefined || accessCodes.includes(code)));
        if (allowed === denied) {
          mismatches.push(`${caller} ${route.method} ${route.url}: ${response.statusCode} ${code ?? ''}`);
        }
        if (!allowed && caller === 'nobody' && route.method !== 'HEAD')
          expect(code, route.url).toBe('AUTH_REQUIRED');
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
