// A campaign's results for the hub: exact counts inside the vault, released only through the privacy guard.
import type { CampaignResults, DoorRefusal } from '../../core/vault-door.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { budgetReport, costSentence } from '../../privacy/guard/budget-report.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import { readRun } from './run-store.ts';

export async function campaignResults(
  db: SqlExecutor,
  guard: Pick<PrivacyGuard, 'release'>,
  campaignId: string,
  requestedBy: string,
): Promise<Result<CampaignResults, DoorRefusal>> {
  const run = await readRun(db, campaignId);
  if (run === undefined || run.state === 'too_small') {
    return err({ code: 'NOT_FOUND', message: 'no delivery for this campaign' });
  }
  const { rows } = await db.query<{ delivered: number; opened: number; interested: number }>(
    `SELECT count(*)::int AS delivered,
            count(opened_at)::int AS opened,
            count(*) FILTER (WHERE response = 'interested')::int AS interested
       FROM inbox_messages WHERE campaign_id = $1`,
    [campaignId],
  );
  const exact = rows[0] ?? { delivered: 0, opened: 0, interested: 0 };
  const released = await guard.release({
    asker: requestedBy,
    purpose: run.purpose,
    label: `results:${campaignId}`,
    counts: { delivered: exact.delivered, opened: exact.opened, interested: exact.interested },
  });
  if (!released.ok) {
    const refusal = released.error;
    return err({
      code: refusal.code,
      message:
        'budget' in refusal
          ? `${refusal.message} (${costSentence(budgetReport(refusal.budget))})`
          : refusal.message,
      ...('budget' in refusal ? { budget: budgetReport(refusal.budget) } : {}),
    });
  }
  const { counts, budget, releasedOn } = released.value;
  return ok({
    campaignId,
    delivered: counts['delivered'] ?? null,
    opened: counts['opened'] ?? null,
    interested: counts['interested'] ?? null,
    epsilon: budget.charged.toString(),
    releasedOn,
    budget: budgetReport(budget),
  });
}
