// Marketer: campaigns from saved segments — audience, offer and schedule, then the message as customers will read
// it and the protected audience size (a count already asked, never a new charge) before it goes for approval.
import { useState } from 'react';
import { get, post } from '../api.ts';
import { Link, navigate } from '../router.tsx';
import type { Item, Reply } from '../api/types.ts';
import { Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { RefusalBox } from '../refusal-box.tsx';
import { refusalOf, type Refusal } from '../refusal-words.ts';
import { BudgetMeter, useBudget } from '../budget-meter.tsx';
import { MessagePreview, ReviewFacts, type CampaignPreview } from '../campaign-review.tsx';
import {
  campaignBody,
  emptyDraft,
  missingOf,
  previewBody,
  type CampaignDraftForm,
  type Offers,
} from '../campaign-draft.ts';
import { channelsInWords, scheduleInWords, statusWords } from '../campaign-words.ts';
import { CampaignForm } from './campaign-form.tsx';
import { SaveSegment, SegmentTable, type Segment } from './saved-segments.tsx';

type Campaign = Item<Reply<'/v1/hub/campaigns', 'get'>['campaigns']>;

function Confirm({
  draft,
  preview,
  onBack,
}: {
  draft: CampaignDraftForm;
  preview: CampaignPreview;
  onBack: () => void;
}) {
  const [error, setError] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const created = await post<Reply<'/v1/hub/campaigns', 'post', 201>>(
        '/v1/hub/campaigns',
        campaignBody(draft),
      );
      navigate(`/campaigns/${created.id}`);
    } catch (failure) {
      setError(refusalOf(failure));
      setBusy(false);
    }
  };
  const start = draft.start === 'now' ? new Date().toISOString() : new Date(draft.startsAt).toISOString();
  const end = draft.endsAt === '' ? null : new Date(draft.endsAt).toISOString();
  const cap = { messages: draft.capMessages, days: draft.capDays };
  return (
    <section aria-labelledby="confirm-heading" className="confirm">
      <h3 id="confirm-heading">Step 2 of 2: check what will be sent</h3>
      <MessagePreview offer={preview.offer} review={preview.review} />
      <dl className="facts">
        <dt>Campaign</dt>
        <dd>{draft.name}</dd>
        <ReviewFacts review={preview.review} />
        <dt>Channels</dt>
        <dd>{channelsInWords(draft.channels)}</dd>
        <dt>Schedule</dt>
        <dd>
          {draft.start === 'now' ? 'as soon as it is approved; ' : ''}
          {scheduleInWords({ startsAt: start, endsAt: end, frequencyCap: cap })}
        </dd>
      </dl>
      <p>
        Submitting sends it to a second person for approval; nothing reaches a customer before that.
        Submitting costs no privacy budget.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void submit()} disabled={busy || !preview.review.check.passed}>
          Submit for approval
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          Back to edit
        </button>
      </div>
      <RefusalBox refusal={error} />
    </section>
  );
}

function NewCampaign({ offers, segments }: { offers: Offers; segments: readonly Segment[] }) {
  const [draft, setDraft] = useState<CampaignDraftForm>(emptyDraft);
  const [preview, setPreview] = useState<CampaignPreview>();
  const [error, setError] = useState<Refusal>();
  const missing = missingOf(draft);
  const ask = async () => {
    setError(undefined);
    try {
      setPreview(await post<CampaignPreview>('/v1/hub/campaigns/preview', previewBody(draft)));
    } catch (failure) {
      setError(refusalOf(failure));
    }
  };
  return (
    <section aria-labelledby="new-campaign">
      <h2 id="new-campaign">New campaign</h2>
      {preview === undefined ? (
        <>
          <CampaignForm draft={draft} onChange={setDraft} offers={offers} segments={segments} />
          <p className="muted" aria-live="polite">
            {missing ?? 'Ready: preview the message and the audience size (free).'}
          </p>
          <button type="button" disabled={missing !== undefined} onClick={() => void ask()}>
            Preview and confirm
          </button>
          <RefusalBox refusal={error} />
        </>
      ) : (
        <Confirm draft={draft} preview={preview} onBack={() => setPreview(undefined)} />
      )}
    </section>
  );
}

export function CampaignTable({ campaigns, caption }: { campaigns: readonly Campaign[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Drafted by</th>
            <th scope="col">Starts</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
              </td>
              <td>
                <span className={`status status-${c.status}`}>{statusWords(c.status)}</span>
              </td>
              <td>{c.createdBy}</td>
              <td>{formatDate(c.startsAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Campaigns() {
  const campaigns = useLoad(() => get<Reply<'/v1/hub/campaigns', 'get'>>('/v1/hub/campaigns'), 'campaigns');
  const offers = useLoad(() => get<Reply<'/v1/hub/offers', 'get'>>('/v1/hub/offers'), 'offers');
  const segments = useLoad(() => get<Reply<'/v1/hub/segments', 'get'>>('/v1/hub/segments'), 'segments');
  const budget = useBudget('campaigns');
  return (
    <Page title="Campaigns">
      <BudgetMeter budget={budget} />
      {campaigns.data === undefined ? (
        <Loading error={campaigns.error} />
      ) : campaigns.data.campaigns.length === 0 ? (
        <p>No campaigns yet.</p>
      ) : (
        <CampaignTable campaigns={campaigns.data.campaigns} caption="Campaigns, newest first" />
      )}
      <section aria-labelledby="segments-heading">
        <h2 id="segments-heading">Saved segments</h2>
        {segments.data === undefined ? (
          <Loading error={segments.error} />
        ) : segments.data.segments.length === 0 ? (
          <p>No saved segments yet: save one below, then build a campaign from it.</p>
        ) : (
          <SegmentTable segments={segments.data.segments} />
        )}
        <SaveSegment onSaved={segments.reload} />
      </section>
      {offers.data === undefined || segments.data === undefined ? (
        <Loading error={offers.error ?? segments.error} />
      ) : offers.data.offers.length === 0 ? (
        <p>
          Create an <Link href="/offers">offer</Link> first.
        </p>
      ) : (
        <NewCampaign offers={offers.data.offers} segments={segments.data.segments} />
      )}
    </Page>
  );
}
