// The hub's memory of protected counts: the latest noised count released for a segment, for its reviewers.
import type { HubExecutor } from './hub-storage.ts';

export interface RememberedCount {
  readonly count: number;
  readonly askedBy: string;
  readonly askedAt: Date;
}

/** Keeps the latest protected count of an expression under a purpose (it left the vault already, noised). */
export async function rememberCount(
  db: HubExecutor,
  expression: string,
  purpose: string,
  counted: RememberedCount,
): Promise<void> {
  await db.query(
    `INSERT INTO hub.protected_counts (purpose, expression, count, asked_by, asked_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (purpose, expression) DO UPDATE
       SET count = EXCLUDED.count, asked_by = EXCLUDED.asked_by, asked_at = EXCLUDED.asked_at`,
    [purpose, expression, counted.count, counted.askedBy, counted.askedAt],
  );
}

/** The latest protected count of an expression under a purpose, if anyone asked for one. */
export async function rememberedCount(
  db: HubExecutor,
  expression: string,
  purpose: string,
): Promise<RememberedCount | undefined> {
  const { rows } = await db.query<{ count: number; asked_by: string; asked_at: Date }>(
    'SELECT count, asked_by, asked_at FROM hub.protected_counts WHERE purpose = $1 AND expression = $2',
    [purpose, expression],
  );
  const row = rows[0];
  return row === undefined ? undefined : { count: row.count, askedBy: row.asked_by, askedAt: row.asked_at };
}
