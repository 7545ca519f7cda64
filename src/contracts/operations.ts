// Operations contracts: liveness and readiness, and the vault's database status.
import { z } from 'zod';

export const health = z
  .object({ status: z.enum(['ok', 'unavailable']), engine: z.string() })
  .meta({ id: 'Health' });

const count = z.number().int().min(0);

export const databaseStatus = z
  .object({
    engine: z.string(),
    schemaVersion: count,
    pendingMigrations: z.array(count).readonly(),
    customers: count,
    accounts: count,
    transactions: count,
    quarantined: count,
  })
  .meta({ id: 'DatabaseStatus' });

/** A text answer (Prometheus exposition, NDJSON, Markdown, CSV): sent as is, never through the JSON serialiser. */
export const textBody = z.string();
