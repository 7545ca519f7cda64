// Customer: the inbox, one message with "Why am I seeing this?", the four answers, and connecting with consent.
import { useState } from 'react';
import { get, post } from '../api.ts';
import { Link } from '../router.tsx';
import type { Body, Reply } from '../api/types.ts';
import { ActionButton, Alert, Loading, Page, formatDate } from '../ui.tsx';
import { useLoad } from '../use-load.ts';
import { leadWords } from '../lead-words.ts';

type InboxMessage = Reply<'/v1/me/inbox/{message}', 'get'>;
type Lead = Reply<'/v1/me/inbox/{message}/connect', 'post', 201>;
type Answer = Body<'/v1/me/inbox/{message}/response', 'post'>['answer'];

/**
 * What "interested" answers (POST /v1/me/inbox/{message}/response): the document has no response schema for it
 * yet, so this is the part the console reads of the vault's ConsentRequest (src/vault/responses/).
 */
interface ConsentRequest {
  readonly recipient: { readonly code: string; readonly name: string };
  readonly reveals: readonly string[];
  readonly notice: { readonly id: string; readonly text: string };
}

interface Answered {
  readonly kind: Answer;
  readonly consentRequest: ConsentRequest | null;
}

type MyLeads = Reply<'/v1/me/leads', 'get'>;

/** The customer's requests to be contacted, by the message they answered (none when they cannot be read). */
function useLeadsByMessage(): Map<string, MyLeads['leads'][number]> {
  const leads = useLoad(() => get<MyLeads>('/v1/me/leads').catch(() => ({ leads: [] })), 'my-leads');
  return new Map((leads.data?.leads ?? []).map((lead) => [lead.messageId, lead]));
}

type InsightMessage = Reply<'/v1/me/inbox', 'get'>['insights'][number];

/** A spending-insights message in the inbox list: it opens on its own page, with no answers to give. */
function InsightItem({ m }: { m: InsightMessage }) {
  return (
    <li className={m.openedAt === undefined ? 'unread' : ''}>
      <Link href={`/inbox/insights/${m.id}`}>{m.title}</Link>
      <span className="muted">
        {' '}
        — {formatDate(m.deliveredAt)}
        {m.openedAt === undefined ? ' (new)' : ''} · only for you, from your own accounts
      </span>
    </li>
  );
}

export function Inbox() {
  const inbox = useLoad(() => get<Reply<'/v1/me/inbox', 'get'>>('/v1/me/inbox'), 'inbox');
  const leads = useLeadsByMessage();
  return (
    <Page title="Your inbox">
      {inbox.data === undefined ? (
        <Loading error={inbox.error} />
      ) : inbox.data.messages.length + inbox.data.insights.length === 0 ? (
        <p>No messages.</p>
      ) : (
        <ul className="inbox">
          {inbox.data.insights.map((m) => (
            <InsightItem key={m.id} m={m} />
          ))}
          {inbox.data.messages.map((m) => (
            <li key={m.id} className={m.openedAt === null ? 'unread' : ''}>
              <Link href={`/inbox/${m.id}`}>{m.title}</Link>
              <span className="muted">
                {' '}
                — {formatDate(m.deliveredAt)}
                {m.openedAt === null ? ' (new)' : ''}
                {m.response === null ? '' : ` · you answered: ${m.response.replace('_', ' ')}`}
                {leads.has(m.id) ? ` · contact: ${leadWords(leads.get(m.id)!)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

const answers = [
  { kind: 'interested', label: 'Interested' },
  { kind: 'not_now', label: 'Not now' },
  { kind: 'not_interested', label: 'Not interested in offers like this' },
  { kind: 'stop_all', label: 'Stop all offers' },
] as const;

const revealed: Record<string, string> = {
  givenName: 'your first name',
  familyName: 'your last name',
  email: 'your email address',
  phone: 'your phone number',
};

function Connect({ messageId, request }: { messageId: string; request: ConsentRequest }) {
  const [agreed, setAgreed] = useState(false);
  const [lead, setLead] = useState<Lead>();
  if (lead !== undefined) {
    return (
      <Alert kind="success">
        Done: {request.recipient.name} may now contact you about this offer. You can withdraw this in{' '}
        <Link href="/preferences">your preferences</Link> until an advisor takes it up.
      </Alert>
    );
  }
  return (
    <section aria-labelledby="connect-heading" className="consent">
      <h2 id="connect-heading">Connect me with an advisor</h2>
      <p>Nobody knows who you are yet. If you agree, {request.recipient.name} will learn only:</p>
      <ul>
        {request.reveals.map((field) => (
          <li key={field}>{revealed[field] ?? field}</li>
        ))}
      </ul>
      <p className="notice">{request.notice.text}</p>
      <label className="inline">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I agree to
        reveal these details to {request.recipient.name} for this offer
      </label>
      <ActionButton
        disabled={!agreed}
        action={async () =>
          setLead(
            await post<Lead>(`/v1/me/inbox/${encodeURIComponent(messageId)}/connect`, {
              consent: true,
              notice: request.notice.id,
            } satisfies Body<'/v1/me/inbox/{message}/connect', 'post'>),
          )
        }
      >
        Connect me
      </ActionButton>
    </section>
  );
}

const BackToInbox = () => (
  <p>
    <Link href="/inbox" className="back-link">
      ← Back to the inbox
    </Link>
  </p>
);

export function MessageView({ id }: { id: string }) {
  const message = useLoad(() => get<InboxMessage>(`/v1/me/inbox/${encodeURIComponent(id)}`), id);
  const [answered, setAnswered] = useState<Answered>();
  const lead = useLeadsByMessage().get(id);
  if (message.data === undefined) return <Loading error={message.error} />;
  const m = message.data;
  const respond = async (answer: Answer) =>
    setAnswered(
      await post<Answered>(`/v1/me/inbox/${encodeURIComponent(id)}/response`, {
        answer,
      } satisfies Body<'/v1/me/inbox/{message}/response', 'post'>),
    );
  return (
    <Page title={m.title}>
      <BackToInbox />
      <article className="message">
        <p>{m.greeting}</p>
        <p>{m.body}</p>
        <p className="muted">
          {m.partner === null ? 'From your bank' : `With our partner ${m.partner}`} · valid until{' '}
          {m.validUntil}
          {m.expired ? ' (expired)' : ''}
        </p>
      </article>
      <details className="why">
        <summary>Why am I seeing this?</summary>
        <p data-testid="why">{m.why}</p>
        <p className="muted">
          Your bank chose this from your own accounts, inside the bank. The people who wrote the offer do not
          know who you are.
        </p>
      </details>
      {lead === undefined ? null : (
        <section aria-labelledby="contact-heading" className="claimed">
          <h2 id="contact-heading">Your request to be contacted</h2>
          <p>
            Asked {formatDate(lead.createdAt)}: <strong>{leadWords(lead)}</strong>.
          </p>
        </section>
      )}
      <h2>Your answer</h2>
      <div className="actions" role="group" aria-label="Your answer">
        {answers.map((a) => (
          <ActionButton
            key={a.kind}
            action={() => respond(a.kind)}
            aria-pressed={(answered?.kind ?? m.response) === a.kind}
          >
            {a.label}
          </ActionButton>
        ))}
      </div>
      {answered === undefined ? null : (
        <Alert kind="success">Thank you: your answer “{answered.kind.replace('_', ' ')}” is recorded.</Alert>
      )}
      {answered?.consentRequest ? <Connect messageId={id} request={answered.consentRequest} /> : null}
    </Page>
  );
}

type InsightMessageDetail = Reply<'/v1/me/insights/messages/{message}', 'get'>;

/** One spending-insights message as it was sent: its lines, and the way to the insights as they are now. */
export function InsightMessageView({ id }: { id: string }) {
  const message = useLoad(
    () => get<InsightMessageDetail>(`/v1/me/insights/messages/${encodeURIComponent(id)}`),
    `insight-${id}`,
  );
  if (message.data === undefined) return <Loading error={message.error} />;
  const m = message.data;
  return (
    <Page title={m.title}>
      <BackToInbox />
      <article className="message">
        {m.body.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
        <p className="muted">
          Sent {formatDate(m.deliveredAt)}, worked out inside your bank from your own accounts; nobody else
          sees it. <Link href="/insights">Your insights as they are today</Link>
        </p>
      </article>
    </Page>
  );
}
