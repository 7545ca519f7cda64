// One open request per kind, the receipt id given when an erasure is asked for, and lawful rejections with notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { openHarness, type Harness } from './harness.ts';

interface RequestJson {
  id: string;
  kind: string;
  status: string;
  receiptId: string | null;
  rejection: string | null;
  rejectionNote: string | null;
}

describe.each(testBackends)('subject requests and receipts on $name', (backend) => {
  let h: Harness;
  const customers = sampleCustomers(3, 'R');
  let ids: number[];

  beforeAll(async () => {
    h = await openHarness(backend);
    ids = await h.vault.identity.createCustomers(customers);
  }, 120_000);
  afterAll(() => h.dispose());

  const ask = async (index: number, kind: string) =>
    h.inject({
      method: 'POST',
      url: '/v1/me/requests',
      headers: await h.customer(ids[index]!),
      payload: { kind },
    });
  const asCompliance = (url: string, payload: object) =>
    h.inject({ method: 'POST', url, headers: h.staff.compliance, payload });
  const lookUp = (receiptId: string) => h.inject({ method: 'GET', url: `/v1/erasure-receipts/${receiptId}` });

  it('refuses a second open erasure and an objection already in force, server side', async () => {
    const first = await ask(0, 'erasure');
    expect(first.statusCode).toBe(201);
    const second = await ask(0, 'erasure');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'SUBJECT_REQUEST_OPEN' } });
    expect((await ask(0, 'objection')).statusCode).toBe(201);
    const again = await ask(0, 'objection');
    expect(again.json()).toMatchObject({ error: { code: 'SUBJECT_REQUEST_OPEN' } });
    const mine = await h.inject({
      method: 'GET',
      url: '/v1/me/requests',
      headers: await h.customer(ids[0]!),
    });
    const kinds = mine.json<{ requests: RequestJson[] }>().requests.map((r) => r.kind);
    expect(kinds.sort()).toEqual(['erasure', 'objection']);
    // The database refuses it too, whoever asks (a race, or a path that skips the service's check).
    const { rows } = await h.vault.storage.query<{ id: string }>(
      "SELECT id FROM subject_requests WHERE customer_id = $1 AND kind = 'erasure'",
      [ids[0]],
    );
    await expect(
      h.vault.storage.query(
        `INSERT INTO subject_requests (id, kind, regime, status, customer_id, received_at, due_at)
         VALUES ($1, 'erasure', 'gdpr', 'verified', $2, now(), now())`,
        [`${rows[0]!.id.slice(0, -4)}ffff`, ids[0]],
      ),
    ).rejects.toThrow();
  });

  it('rejects for a lawful reason with a note that never reaches the log, then erases and clears the note', async () => {
    const asked = (await ask(1, 'erasure')).json<RequestJson>();
    const unknown = await asCompliance(`/v1/compliance/requests/${asked.id}/reject`, { reason: 'bored' });
    expect(unknown.statusCode).toBe(400);
    const note = 'Spoke to Ms Quillfeather-Odd on the phone; legal claim pending';
    const rejected = await asCompliance(`/v1/compliance/requests/${asked.id}/reject`, {
      reason: 'legal-claims',
      note,
    });
    expect(rejected.json<RequestJson>()).toMatchObject({ rejection: 'legal-claims', rejectionNote: note });
    const logged = await h.vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_entries WHERE position($1 in entry) > 0',
      ['Quillfeather'],
    );
    expect(logged.rows[0]!.n).toBe(0);
    const byId = (await lookUp(asked.receiptId!)).json<RequestJson>();
    expect(byId).toMatchObject({ status: 'rejected', rejection: 'legal-claims', rejectionNote: note });

    // Once closed, asking again is allowed; carried out, it clears the note.
    const again = (await ask(1, 'erasure')).json<RequestJson>();
    const done = await asCompliance(`/v1/compliance/requests/${again.id}/complete`, {});
    expect(done.statusCode).toBe(200);
    const notes = await h.vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM subject_requests WHERE rejection_note IS NOT NULL AND customer_id = $1',
      [ids[1]],
    );
    expect(notes.rows[0]!.n).toBe(0);
  }, 120_000);

  it('gives a receipt id when asked, and shows the verified receipt by it after the erasure, signed out', async () => {
    const asked = (await ask(2, 'erasure')).json<RequestJson>();
    expect(asked.receiptId).toMatch(/^[0-9a-f-]{36}$/);
    const waiting = await lookUp(asked.receiptId!);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toMatchObject({ status: 'verified' });
    expect(waiting.json()).not.toHaveProperty('receipt');
    await asCompliance(`/v1/compliance/requests/${asked.id}/complete`, {});
    const done = await lookUp(asked.receiptId!);
    const body = done.json<{ status: string; receipt: string; verdict: { ok: boolean; receipt: object } }>();
    expect(body.status).toBe('completed');
    expect(body.verdict).toMatchObject({
      ok: true,
      receipt: { receiptId: asked.receiptId, requestId: asked.id },
    });
    expect(done.body).not.toContain(customers[2]!.pii.email);
    const missing = await lookUp('00000000-0000-4000-8000-000000000000');
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await lookUp('not-an-id')).statusCode).toBe(400);
    // How many look their receipt up says how many were erased: not a metric.
    const metrics = await h.inject({ method: 'GET', url: '/metrics', headers: h.staff.operator });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).not.toContain('erasure-receipts');
  }, 120_000);
});
