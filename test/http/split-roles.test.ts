// The vault and the hub as separate servers on real ports: a campaign runs through HttpVaultDoor, authenticated.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHub } from '../../src/demo/demo-hub.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { AccessStore } from '../../src/http/auth/access-store.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { buildServer } from '../../src/http/server.ts';
import type { VaultServices } from '../../src/app/vault-process.ts';
import { containsPiiBesidesIds } from '../../src/privacy/scrub.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import { doorKey } from './harness.ts';

const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);

describe.each(testBackends)('split vault and hub on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let hubDatabase: { storage: Storage; dispose: () => Promise<void> };
  let vaultServer: FastifyInstance;
  let hubServer: FastifyInstance;
  let vaultUrl: string;
  let hubUrl: string;
  const keys: Record<string, string> = {};
  /** Every body the hub API answered, for the PII scan. */
  const hubResponses: unknown[] = [];

  const call = async (role: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${hubUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${keys[role]!}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    hubResponses.push(answer);
    return { status: response.status, body: answer };
  };

  beforeAll(async () => {
    vault = await createTestVault(backend, { now, random: seededRandomSource(`split-${backend.name}`) });
    await loadDemoBank(vault, { density: 'thin', customers: 600, seed: 3, end });
    vaultServer = await buildServer({ vault }, { logLevel: 'silent', doorKey, rateLimitPerMinute: false });
    vaultUrl = await vaultServer.listen({ host: '127.0.0.1', port: 0 });

    // The hub keeps its own database; it reaches the vault only over HTTP.
    hubDatabase = await backend.createMigrated();
    const door = new HttpVaultDoor({ url: vaultUrl, key: doorKey });
    const hub = new HubService(new HubStorage(hubDatabase.storage), door, { now });
    await seedDemoHub(hub);
    const store = new AccessStore(hubDatabase.storage);
    for (const handle of ['mia', 'rui']) keys[handle] = (await store.createApiKey(handle)).key;
    hubServer = await buildServer(
      { hub: { service: hub, door, storage: hubDatabase.storage, vaultReachable: () => door.reachable() } },
      { logLevel: 'silent', rateLimitPerMinute: false },
    );
    hubUrl = await hubServer.listen({ host: '127.0.0.1', port: 0 });
  }, 300_000);
  afterAll(async () => {
    await hubServer?.close();
    await vaultServer?.close();
    await hubDatabase?.dispose();
    await vault?.dispose();
  });

  it('serves each role its own routes, and the hub is ready only while the vault answers', async () => {
    const hubSpec = (await (await fetch(`${hubUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const vaultSpec = (await (await fetch(`${vaultUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(hubSpec.paths)).toContain('/v1/hub/campaigns');
    expect(Object.keys(hubSpec.paths)).not.toContain('/v1/me/inbox');
    expect(Object.keys(hubSpec.paths)).not.toContain('/internal/door/deliver');
    expect(Object.keys(vaultSpec.paths)).toContain('/internal/door/deliver');
    expect(Object.keys(vaultSpec.paths)).not.toContain('/v1/hub/campaigns');
    expect((await fetch(`${hubUrl}/ready`)).status).toBe(200);
  });

  it('refuses the door to a caller without the hub’s key', async () => {
    const stranger = new HttpVaultDoor({ url: vaultUrl, key: 'not-the-door-key-0123456789abcdef01234' });
    await expect(stranger.check('count() > 0', 'bank_offers')).rejects.toMatchObject({
      code: 'VAULT_UNAVAILABLE',
    });
    const bare = await fetch(`${vaultUrl}/internal/door/record`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [] }),
    });
    expect(bare.status).toBe(401);
  });

  it('runs a campaign from the segment editor to delivery and results, across the two processes', async () => {
    const audience = 'count(within: 90d) > 0';
    const checked = await call('mia', 'POST', '/v1/hub/segments/check', {
      expression: audience,
      purpose: 'credit_offers',
    });
    expect(checked.status).toBe(200);
    expect(checked.body['explanation']).toEqual(expect.any(String));
    const typo = await call('mia', 'POST', '/v1/hub/segments/check', {
      expression: 'count(within: 90d) >',
      purpose: 'credit_offers',
    });
    expect(typo.status).toBe(400);
    expect(typo.body).toMatchObject({
      error: { code: 'QUESTION_INVALID', rendered: expect.stringContaining('^') as unknown },
    });
    // Every problem at once, each with its span and "did you mean", through both processes.
    const typos = await call('mia', 'POST', '/v1/hub/segments/check', {
      expression: 'spnt(within: 90d) > 0 and holds("morgage")',
      purpose: 'credit_offers',
    });
    expect(typos.body).toMatchObject({
      error: {
        code: 'QUESTION_INVALID',
        diagnostics: [
          { code: 'CHECK_UNKNOWN_FUNCTION', span: { start: 0, end: 4 }, suggestion: 'spent' },
          { code: 'CHECK_UNKNOWN_PRODUCT', span: { start: 32, end: 41 }, suggestion: 'mortgage' },
        ],
      },
    });
    const counted = await call('mia', 'POST', '/v1/hub/segments/count', {
      expression: audience,
      purpose: 'credit_offers',
    });
    expect(counted.status).toBe(200);
    expect(counted.body).toMatchObject({ count: expect.any(Number) as unknown, repeated: false });
    expect(counted.body['epsilon']).toMatch(/^\d+(\/\d+)?$/);

    const offer = await call('mia', 'POST', '/v1/hub/offers', {
      productCode: 'mortgage',
      title: 'A mortgage that moves with you',
      body: 'Fixed rates for five years.',
      callToAction: 'Talk to a mortgage adviser',
      category: 'mortgage',
      validUntil: '2026-12-31',
    });
    expect(offer.status).toBe(201);
    const drafted = await call('mia', 'POST', '/v1/hub/campaigns', {
      name: 'Everyone active',
      audience,
      offerId: offer.body['id'],
      startsAt: now().toISOString(),
    });
    expect(drafted.status).toBe(201);
    const id = String(drafted.body['id']);
    const selfApproval = await call('mia', 'POST', `/v1/hub/campaigns/${id}/approve`);
    expect(selfApproval.status).toBe(403);
    expect((await call('rui', 'POST', `/v1/hub/campaigns/${id}/approve`)).body).toMatchObject({
      status: 'approved',
    });
    const run = await call('mia', 'POST', `/v1/hub/campaigns/${id}/run`);
    expect(run.body).toMatchObject({ campaign: { status: 'finished' }, refusal: null });

    const { rows } = await vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM inbox_messages WHERE campaign_id = $1',
      [id],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    const results = await call('mia', 'GET', `/v1/hub/campaigns/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ campaignId: id, releasedOn: end });
    const detail = await call('mia', 'GET', `/v1/hub/campaigns/${id}`);
    expect((detail.body['events'] as { event: string }[]).map((e) => e.event)).toEqual([
      'drafted',
      'approved',
      'started',
      'finished',
    ]);
    expect((await call('rui', 'GET', '/v1/hub/campaigns')).body).toMatchObject({ campaigns: [{ id }] });
    const strings = [...JSON.stringify(hubResponses).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    // UUIDs set aside: a campaign id's digit groups read as a phone number now and then (about 1.5% of them).
    expect(strings.filter((text) => containsPiiBesidesIds(text))).toEqual([]);
    expect(JSON.stringify(hubResponses)).not.toMatch(/C0000\d{4}|customerId|customer_id/);
    // The hub's database holds what the hub did, and no message of the vault.
    const hubSide = await hubDatabase.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM inbox_messages',
    );
    expect(hubSide.rows[0]!.n).toBe(0);
  }, 300_000);
});
