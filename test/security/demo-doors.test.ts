// Issue 14, class 1: demo is a property of the vault, decided once — no demo door opens in front of a real vault.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub } from '../../src/app/hub-process.ts';
import { decideVaultKind } from '../../src/app/platform.ts';
import { loadConfig } from '../../src/config/config.ts';
import { demoSignIn } from '../../src/demo/demo-sign-in.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { AccessStore } from '../../src/http/auth/access-store.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { buildServer } from '../../src/http/server.ts';
import { vaultKind } from '../../src/vault/vault-kind.ts';
import { migrate, migrations } from '../../src/storage/postgres-core/migrations.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { testBackends, type TestDatabase } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';
import { doorKey } from '../http/harness.ts';
import { sampleCustomers } from '../support/sample-customers.ts';

const end = '2026-11-01';
const statement = join(
  import.meta.dirname,
  '../fixtures/statements/camt053-curtain/camt053.v5.card-and-salary.xml',
);

/** Applies the migrations before the one named, as an older Curtain did. */
async function migrateBefore(storage: Storage, name: string): Promise<void> {
  const until = migrations.findIndex((m) => m.name === name);
  if (until < 0) throw new Error(`no migration named ${name}`);
  await storage.exec(
    'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const migration of migrations.slice(0, until)) {
    await storage.exec(migration.sql);
    await storage.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      createHash('sha256').update(migration.sql).digest('hex'),
    ]);
  }
}

type Setup = 'demo bank' | 'statements ingested' | 'started without demo';

/** The settings of a start: CURTAIN_DEMO_CUSTOMERS small, zero, or not set at all (the default, 6,000). */
const environments = {
  'CURTAIN_DEMO_CUSTOMERS=12': { CURTAIN_DEMO_CUSTOMERS: '12' },
  'CURTAIN_DEMO_CUSTOMERS=0': { CURTAIN_DEMO_CUSTOMERS: '0' },
  'CURTAIN_DEMO_CUSTOMERS unset': {},
} as const;
type Environment = keyof typeof environments;

describe.each(testBackends)('demo doors on $name', (backend) => {
  let dataDir: string;
  const vaults = {} as Record<Setup, TestVault>;
  const config = (environment: Environment) =>
    loadConfig({}, { CURTAIN_DATA_DIR: dataDir, CURTAIN_DEMO_SEED: '5', ...environments[environment] });
  const customers = async (vault: TestVault) =>
    Number((await vault.storage.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]!.n);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'curtain-demo-doors-'));
    vaults['demo bank'] = await createTestVault(backend);
    await decideVaultKind(config('CURTAIN_DEMO_CUSTOMERS=12'), vaults['demo bank'], { end });
    vaults['statements ingested'] = await createTestVault(backend);
    await vaults['statements ingested'].ingest.ingestStream(createReadStream(statement), {
      sourceName: 'card-and-salary.xml',
    });
    vaults['started without demo'] = await createTestVault(backend);
    await decideVaultKind(config('CURTAIN_DEMO_CUSTOMERS=0'), vaults['started without demo'], { end });
  }, 120_000);
  afterAll(async () => {
    for (const vault of Object.values(vaults)) await vault.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records the kind once: a first start with demo customers makes a demo bank, anything else a real vault', async () => {
    expect(await vaultKind(vaults['demo bank'].storage)).toBe('demo');
    expect(await customers(vaults['demo bank'])).toBe(12);
    expect(await vaultKind(vaults['statements ingested'].storage)).toBe('real');
    expect(await vaultKind(vaults['started without demo'].storage)).toBe('real');
  });

  // The attack: a real vault restarted with default settings was filled with generated customers.
  it.each([
    ['statements ingested', 'CURTAIN_DEMO_CUSTOMERS unset', 'real', 0],
    ['statements ingested', 'CURTAIN_DEMO_CUSTOMERS=12', 'real', 0],
    ['started without demo', 'CURTAIN_DEMO_CUSTOMERS unset', 'real', 0],
    ['demo bank', 'CURTAIN_DEMO_CUSTOMERS unset', 'demo', 12],
    ['demo bank', 'CURTAIN_DEMO_CUSTOMERS=0', 'demo', 12],
  ] as const)(
    'a restart of the vault with %s, %s, leaves it %s with %i customers',
    async (setup, environment, kind, count) => {
      const before = await customers(vaults[setup]);
      await decideVaultKind(config(environment), vaults[setup], { end });
      expect(await vaultKind(vaults[setup].storage)).toBe(kind);
      expect(await customers(vaults[setup])).toBe(count === 0 ? before : count);
    },
  );

  it('records a vault that held statements before kinds were recorded as real, when it migrates', async () => {
    const [format, kind] = ['camt053', 'real'];
    const database = await backend.create();
    try {
      await migrateBefore(database.storage, 'vault-kind');
      await database.storage.query(
        `INSERT INTO ingest_batches (source_name, format, taxonomy_version) VALUES ('old', $1, 'test')`,
        [format],
      );
      const outcome = await migrate(database.storage);
      expect(outcome.ok).toBe(true);
      expect(await vaultKind(database.storage)).toBe(kind);
    } finally {
      await database.dispose();
    }
  });

  it('never lets the generator write into a real vault, nor into one holding data it did not write', async () => {
    for (const setup of ['statements ingested', 'started without demo'] as const) {
      await expect(loadDemoBank(vaults[setup], { customers: 5, seed: 1, end })).rejects.toMatchObject({
        code: 'VAULT_IS_REAL',
      });
    }
    const undecided = await createTestVault(backend);
    try {
      await undecided.identity.createCustomers(sampleCustomers(1, 'BANK'));
      await expect(loadDemoBank(undecided, { customers: 5, seed: 1, end })).rejects.toMatchObject({
        code: 'VAULT_IS_REAL',
      });
      expect(await vaultKind(undecided.storage)).toBe('undecided');
    } finally {
      await undecided.dispose();
    }
  });

  it('refuses real files in a demo vault, saying how to start a real one; the vault stays a demo vault', async () => {
    const refused = vaults['demo bank'].ingest.ingestStream(createReadStream(statement), {
      sourceName: 'card-and-salary.xml',
    });
    await expect(refused).rejects.toMatchObject({ code: 'VAULT_IS_DEMO' });
    await expect(refused).rejects.toThrow(/CURTAIN_DEMO_CUSTOMERS=0/);
    const batches = await vaults['demo bank'].storage.query(
      "SELECT 1 FROM ingest_batches WHERE format <> 'generated'",
    );
    expect(batches.rows).toHaveLength(0);
  });

  describe('demo sign-in, single process and split', () => {
    const servers: FastifyInstance[] = [];
    const hubDatabases: TestDatabase[] = [];
    /** Per setup: the single-process server and a hub served alone in front of it. */
    const served = {} as Record<Setup, { single: FastifyInstance; hubAlone: FastifyInstance }>;

    beforeAll(async () => {
      for (const setup of Object.keys(vaults) as Setup[]) {
        const vault = vaults[setup];
        const hub = openHub(vault);
        const single = await buildServer(
          { vault, hub: { service: hub, door: vault.door, storage: vault.storage } },
          {
            logLevel: 'silent',
            rateLimitPerMinute: false,
            doorKey,
            demo: demoSignIn(true, vault.door, vault),
          },
        );
        const url = await single.listen({ host: '127.0.0.1', port: 0 });
        const hubDatabase = await backend.createMigrated();
        const door = new HttpVaultDoor({ url, key: doorKey });
        const hubAloneService = new HubService(new HubStorage(hubDatabase.storage), door);
        const hubAlone = await buildServer(
          { hub: { service: hubAloneService, door, storage: hubDatabase.storage } },
          {
            logLevel: 'silent',
            rateLimitPerMinute: false,
            demo: demoSignIn(true, door, undefined, hubAloneService),
          },
        );
        servers.push(single, hubAlone);
        hubDatabases.push(hubDatabase);
        served[setup] = { single, hubAlone };
      }
    }, 60_000);
    afterAll(async () => {
      for (const server of servers.reverse()) await server.close();
      for (const database of hubDatabases) await database.dispose();
    });

    it.each([
      ['demo bank', 'single', true],
      ['demo bank', 'hubAlone', true],
      ['statements ingested', 'single', false],
      ['statements ingested', 'hubAlone', false],
      ['started without demo', 'single', false],
      ['started without demo', 'hubAlone', false],
    ] as const)('on a vault with %s, served %s, demo sign-in is open: %s', async (setup, where, open) => {
      const server = served[setup][where];
      const picker = await server.inject({ method: 'GET', url: '/v1/auth/demo' });
      expect(picker.json<{ demo: boolean }>().demo).toBe(open);
      const operator = await server.inject({
        method: 'POST',
        url: '/v1/auth/demo/staff',
        payload: { handle: 'otto' },
      });
      expect(operator.statusCode).toBe(open ? 201 : 403);
      if (!open) expect(operator.json<{ error: { code: string } }>().error.code).toBe('DEMO_DISABLED');
    });

    it('keeps a hub served alone closed when its vault cannot be reached', async () => {
      const storage = hubDatabases[0]!.storage;
      const door = new HttpVaultDoor({ url: 'http://127.0.0.1:9', key: doorKey });
      const hub = new HubService(new HubStorage(storage), door);
      const alone = await buildServer(
        { hub: { service: hub, door, storage } },
        { logLevel: 'silent', rateLimitPerMinute: false, demo: demoSignIn(true, door, undefined, hub) },
      );
      try {
        const signIn = await alone.inject({
          method: 'POST',
          url: '/v1/auth/demo/staff',
          payload: { handle: 'otto' },
        });
        expect(signIn.statusCode).toBe(403);
      } finally {
        await alone.close();
      }
    });

    it('refuses an upload to the demo vault over HTTP with VAULT_IS_DEMO', async () => {
      const vault = vaults['demo bank'];
      await openHub(vault).addStaff('otto', ['operator']);
      const { key } = await new AccessStore(vault.storage).createApiKey('otto');
      const response = await served['demo bank'].single.inject({
        method: 'POST',
        url: '/v1/ingest?source=card-and-salary.xml',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
        payload: createReadStream(statement),
      });
      expect(response.statusCode).toBe(409);
      expect(response.json<{ error: { code: string; message: string } }>().error.message).toMatch(
        /CURTAIN_DEMO_CUSTOMERS=0/,
      );
    });
  });
});
