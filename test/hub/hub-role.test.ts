// The hub's role on every backend: vault tables are out of reach, hub tables work, the role does not leak.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffCredentials } from '../../src/hub/staff-credentials.ts';
import { hubRole } from '../../src/storage/postgres-core/migrations/0007-hub.ts';
import { testBackends } from '../support/backends.ts';
import { createTestHub, type TestHub } from './hub-fixture.ts';

describe.each(testBackends)('hub role on $name', (backend) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await createTestHub(backend);
  });
  afterAll(() => t.dispose());

  it('runs hub statements as the hub role', async () => {
    const { rows } = await t.hubStorage.query<{ user: string }>('SELECT current_user AS "user"');
    expect(rows[0]?.user).toBe(hubRole);
  });

  it('is denied every vault table', async () => {
    const { rows } = await t.storage.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['customers', 'inbox_messages']));
    for (const { name } of rows) {
      await expect(t.hubStorage.query(`SELECT * FROM public.${name}`), name).rejects.toThrow(
        /permission denied/,
      );
    }
  });

  it('is denied customers and inbox messages by name', async () => {
    await expect(t.hubStorage.query('SELECT * FROM customers')).rejects.toThrow(/permission denied/);
    await expect(t.hubStorage.query('SELECT * FROM inbox_messages')).rejects.toThrow(/permission denied/);
    await expect(t.hubStorage.query('SELECT * FROM insight_messages')).rejects.toThrow(/permission denied/);
    await expect(t.hubStorage.query('SELECT * FROM public.customers')).rejects.toThrow(/permission denied/);
  });

  it('writes and reads hub tables', async () => {
    await t.hubStorage.query(`INSERT INTO hub.staff (handle, roles) VALUES ('role-test', ARRAY['marketer'])`);
    const { rows } = await t.hubStorage.query<{ roles: string[] }>(
      `SELECT roles FROM hub.staff WHERE handle = 'role-test'`,
    );
    expect(rows[0]?.roles).toEqual(['marketer']);
  });

  it('keeps the staff credentials of schema access, and may not add to that schema', async () => {
    await t.hubStorage.query('SELECT * FROM access.api_keys');
    await t.hubStorage.query('SELECT * FROM access.staff_sessions');
    await expect(t.hubStorage.query('SELECT * FROM customer_sessions')).rejects.toThrow(/permission denied/);
    await expect(t.hubStorage.query('CREATE TABLE access.hub_made (id int)')).rejects.toThrow(
      /permission denied/,
    );
  });

  it('runs staff credentials under the role: without its grant they cannot be read', async () => {
    const credentials = new StaffCredentials(t.hubStorage);
    await t.hubStorage.query(`INSERT INTO hub.staff (handle, roles) VALUES ('keys-test', ARRAY['operator'])`);
    const keyHash = randomBytes(32);
    await credentials.addApiKey({ id: 'keystest01', handle: 'keys-test', keyHash, label: 'test' });
    expect(await credentials.staffByApiKey(keyHash)).toEqual({ handle: 'keys-test', roles: ['operator'] });
    await t.storage.query(`REVOKE SELECT ON access.api_keys FROM ${hubRole}`);
    try {
      await expect(credentials.staffByApiKey(keyHash)).rejects.toThrow(/permission denied/);
    } finally {
      await t.storage.query(`GRANT SELECT ON access.api_keys TO ${hubRole}`);
    }
  });

  it('is granted hub tables that later migrations add, and still no vault table added later', async () => {
    await t.storage.query('CREATE TABLE hub.later_table (id int)');
    await t.storage.query('CREATE TABLE public.later_vault_table (id int)');
    try {
      await t.hubStorage.query('INSERT INTO hub.later_table VALUES (1)');
      await expect(t.hubStorage.query('SELECT * FROM public.later_vault_table')).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await t.storage.query('DROP TABLE hub.later_table');
      await t.storage.query('DROP TABLE public.later_vault_table');
    }
  });

  it('leaves the connection as it was after the transaction', async () => {
    await t.hubStorage.query('SELECT 1');
    const { rows } = await t.storage.query<{ user: string }>('SELECT current_user AS "user"');
    expect(rows[0]?.user).not.toBe(hubRole);
  });

  it('refuses statements that change the role', async () => {
    await expect(t.hubStorage.query('RESET ROLE')).rejects.toThrow(/may not change the database role/);
    await expect(
      t.hubStorage.transaction(async (tx) => {
        await tx.query('set local role postgres');
      }),
    ).rejects.toThrow(/may not change the database role/);
  });
});
