// Compliance over HTTP: subject requests end to end, retention, records of processing, fair lending, and "my data".
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mortgageOffer } from '../responses/fixture.ts';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { openHarness, type Harness } from './harness.ts';

interface RequestJson {
  id: string;
  kind: string;
  status: string;
  outcome: Record<string, unknown> | null;
}

describe.each(testBackends)('the compliance API on $name', (backend) => {
  let h: Harness;
  const customers = sampleCustomers(4, 'K');
  let ids: number[];

  beforeAll(async () => {
    h = await openHarness(backend);
    ids = await h.vault.identity.createCustomers(customers);
  }, 120_000);
  afterAll(() => h.dispose());

  const asCompliance = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    h.inject({ method, url, headers: h.staff.compliance, ...(payload === undefined ? {} : { payload }) });

  async function verifiedRequest(kind: string, index: number): Promise<string> {
    const received = await asCompliance('POST', '/v1/compliance/requests', { kind, regime: 'gdpr' });
    expect(received.statusCode).toBe(201);
    const { id } = received.json<RequestJson>();
    const verified = await asCompliance('POST', `/v1/compliance/requests/${id}/verify`, {
      externalId: customers[index]!.externalId,
      dateOfBirth: customers[index]!.pii.dateOfBirth,
    });
    expect(verified.json<RequestJson>().status).toBe('verified');
    return id;
  }

  it('carries an access request through its lifecycle: received, verified, completed with the export', async () => {
    const id = await verifiedRequest('access', 0);
    const done = await asCompliance('POST', `/v1/compliance/requests/${id}/complete`, {});
    expect(done.statusCode).toBe(200);
    const body = done.json<{
      request: RequestJson;
      export: { identity: { email: string } };
      page: string;
    }>();
    expect(body.request.status).toBe('completed');
    expect(body.export.identity.email).toBe(customers[0]!.pii.email);
    expect(body.page).toContain(customers[0]!.pii.email);
    expect(done.body).not.toContain(customers[1]!.pii.email);
    // The internal customer id never leaves in a request.
    const one = await asCompliance('GET', `/v1/compliance/requests/${id}`);
    expect(one.body).not.toMatch(/customerId|customer_id/);
    const list = await asCompliance('GET', '/v1/compliance/requests');
    expect(list.json<{ requests: RequestJson[] }>().requests.map((r) => r.id)).toContain(id);
    const open = await asCompliance('GET', '/v1/compliance/requests?open=true');
    expect(open.json<{ requests: RequestJson[] }>().requests.map((r) => r.id)).not.toContain(id);
    const overdue = await asCompliance('GET', '/v1/compliance/requests/overdue');
    expect(overdue.json()).toEqual({ requests: [] });
  });

  it('refuses a wrong identity claim without saying which part failed, and rejects with a reason code', async () => {
    const received = await asCompliance('POST', '/v1/compliance/requests', { kind: 'erasure' });
    const { id } = received.json<RequestJson>();
    const wrong = await asCompliance('POST', `/v1/compliance/requests/${id}/verify`, {
      externalId: customers[1]!.externalId,
      dateOfBirth: '1901-01-01',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: 'SUBJECT_NOT_VERIFIED' } });
    const early = await asCompliance('POST', `/v1/compliance/requests/${id}/complete`, {});
    expect(early.json()).toMatchObject({ error: { code: 'SUBJECT_REQUEST_STATE' } });
    const rejected = await asCompliance('POST', `/v1/compliance/requests/${id}/reject`, {
      reason: 'manifestly-unfounded',
    });
    expect(rejected.json<RequestJson>().status).toBe('rejected');
  });

  it('rectifies over the API and erases with a receipt the API then verifies', async () => {
    const rectify = await verifiedRequest('rectification', 2);
    const rectified = await asCompliance('POST', `/v1/compliance/requests/${rectify}/complete`, {
      set: { phone: '+44 7700 900777', address: { city: 'Springfield' } },
    });
    expect(rectified.json<{ request: RequestJson }>().request.outcome).toEqual({
      fields: ['phone', 'address'],
    });
    const pii = await h.vault.identity.readPii(ids[2]!);
    expect(pii.address).toEqual({ ...customers[2]!.pii.address, city: 'Springfield' });

    const erase = await verifiedRequest('erasure', 3);
    const erased = await asCompliance('POST', `/v1/compliance/requests/${erase}/complete`, {
      externalId: customers[3]!.externalId,
    });
    expect(erased.statusCode).toBe(200);
    const { receipt } = erased.json<{ receipt: string }>();
    const verdict = await asCompliance('POST', '/v1/compliance/erasure-receipts/verify', { receipt });
    expect(verdict.json()).toMatchObject({ ok: true, receipt: { requestId: erase } });
    const forged = `${receipt.slice(0, -4)}AAAA`;
    const refused = await asCompliance('POST', '/v1/compliance/erasure-receipts/verify', { receipt: forged });
    expect(refused.json()).toMatchObject({ ok: false });
  });

  it('shows, sets and runs retention, and lists the runs', async () => {
    const shown = await asCompliance('GET', '/v1/compliance/retention');
    const kinds = shown.json<{ policies: { kind: string }[] }>().policies.map((p) => p.kind);
    expect(kinds).toContain('transactions');
    const set = await asCompliance('PUT', '/v1/compliance/retention/inbox', { days: 400 });
    expect(set.json()).toMatchObject({ kind: 'inbox', days: 400, source: 'configured' });
    const reset = await asCompliance('PUT', '/v1/compliance/retention/inbox', { days: null });
    expect(reset.json()).toMatchObject({ kind: 'inbox', source: 'default' });
    const unknown = await asCompliance('PUT', '/v1/compliance/retention/everything', { days: 3 });
    expect(unknown.statusCode).toBe(400);
    const run = await asCompliance('POST', '/v1/compliance/retention/run');
    const { runId } = run.json<{ runId: number }>();
    const runs = await asCompliance('GET', '/v1/compliance/retention/runs');
    expect(runs.json<{ runs: { id: number }[] }>().runs.map((r) => r.id)).toContain(runId);
  });

  it('changes the anti-money-laundering period: longer at once, shorter only proposed, never approved by its proposer', async () => {
    const longer = await asCompliance('POST', '/v1/compliance/retention/aml', {
      years: 7,
      reason: 'regulator',
    });
    expect(longer.json()).toMatchObject({ version: { amlYears: 7, subject: 'aml', status: 'active' } });
    const shorter = await asCompliance('POST', '/v1/compliance/retention/aml', {
      years: 2,
      reason: 'policy',
    });
    const change = shorter.json<{ version: { version: number; status: string }; customersToErase: number }>();
    expect(change.version.status).toBe('proposed');
    expect(change.customersToErase).toEqual(expect.any(Number));
    const own = await asCompliance(
      'POST',
      `/v1/compliance/retention/transactions/${change.version.version}/approve`,
    );
    expect(own.statusCode).toBeGreaterThanOrEqual(400);
    const shown = await asCompliance('GET', '/v1/compliance/retention/transactions');
    expect(shown.json()).toMatchObject({ active: { amlYears: 7 } });
    const outOfBounds = await asCompliance('POST', '/v1/compliance/retention/aml', { years: 0, reason: 'x' });
    expect(outOfBounds.json()).toMatchObject({ error: { code: 'USAGE' } });
    expect(outOfBounds.json<{ error: { message: string } }>().error.message).toContain('body.years');
  });

  it('downloads the records of processing as JSON, Markdown and CSV', async () => {
    const json = await asCompliance('GET', '/v1/compliance/ropa');
    expect(json.json()).toMatchObject({ controller: expect.any(String) as unknown });
    const md = await asCompliance('GET', '/v1/compliance/ropa?format=md');
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toMatch(/records-of-processing-.*\.md/);
    const csv = await asCompliance('GET', '/v1/compliance/ropa?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n').length).toBeGreaterThan(2);
  });

  it('gives the fair-lending report to compliance only', async () => {
    const campaignId = randomUUID();
    await h.vault.storage.query(
      `INSERT INTO delivery_runs (campaign_id, requested_by, purpose, audience, explanation, offer, channels, state)
       VALUES ($1, 'mia', 'credit_offers', 'seg', 'why', $2::jsonb, '{inbox}', 'finished')`,
      [campaignId, JSON.stringify(mortgageOffer)],
    );
    const report = await asCompliance('GET', `/v1/compliance/fair-lending/${campaignId}`);
    expect(report.statusCode).toBe(200);
    // Too few customers for any band: every group is suppressed, none flagged.
    const groups = report.json<{ groups: { suppressed: boolean; flagged: boolean }[] }>().groups;
    expect(groups).toHaveLength(4);
    expect(groups.every((g) => g.suppressed && !g.flagged)).toBe(true);
    for (const role of ['marketer', 'approver', 'partner', 'advisor', 'operator'] as const) {
      const denied = await h.inject({
        method: 'GET',
        url: `/v1/compliance/fair-lending/${campaignId}`,
        headers: h.staff[role],
      });
      expect(denied.statusCode, role).toBe(403);
    }
    const customer = await h.inject({
      method: 'GET',
      url: `/v1/compliance/fair-lending/${campaignId}`,
      headers: await h.customer(ids[0]!),
    });
    expect(customer.statusCode).toBe(403);
  });

  it('gives a customer their own data as JSON and as a page, and nobody else’s', async () => {
    const alice = await h.customer(ids[0]!);
    const data = await h.inject({ method: 'GET', url: '/v1/me/data', headers: alice });
    expect(data.statusCode).toBe(200);
    expect(data.headers['cache-control']).toBe('no-store');
    expect(data.json<{ identity: { email: string } }>().identity.email).toBe(customers[0]!.pii.email);
    expect(data.body).not.toContain(customers[1]!.pii.email);
    const page = await h.inject({ method: 'GET', url: '/v1/me/data/page', headers: alice });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(customers[0]!.pii.email);
    expect(page.body).not.toContain(customers[1]!.pii.email);
    const staff = await h.inject({ method: 'GET', url: '/v1/me/data', headers: h.staff.compliance });
    expect(staff.statusCode).toBe(403);
  });

  it('takes a customer’s objection at once and queues their erasure for the officer, verified', async () => {
    const bob = await h.customer(ids[1]!);
    const objection = await h.inject({
      method: 'POST',
      url: '/v1/me/requests',
      headers: bob,
      payload: { kind: 'objection' },
    });
    expect(objection.statusCode).toBe(201);
    expect(objection.json<RequestJson>()).toMatchObject({ kind: 'objection', status: 'completed' });
    const { rows } = await h.vault.storage.query<{ reason: string }>(
      'SELECT reason FROM processing_restrictions WHERE customer_id = $1 AND lifted_at IS NULL',
      [ids[1]],
    );
    expect(rows.map((r) => r.reason)).toEqual(['objection']);

    const erasure = await h.inject({
      method: 'POST',
      url: '/v1/me/requests',
      headers: bob,
      payload: { kind: 'erasure', regime: 'ccpa' },
    });
    const queued = erasure.json<RequestJson>();
    expect(queued).toMatchObject({ kind: 'erasure', status: 'verified' });
    const open = await asCompliance('GET', '/v1/compliance/requests?open=true');
    expect(open.json<{ requests: RequestJson[] }>().requests.map((r) => r.id)).toContain(queued.id);

    const mine = await h.inject({ method: 'GET', url: '/v1/me/requests', headers: bob });
    expect(
      mine
        .json<{ requests: RequestJson[] }>()
        .requests.map((r) => r.kind)
        .sort(),
    ).toEqual(['erasure', 'objection']);
    const others = await h.inject({
      method: 'GET',
      url: '/v1/me/requests',
      headers: await h.customer(ids[0]!),
    });
    expect(others.json<{ requests: RequestJson[] }>().requests.map((r) => r.id)).not.toContain(queued.id);
    // Access is the export itself; rectification goes through the officer.
    const access = await h.inject({
      method: 'POST',
      url: '/v1/me/requests',
      headers: bob,
      payload: { kind: 'access' },
    });
    expect(access.statusCode).toBe(400);
  });
});
