// Shared pieces of the compliance suites: a small demo bank, a dump of every schema, the whole log as text.
import type { VaultSettings } from '../../../src/app/vault-process.ts';
import type { SqlExecutor } from '../../../src/storage/ports.ts';
import type { TestBackend } from '../../support/backends.ts';
import { createDemoBankVault, type DemoBank, type TestVault } from '../../support/test-vault.ts';
import { externalIdOf } from '../../../src/demo/generate/generate-bank.ts';

export const end = '2026-10-31';
export type { TestVault };

/** The compliance suites' small demo bank (40 customers unless said otherwise). */
export const smallBankOf = (customers = 40): DemoBank => ({ customers, seed: 11, end });

/** A vault holding the small demo bank: a copy of the run's template of it. */
export const smallBankVault = (
  backend: TestBackend,
  customers = 40,
  settings: Partial<VaultSettings> = {},
): Promise<TestVault> => createDemoBankVault(backend, smallBankOf(customers), settings);

export async function customerOf(
  vault: TestVault,
  index: number,
): Promise<{ id: number; externalId: string }> {
  const externalId = externalIdOf(index);
  const id = await vault.identity.findCustomer('external_id', externalId);
  if (id === undefined) throw new Error(`no demo customer ${externalId}`);
  return { id, externalId };
}

/**
 * Every row of every table of every schema (vault, audit, hub, any other) as text, bytea as hex: written
 * apart from the scan under test, so that a bug there cannot hide itself here.
 */
export async function dumpEverySchema(db: SqlExecutor): Promise<Map<string, string>> {
  const { rows: tables } = await db.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  const dump = new Map<string, string>();
  for (const { schema, name } of tables) {
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM "${schema}"."${name}"`);
    const parts: string[] = [];
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('hex'));
        else if (value instanceof Date) parts.push(value.toISOString());
        else if (value !== null && typeof value === 'object') parts.push(JSON.stringify(value));
        else parts.push(String(value));
      }
    }
    dump.set(`${schema}.${name}`, parts.join('\n').toLowerCase());
  }
  return dump;
}

/** Every entry of the transparency log, read through the log itself, as its JSON. */
export async function logText(vault: TestVault): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < vault.audit.head().size; i++) parts.push((await vault.audit.entry(i))!.json);
  return parts.join('\n').toLowerCase();
}

/** The tables of `dump` holding `needle` (case-insensitive). */
export function tablesHolding(dump: Map<string, string>, needle: string): string[] {
  const lower = needle.toLowerCase();
  return [...dump].filter(([, text]) => text.includes(lower)).map(([table]) => table);
}
