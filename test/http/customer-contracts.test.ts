// The customer, advisor, subject-request and sign-in routes' zod contracts: bad input refused with USAGE naming
// the field, answers checked against their schemas, and the OpenAPI document naming what the console reads.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { deliver } from '../responses/fixture.ts';
import { openHarness, type Harness } from './harness.ts';

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
  components: { schemas: Record<string, unknown> };
}

const refusal = (code: string, message: RegExp) => ({
  error: { code, message: expect.stringMatching(message) as unknown },
});

describe.each(testBackends)('the customer contracts on $name', (backend) => {
  let h: Harness;
  let alice: Record<string, string>;
  let aliceId: number;
  let messageId: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    [aliceId] = (await h.vault.identity.createCustomers(sampleCustomers(1, 'K'))) as [number];
    ({ messageId } = await deliver(h.vault, aliceId));
    alice = await h.customer(aliceId);
  }, 120_000);
  afterAll(() => h.dispose());

  it('refuses an unknown enum value or an unknown field with USAGE naming where it is', async () => {
    const purpose = await h.inject({
      method: 'PUT',
      url: '/v1/me/consent',
      headers: alice,
      payload: { purpose: 'telepathy', channel: 'all', granted: true },
    });
    expect(purpose.statusCode).toBe(400);
    expect(purpose.json()).toEqual(refusal('USAGE', /^body\.purpose: /));
    expect(purpose.body).not.toContain('telepathy');

    const cap = await h.inject({
      method: 'PATCH',
      url: '/v1/me/preferences',
      headers: alice,
      payload: { frequencyCap: 'hourly', notInterested: [{ category: 'Not A Code', on: true }] },
    });
    expect(cap.json()).toEqual(
      refusal('USAGE', /body\.frequencyCap: .*; body\.notInterested\.0\.category: /),
    );

    const extra = await h.inject({
      method: 'POST',
      url: `/v1/me/inbox/${messageId}/response`,
      headers: alice,
      payload: { answer: 'interested', customerId: 1 },
    });
    expect(extra.json()).toEqual(refusal('USAGE', /^body: .*customerId/));

    const badId = await h.inject({ method: 'GET', url: '/v1/me/inbox/not%20an%20id', headers: alice });
    expect(badId.json()).toEqual(refusal('USAGE', /^params\.message: /));

    const open = await h.inject({
      method: 'GET',
      url: '/v1/compliance/requests?open=yes',
      headers: h.staff.compliance,
    });
    expect(open.json()).toEqual(refusal('USAGE', /^querystring\.open: /));
  });

  it('reads a query-string boolean as true only when it says "true"', async () => {
    const received = await h.inject({
      method: 'POST',
      url: '/v1/compliance/requests',
      headers: h.staff.compliance,
      payload: { kind: 'access' },
    });
    expect(received.statusCode).toBe(201);
    const { id, regime } = received.json<{ id: string; regime: string }>();
    expect(regime).toBe('gdpr');
    await h.inject({
      method: 'POST',
      url: `/v1/compliance/requests/${id}/reject`,
      headers: h.staff.compliance,
      payload: { reason: 'manifestly-unfounded' },
    });
    const ids = async (query: string) =>
      (await h.inject({ method: 'GET', url: `/v1/compliance/requests${query}`, headers: h.staff.compliance }))
        .json<{ requests: { id: string }[] }>()
        .requests.map((r) => r.id);
    expect(await ids('?open=true')).not.toContain(id);
    expect(await ids('?open=false')).toContain(id);
    expect(await ids('')).toContain(id);
  });

  it('catches an answer that does not match its schema: INTERNAL, and nothing of the answer leaves', async () => {
    const [message] = await h.vault.inbox.list(aliceId);
    const spy = vi
      .spyOn(h.vault.inbox, 'list')
      .mockResolvedValueOnce([{ ...message!, response: 'maybe' as never, title: 'a title to keep in' }]);
    try {
      const answer = await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: alice });
      expect(answer.statusCode).toBe(500);
      expect(answer.json()).toEqual(refusal('INTERNAL', /unexpected failure/));
      expect(answer.body).not.toContain('a title to keep in');
    } finally {
      spy.mockRestore();
    }
    expect((await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: alice })).statusCode).toBe(200);
  });

  it('answers with dates in ISO 8601 and sends the access page as HTML, not as a JSON string', async () => {
    const inbox = await h.inject({ method: 'GET', url: '/v1/me/inbox', headers: alice });
    const [message] = inbox.json<{ messages: { deliveredAt: string; openedAt: string | null }[] }>().messages;
    expect(message!.deliveredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const page = await h.inject({ method: 'GET', url: '/v1/me/data/page', headers: alice });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/^<!doctype html>/i);
  });

  it('names in the OpenAPI document what the console reads, and gives every answer of these routes a schema', async () => {
    const spec = (await h.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining([
        'InboxMessage',
        'InboxAnswerOutcome',
        'ConsentRequest',
        'Lead',
        'Preferences',
        'ConsentRecord',
        'SubjectRequest',
        'AccessExport',
        'QueuedLead',
        'RevealedLead',
        'SessionOpened',
        'Me',
        'DemoPicker',
        'ConsentChangeInput',
        'PreferenceChangesInput',
      ]),
    );
    const ours = Object.entries(spec.paths).filter(([path]) =>
      /^\/v1\/(me\/|leads|auth\/|compliance\/(requests|erasure-receipts))/.test(path),
    );
    expect(ours.length).toBeGreaterThan(20);
    for (const [path, operations] of ours) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        expect(success.length, `${method} ${path}`).toBe(1);
        const [status, response] = success[0]!;
        if (status !== '204') expect(response.content, `${method} ${path}`).toBeDefined();
      }
    }
    const inbox = spec.paths['/v1/me/inbox']!['get']!.responses['200']!;
    expect(JSON.stringify(inbox)).toContain('#/components/schemas/Inbox"');
    // The inbox holds the offers and, apart, the customer's insight messages.
    const listed = JSON.stringify(spec.components.schemas['Inbox']);
    expect(listed).toContain('#/components/schemas/InboxMessage');
    expect(listed).toContain('#/components/schemas/InsightMessage');
  });
});
