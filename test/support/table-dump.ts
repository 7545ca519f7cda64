// Dumps every table of the database as text, so that tests can look for PII anywhere in it.
import type { SqlExecutor } from '../../src/storage/ports.ts';

/** Every row of every table in the public schema, with bytea shown both as hex and as decoded text. */
export async function dumpEveryTable(db: SqlExecutor): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${name}`);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value instanceof Uint8Array) {
          const bytes = Buffer.from(value);
          parts.push(bytes.toString('hex'), bytes.toString('latin1'), bytes.toString('utf8'));
        } else if (value instanceof Date) {
          parts.push(value.toISOString());
        } else {
          parts.push(String(value));
        }
      }
    }
    parts.push(`-- ${name}: ${rows.length} rows`);
  }
  return parts.join('\n');
}
