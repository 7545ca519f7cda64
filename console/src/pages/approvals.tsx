// Approver: campaigns drafted by someone else that wait for a second person's approval.
import { get } from '../api.ts';
import { BudgetDecisions } from '../budget-ask.tsx';
import type { Reply } from '../api/types.ts';
import { Loading, Page } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { CampaignTable } from './campaigns.tsx';

export function Approvals() {
  const drafts = useLoad(
    () => get<Reply<'/v1/hub/campaigns', 'get'>>('/v1/hub/campaigns?status=draft'),
    'drafts',
  );
  return (
    <Page title="Campaigns to approve">
      <p>
        A campaign runs only once a second person approves it. Open one to read everything it will send, then
        approve or refuse it with a reason.
      </p>
      {drafts.data === undefined ? (
        <Loading error={drafts.error} />
      ) : drafts.data.campaigns.length === 0 ? (
        <p>Nothing waits for approval.</p>
      ) : (
        <CampaignTable campaigns={drafts.data.campaigns} caption="Drafts awaiting approval" />
      )}
      <BudgetDecisions />
    </Page>
  );
}
