// What a campaign will send, for the marketer's confirmation and the approver: the sentence customers will read,
// the static checks (fair lending for credit), and the latest protected count already released (never a new one).
import type { CampaignReview } from '../contracts/hub-campaigns.ts';
import { questionPurpose } from '../core/question-purposes.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import { fairLendingVersion } from '../language/fair-lending.ts';
import type { HubStorage } from './hub-storage.ts';
import { rememberedCount } from './protected-counts.ts';

export type { CampaignReview } from '../contracts/hub-campaigns.ts';

/**
 * Checks the audience again under the offer's purpose (free: the vault reads no data for it). A refusal is part
 * of the review, not an error, so an approver sees why a campaign would now be refused. The door is asked
 * outside any hub transaction (in one process both may share a database).
 */
export async function reviewAudience(
  door: VaultDoor,
  storage: HubStorage,
  audience: string,
  purpose: string,
): Promise<CampaignReview> {
  const checked = await door.check(audience, purpose);
  const remembered = await storage.transaction((tx) => rememberedCount(tx, audience, purpose));
  return {
    audience,
    purpose,
    sentence: checked.ok ? checked.value.explanation : null,
    check: checked.ok
      ? { passed: true, code: null, problem: null }
      : {
          passed: false,
          code: checked.error.code,
          problem: checked.error.rendered ?? checked.error.message,
        },
    fairLending: { applies: questionPurpose(purpose)?.credit ?? false, rules: fairLendingVersion },
    protectedCount: remembered ?? null,
  };
}
