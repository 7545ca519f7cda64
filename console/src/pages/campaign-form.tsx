// The first step of a new campaign: its name, a saved segment (or an expression, checked as typed), the offer from
// the catalogue (no default), other offers, notices, and the schedule: start now or later, end date, frequency cap.
import type { ReactNode } from 'react';
import type { CampaignDraftForm, Offers } from '../campaign-draft.ts';
import { SegmentWriter, useSegmentCheck } from '../segment-writer.tsx';
import { purposeTitle, type Segment } from './saved-segments.tsx';

interface FormProps {
  readonly draft: CampaignDraftForm;
  readonly onChange: (draft: CampaignDraftForm) => void;
}

function Choice({
  name,
  checked,
  onPick,
  children,
}: {
  name: string;
  checked: boolean;
  onPick: () => void;
  children: ReactNode;
}) {
  return (
    <label className="inline">
      <input type="radio" name={name} checked={checked} onChange={onPick} /> {children}
    </label>
  );
}

function Audience({
  draft,
  onChange,
  segments,
  purpose,
}: FormProps & {
  segments: readonly Segment[];
  purpose: string;
}) {
  const set = (change: Partial<CampaignDraftForm>) => onChange({ ...draft, ...change });
  // Checked under the chosen offer's purpose, for free, as it is typed; never counted.
  const check = useSegmentCheck(draft.source === 'written' ? draft.audience : '', purpose);
  return (
    <fieldset>
      <legend>Audience</legend>
      <Choice name="source" checked={draft.source === 'saved'} onPick={() => set({ source: 'saved' })}>
        A saved segment
      </Choice>
      <Choice name="source" checked={draft.source === 'written'} onPick={() => set({ source: 'written' })}>
        Write an expression
      </Choice>
      {draft.source === 'saved' ? (
        <>
          <label htmlFor="campaign-segment">Saved segment</label>
          <select
            id="campaign-segment"
            value={draft.segment}
            onChange={(e) => set({ segment: e.target.value })}
          >
            <option value="" disabled>
              Choose a saved segment
            </option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({purposeTitle(s.purpose)}, by {s.createdBy})
              </option>
            ))}
          </select>
        </>
      ) : (
        <SegmentWriter
          id="campaign-audience"
          label="Audience (a segment expression)"
          value={draft.audience}
          onChange={(audience) => set({ audience })}
          check={check}
        />
      )}
    </fieldset>
  );
}

function OfferChoice({ draft, onChange, offers }: FormProps & { offers: Offers }) {
  const set = (change: Partial<CampaignDraftForm>) => onChange({ ...draft, ...change });
  const toggle = (id: string, on: boolean) =>
    set({ also: on ? [...draft.also, id] : draft.also.filter((other) => other !== id) });
  const others = offers.filter((o) => o.id !== draft.offerId);
  return (
    <>
      <label htmlFor="campaign-offer">Offer</label>
      <select id="campaign-offer" value={draft.offerId} onChange={(e) => set({ offerId: e.target.value })}>
        <option value="" disabled>
          Choose an offer
        </option>
        {offers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Also offer (each customer gets the one that suits them best)</legend>
        {others.length === 0 ? <p>No other offers.</p> : null}
        {others.map((o) => (
          <label key={o.id} className="inline">
            <input
              type="checkbox"
              checked={draft.also.includes(o.id)}
              onChange={(e) => toggle(o.id, e.target.checked)}
            />{' '}
            {o.title}
          </label>
        ))}
        <label htmlFor="campaign-pick">Pick each customer’s offer by</label>
        <select
          id="campaign-pick"
          value={draft.pickOffersBy}
          onChange={(e) => set({ pickOffersBy: e.target.value === 'propensity' ? 'propensity' : 'interest' })}
        >
          <option value="interest">their broad interests (each offer names interests)</option>
          <option value="propensity">
            the approved propensity models, inside the vault (next best offer)
          </option>
        </select>
      </fieldset>
      <fieldset>
        <legend>Notices besides the inbox (they say only that there is a message)</legend>
        {(['email', 'push'] as const).map((channel) => (
          <label key={channel} className="inline">
            <input
              type="checkbox"
              checked={draft.channels.includes(channel)}
              onChange={(e) =>
                set({
                  channels: e.target.checked
                    ? [...draft.channels, channel]
                    : draft.channels.filter((c) => c !== channel),
                })
              }
            />{' '}
            {channel === 'push' ? 'app notification' : channel}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** A whole number from 1 to `max`. */
function Whole(props: {
  id: string;
  label: string;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const whole = (text: string) => Math.min(props.max, Math.max(1, Math.round(Number(text) || 1)));
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={1}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(whole(e.target.value))}
      />
    </>
  );
}

function Schedule({ draft, onChange }: FormProps) {
  const set = (change: Partial<CampaignDraftForm>) => onChange({ ...draft, ...change });
  return (
    <fieldset>
      <legend>Schedule (your time)</legend>
      <Choice name="start" checked={draft.start === 'now'} onPick={() => set({ start: 'now' })}>
        Start as soon as it is approved
      </Choice>
      <Choice name="start" checked={draft.start === 'later'} onPick={() => set({ start: 'later' })}>
        Start later
      </Choice>
      {draft.start === 'later' ? (
        <>
          <label htmlFor="campaign-starts">Starts</label>
          <input
            id="campaign-starts"
            type="datetime-local"
            value={draft.startsAt}
            onChange={(e) => set({ startsAt: e.target.value })}
          />
        </>
      ) : null}
      <label htmlFor="campaign-ends">Ends (optional)</label>
      <input
        id="campaign-ends"
        type="datetime-local"
        value={draft.endsAt}
        onChange={(e) => set({ endsAt: e.target.value })}
      />
      <Whole
        id="cap-messages"
        label="At most this many messages per person"
        max={1000}
        value={draft.capMessages}
        onChange={(capMessages) => set({ capMessages })}
      />
      <Whole
        id="cap-days"
        label="in this many days"
        max={366}
        value={draft.capDays}
        onChange={(capDays) => set({ capDays })}
      />
    </fieldset>
  );
}

export function CampaignForm({
  draft,
  onChange,
  offers,
  segments,
}: FormProps & { offers: Offers; segments: readonly Segment[] }) {
  const purpose = offers.find((o) => o.id === draft.offerId)?.purpose ?? 'bank_offers';
  return (
    <section aria-labelledby="step-one">
      <h3 id="step-one">Step 1 of 2: audience, offer and schedule</h3>
      <label htmlFor="campaign-name">Campaign name</label>
      <input
        id="campaign-name"
        value={draft.name}
        maxLength={120}
        onChange={(e) => onChange({ ...draft, name: e.target.value })}
      />
      <Audience draft={draft} onChange={onChange} segments={segments} purpose={purpose} />
      <OfferChoice draft={draft} onChange={onChange} offers={offers} />
      <Schedule draft={draft} onChange={onChange} />
    </section>
  );
}
