// What a campaign will send, as the marketer confirms it and the approver reads it: the message exactly as the
// customer will see it, the static checks (fair lending for credit), and the protected count already asked.
import type { Reply } from './api/types.ts';
import { Link } from './router.tsx';
import { formatDate } from './ui.tsx';

export type CampaignPreview = Reply<'/v1/hub/campaigns/preview', 'post'>;
export type Review = CampaignPreview['review'];
export type Offer = CampaignPreview['offer'];

/** The inbox message as the customer reads it, with its "Why am I seeing this?" opened. */
export function MessagePreview({ offer, review }: { offer: Offer; review: Review }) {
  return (
    <figure className="message-preview" aria-labelledby="preview-caption">
      <figcaption id="preview-caption">What the customer will read in their inbox</figcaption>
      <div className="message" data-testid="message-preview">
        <h3>{offer.title}</h3>
        <p>{offer.body}</p>
        <p>
          <strong>{offer.callToAction}</strong>
        </p>
        <p className="why-preview">
          <strong>Why am I seeing this?</strong>{' '}
          <span data-testid="why-sentence">
            {review.sentence ?? 'no sentence: the audience fails its check'}
          </span>
        </p>
      </div>
    </figure>
  );
}

export function fairLendingInWords(review: Review): string {
  if (!review.fairLending.applies) {
    return 'Does not apply: this is not a credit offer.';
  }
  return review.check.passed
    ? `Passed: the audience uses no protected attribute and no listed proxy (rules ${review.fairLending.rules}).`
    : `Failed under the fair-lending rules ${review.fairLending.rules}: the vault would refuse it.`;
}

export function protectedCountInWords(review: Review): string {
  const counted = review.protectedCount;
  return counted === null
    ? 'Not asked yet: ask a protected count in the segment editor (under this offer’s purpose) before sending.'
    : `About ${counted.count.toLocaleString('en-GB')} customers (a noised count asked by ${counted.askedBy} on ${formatDate(counted.askedAt)}; the exact number is never shown).`;
}

/** The checks an approver and the marketer read before a campaign goes anywhere. */
export function ReviewFacts({ review }: { review: Review }) {
  return (
    <>
      <dt>Audience</dt>
      <dd className="wrap">
        <code>{review.audience}</code>
      </dd>
      <dt>Protected audience size</dt>
      <dd data-testid="review-count">
        {protectedCountInWords(review)}
        {review.protectedCount === null ? (
          <>
            {' '}
            <Link href="/segments">Open the segment editor</Link>
          </>
        ) : null}
      </dd>
      <dt>Fair-lending check</dt>
      <dd data-testid="fair-lending">{fairLendingInWords(review)}</dd>
      {review.check.passed ? null : (
        <>
          <dt>Problem</dt>
          <dd>
            <pre className="wrap">{review.check.problem}</pre>
          </dd>
        </>
      )}
    </>
  );
}
