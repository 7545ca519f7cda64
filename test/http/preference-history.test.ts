// A customer's history of consent decisions and preference changes: their own, newest first, nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { openHarness, type Harness } from './harness.ts';

interface Change {
  at: string;
  kind: string;
  purpose: string | null;
  channel: string | null;
  on: boolean | null;
  value: string | null;
}

describe.each(testBackends)('the preference history on $name', (backend) => {
  let h: Harness;
  let ids: number[];

  beforeAll(async () => {
    h = await openHarness(backend);
    ids = await h.vault.identity.createCustomers(sampleCustomers(2, 'P'));
  }, 120_000);
  afterAll(() => h.dispose());

  it('lists consent decisions and preference changes, newest first, and only the customer’s own', async () => {
    const alice = await h.customer(ids[0]!);
    const bob = await h.customer(ids[1]!);
    const send = (headers: Record<string, string>, method: 'PUT' | 'PATCH', url: string, payload: object) =>
      h.inject({ method, url, headers, payload });
    await send(alice, 'PUT', '/v1/me/consent', { purpose: 'bank_offers', channel: 'email', granted: true });
    await send(alice, 'PATCH', '/v1/me/preferences', { notInterested: [{ category: 'travel', on: true }] });
    await send(alice, 'PATCH', '/v1/me/preferences', { notInterested: [{ category: 'travel', on: false }] });
    await send(bob, 'PATCH', '/v1/me/preferences', { frequencyCap: 'monthly' });
    const mine = await h.inject({ method: 'GET', url: '/v1/me/preferences/history', headers: alice });
    expect(mine.statusCode).toBe(200);
    const changes = mine.json<{ changes: Change[] }>().changes;
    expect(changes.every((c) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
    expect(changes.slice(0, 3).map(({ at: _at, ...rest }) => rest)).toEqual([
      {
        kind: 'not_interested',
        purpose: null,
        channel: null,
        on: false,
        value: 'travel',
      },
      {
        kind: 'not_interested',
        purpose: null,
        channel: null,
        on: true,
        value: 'travel',
      },
      {
        kind: 'consent',
        purpose: 'bank_offers',
        channel: 'email',
        on: true,
        value: null,
      },
    ]);
    expect(changes.some((c) => c.kind === 'frequency_cap')).toBe(false);
    const staff = await h.inject({
      method: 'GET',
      url: '/v1/me/preferences/history',
      headers: h.staff.compliance,
    });
    expect(staff.statusCode).toBe(403);
  });
});
