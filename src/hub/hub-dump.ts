// Every row of every table in schema hub, read under the hub's role: what a leak of the hub would expose.
import { CurtainError } from '../core/errors.ts';
import type { HubStorage } from './hub-storage.ts';

export type HubDump = Readonly<Record<string, readonly Record<string, unknown>[]>>;

/**
 * Tables come from pg_catalog rather than information_schema, which lists only tables the role holds a
 * grant on: a hub table the role cannot read must make the dump fail, not vanish from it.
 */
export function dumpHubTables(hub: HubStorage): Promise<HubDump> {
  return hub.transaction(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = 'hub' ORDER BY 1`,
    );
    const dump: Record<string, Record<string, unknown>[]> = {};
    for (const { name } of tables.rows) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name))
        throw new CurtainError('INTERNAL', `unexpected hub table ${name}`);
      dump[name] = (await tx.query(`SELECT * FROM hub.${name}`)).rows;
    }
    return dump;
  });
}
