// Sessions, CSRF, API keys stored hashed, demo sign-in only on a demo bank, headers, request ids, rate limits.
import { createHash } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAccessControl } from '../../src/http/auth/access-control.ts';
import { registerErrorMapping } from '../../src/http/errors.ts';
import { AccessStore } from '../../src/http/auth/access-store.ts';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from './harness.ts';

const cookiesOf = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat();

describe.each(testBackends)('HTTP security on $name', (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend, { demo: true });
  }, 120_000);
  afterAll(() => h.dispose());

  it('refuses to register a route that declares no access', async () => {
    const app = Fastify();
    registerErrorMapping(app);
    await app.register(cookie);
    installAccessControl(app, { store: h.store });
    expect(() => app.get('/undeclared', () => 'open')).toThrow(/declares no access/);
    app.get('/declared', { config: { access: ['operator'] } }, () => 'closed');
    expect((await app.inject({ method: 'GET', url: '/declared' })).statusCode).toBe(401);
    await app.close();
  });

  it('signs a staff member in with an API key: a secure httpOnly SameSite cookie, CSRF on writes, sign-out', async () => {
    const key = h.staff.marketer.authorization!.slice('Bearer '.length);
    const login = await h.inject({ method: 'POST', url: '/v1/auth/session', payload: { apiKey: key } });
    expect(login.statusCode).toBe(201);
    const { csrfToken } = login.json<{ csrfToken: string }>();
    expect(login.body).not.toContain(key);
    const cookies = cookiesOf(login.headers['set-cookie']);
    const session = cookies.find((c) => c.startsWith('curtain_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('curtain_csrf='))).not.toMatch(/HttpOnly/);
    const cookie = session.split(';')[0]!;

    const me = await h.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ kind: 'staff', handle: 'mia', roles: ['marketer'], via: 'session' });
    const product = { code: 'savings', name: 'Savings account', provider: 'bank', credit: false };
    const forged = await h.inject({
      method: 'POST',
      url: '/v1/hub/products',
      headers: { cookie },
      payload: product,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    const wrong = await h.inject({
      method: 'POST',
      url: '/v1/hub/products',
      headers: { cookie, 'x-csrf-token': 'guessed' },
      payload: product,
    });
    expect(wrong.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    const made = await h.inject({
      method: 'POST',
      url: '/v1/hub/products',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: product,
    });
    expect(made.statusCode).toBe(201);
    const out = await h.inject({
      method: 'DELETE',
      url: '/v1/auth/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await h.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
  });

  it('keeps only the SHA-256 of an API key, and refuses a wrong or revoked key', async () => {
    const { id, key } = await h.store.createApiKey('cleo', 'hash test');
    const { rows } = await h.vault.storage.query<{ key_hash: Uint8Array }>(
      'SELECT key_hash FROM access.api_keys WHERE id = $1',
      [id],
    );
    expect(Buffer.from(rows[0]!.key_hash).equals(createHash('sha256').update(key).digest())).toBe(true);
    const dump = JSON.stringify((await h.vault.storage.query('SELECT * FROM access.api_keys')).rows);
    expect(dump).not.toContain(key.slice(-20));
    const ok = await h.inject({
      method: 'GET',
      url: '/v1/audit/head',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(ok.statusCode).toBe(200);
    const wrong = await h.inject({
      method: 'GET',
      url: '/v1/audit/head',
      headers: { authorization: `Bearer ${key}x` },
    });
    expect(wrong.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    expect(await new AccessStore(h.vault.storage).revokeApiKey(id)).toBe(true);
    const revoked = await h.inject({
      method: 'GET',
      url: '/v1/audit/head',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('offers demo sign-in only on a vault that records itself as demo, and says it is demo only', async () => {
    // This vault holds no generated customers (no C00000001): the picker is off even with demo on.
    expect((await h.inject({ method: 'GET', url: '/v1/auth/demo' })).json()).toEqual({ demo: false });
    const staff = await h.inject({ method: 'POST', url: '/v1/auth/demo/staff', payload: { handle: 'mia' } });
    expect(staff.json()).toMatchObject({ error: { code: 'DEMO_DISABLED' } });
    const customer = await h.inject({
      method: 'POST',
      url: '/v1/auth/demo/customer',
      payload: { externalId: 'C00000001' },
    });
    expect(customer.json()).toMatchObject({ error: { code: 'DEMO_DISABLED' } });

    await h.vault.identity.createCustomers([
      {
        externalId: 'C00000001',
        pii: {
          givenName: 'Demo',
          familyName: 'Person',
          email: 'demo.person@example.org',
          phone: '+44 7700 900001',
          address: { street: '1 Demo Road', postalCode: 'ZZ1 1ZZ', city: 'Gotham', country: 'GB' },
          dateOfBirth: '1980-01-01',
          nationalId: 'QQ000001D',
          iban: 'GB82WEST12345698765432',
        },
      },
    ]);
    // A real bank whose own ids look like the generator's still gets no picker: only a generated bank does.
    expect((await h.inject({ method: 'GET', url: '/v1/auth/demo' })).json()).toEqual({ demo: false });
    await h.vault.storage.query(
      `INSERT INTO ingest_batches (source_name, format, taxonomy_version, status)
       VALUES ('demo bank (seed 1, 1 customers)', 'generated', 'test', 'done')`,
    );
    // Nor does a batch that looks generated: only the vault's recorded kind opens the picker.
    expect((await h.inject({ method: 'GET', url: '/v1/auth/demo' })).json()).toEqual({ demo: false });
    await h.vault.storage.query(
      "INSERT INTO vault_kind (kind, decided_by) VALUES ('demo', 'this test, as the generator does')",
    );
    const picker = (await h.inject({ method: 'GET', url: '/v1/auth/demo' })).json<{
      demo: boolean;
      notice: string;
      customers: string[];
    }>();
    expect(picker).toMatchObject({ demo: true, customers: ['C00000001'] });
    expect(picker.notice).toMatch(/^DEMO ONLY/);
    const signedIn = await h.inject({
      method: 'POST',
      url: '/v1/auth/demo/customer',
      payload: { externalId: 'C00000001' },
    });
    expect(signedIn.statusCode).toBe(201);
    expect(signedIn.body).not.toMatch(/customerId|"id"/);
    const cookie = cookiesOf(signedIn.headers['set-cookie'])
      .find((c) => c.startsWith('curtain_session='))!
      .split(';')[0]!;
    const me = await h.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ kind: 'customer', roles: ['customer'], via: 'session' });
  });

  it('sets security headers and echoes request ids, replacing one that is not an id', async () => {
    const response = await h.inject({ method: 'GET', url: '/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await h.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-0001.abc' },
    });
    expect(given.headers['x-request-id']).toBe('trace-0001.abc');
    const junk = await h.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'a@b.example\nforged' },
    });
    expect(junk.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(testBackends[0]!, { rateLimitPerMinute: 3 });
  }, 120_000);
  afterAll(() => h.dispose());

  it('answers 429 with a stable code once a client exceeds its requests per minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.inject({ method: 'GET', url: '/health' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await h.inject({ method: 'GET', url: '/health' });
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
