// Privacy-budget use as compliance reads it: the questions of the last 31 days per asker, by outcome.
import type { SqlExecutor } from '../../storage/ports.ts';

export interface AskerQuestions {
  readonly asker: string;
  /** Questions asked, by outcome ('answered', 'too_few', 'differencing', 'repeated'); absent outcomes are left out. */
  readonly questions: Readonly<Record<string, number>>;
}

/** Every asker of the last 31 days, in order of handle, with their questions counted by outcome. */
export async function recentQuestionsByAsker(db: SqlExecutor): Promise<AskerQuestions[]> {
  const { rows } = await db.query<{ asker: string; outcome: string; n: number }>(
    `SELECT asker, outcome, count(*)::int AS n FROM questions
      WHERE asked_at > now() - interval '31 days' GROUP BY asker, outcome ORDER BY asker, outcome`,
  );
  const byAsker = new Map<string, Record<string, number>>();
  for (const { asker, outcome, n } of rows) {
    const outcomes = byAsker.get(asker) ?? {};
    outcomes[outcome] = n;
    byAsker.set(asker, outcomes);
  }
  return [...byAsker].map(([asker, questions]) => ({ asker, questions }));
}
