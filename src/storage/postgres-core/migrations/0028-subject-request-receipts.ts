// Migration 28 (subject-request-receipts): a receipt id per erasure request, one open request per customer and
// kind, and the officer's own words beside a lawful rejection reason.
export const subjectRequestReceiptsSchema = `
-- Given to the requester when an erasure request is made: with it, and nothing else, the signed receipt can be
-- fetched after the erasure, when the customer can no longer sign in. Random (122 bits), not personal data.
ALTER TABLE subject_requests ADD COLUMN receipt_id text;
CREATE UNIQUE INDEX subject_requests_receipt_id ON subject_requests (receipt_id) WHERE receipt_id IS NOT NULL;
UPDATE subject_requests SET receipt_id = gen_random_uuid()::text WHERE kind = 'erasure';

-- The officer's explanation of a rejection, beside its lawful reason code. Written by staff, so it may name the
-- customer: it is kept here only (never in the transparency log) and cleared when the customer is erased.
ALTER TABLE subject_requests ADD COLUMN rejection_note text;

-- At most one open request per customer and kind. Older duplicates could never complete (the first one to be
-- carried out closed the customer's case), so they are closed here as repetitive (GDPR Art. 12(5)).
UPDATE subject_requests AS later SET status = 'rejected', rejection = 'duplicate-request', closed_at = now()
 WHERE later.status IN ('received', 'verified') AND later.customer_id IS NOT NULL
   AND EXISTS (
     SELECT 1 FROM subject_requests AS earlier
      WHERE earlier.customer_id = later.customer_id AND earlier.kind = later.kind
        AND earlier.status IN ('received', 'verified')
        AND (earlier.received_at, earlier.id) < (later.received_at, later.id));
CREATE UNIQUE INDEX subject_requests_one_open ON subject_requests (customer_id, kind)
  WHERE status IN ('received', 'verified') AND customer_id IS NOT NULL;
`;
