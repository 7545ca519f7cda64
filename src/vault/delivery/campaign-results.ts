// A campaign's results for the hub: exact counts inside the vault, released only through the privacy guard.
import type { CampaignResults, DoorRefusal } from '../../core/vault-door.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import { budgetReport, costSentence } from '../../privacy/guard/budget-report.ts';
import { releaseSubjects, type PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import { readRun } from './run-store.ts';

/** The exact audiences a campaign's results release: customer ids, never released themselves. */
export interface ResultAudiences {
  readonly delivered: ArrayLike<number>;
  readonly opened: ArrayLike<number>;
  readonly interested: ArrayLike<number>;
  /** The campaign's leads by their advisor's last status: disjoint, so the guard charges them as one count. */
  readonly outcomes: Readonly<Record<string, ArrayLike<number>>>;
}

export function campaignResults(
  db: SqlExecutor,
  guard: Pick<PrivacyGuard, 'release'>,
  campaignId: string,
  requestedBy: string,
): Promise<Result<CampaignResults, DoorRefusal>> {
  return releaseResults(db, guard, { campaignId, requestedBy }, () => resultAudiences(db, campaignId));
}

/**
 * Releases a campaign's results through `guard`, for the run recorded in `runs`: the audiences come from
 * `audiences` (one vault's inbox, or a shard group's shards joined), and only their noised sizes leave.
 */
export async function releaseResults(
  runs: SqlExecutor,
  guard: Pick<PrivacyGuard, 'release'>,
  request: { readonly campaignId: string; readonly requestedBy: string },
  exactAudiences: () => Promise<ResultAudiences>,
): Promise<Result<CampaignResults, DoorRefusal>> {
  const { campaignId, requestedBy } = request;
  const run = await readRun(runs, campaignId);
  if (run === undefined || run.state === 'too_small') {
    return err({ code: 'NOT_FOUND', message: 'no delivery for this campaign' });
  }
  const audiences = await exactAudiences();
  const released = await guard.release({
    asker: requestedBy,
    purpose: run.purpose,
    label: `results:${campaignId}`,
    audiences: { delivered: audiences.delivered, opened: audiences.opened, interested: audiences.interested },
    disjoint: audiences.outcomes,
    subjects: releaseSubjects(campaignId),
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
    leadOutcomes: {
      contacted: counts['contacted'] ?? null,
      meeting: counts['meeting'] ?? null,
      productOpened: counts['product_opened'] ?? null,
      closed: counts['closed'] ?? null,
    },
    epsilon: budget.charged.toString(),
    releasedOn,
    budget: budgetReport(budget),
  });
}

/** The customers a campaign's messages reached, opened by, and answered "interested" by: exact, in the vault. */
export async function resultAudiences(db: SqlExecutor, campaignId: string): Promise<ResultAudiences> {
  const { rows } = await db.query<{ customer_id: number | string; opened: boolean; interested: boolean }>(
    `SELECT customer_id, opened_at IS NOT NULL AS opened, response = 'interested' AS interested
       FROM inbox_messages WHERE campaign_id = $1`,
    [campaignId],
  );
  const audiences = { delivered: [] as number[], opened: [] as number[], interested: [] as number[] };
  for (const row of rows) {
    const id = Number(row.customer_id);
    audiences.delivered.push(id);
    if (row.opened) audiences.opened.push(id);
    if (row.interested) audiences.interested.push(id);
  }
  return { ...audiences, outcomes: await outcomeAudiences(db, campaignId) };
}

export const leadOutcomes = ['contacted', 'meeting', 'product_opened', 'closed'] as const;

/**
 * The campaign's leads by the status their advisor last gave them: exact, in the vault. One lead per customer
 * and campaign (one inbox message each), so no customer is in two: the guard charges them as one count.
 */
async function outcomeAudiences(db: SqlExecutor, campaignId: string): Promise<Record<string, number[]>> {
  const { rows } = await db.query<{ customer_id: number | string; work_status: string }>(
    'SELECT customer_id, work_status FROM leads WHERE campaign_id = $1 AND work_status IS NOT NULL',
    [campaignId],
  );
  const audiences: Record<string, number[]> = Object.fromEntries(leadOutcomes.map((o) => [o, []]));
  for (const row of rows) audiences[row.work_status]?.push(Number(row.customer_id));
  return audiences;
}
