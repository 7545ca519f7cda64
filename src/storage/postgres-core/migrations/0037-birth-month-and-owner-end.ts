// Migration 37 (birth-month-and-owner-end): no exact birth date at rest in clear, and a joint owner's end date.

export const birthMonthAndOwnerEndSchema = `
-- customer_flags.adult_from held the exact 18th birthday: the date of birth in clear, beside the encrypted
-- identity. It becomes the first day of the month after the 18th birthday's month: the first day on which
-- everyone born in that month is surely 18 (minors stay out a few days longer, never less), and all that age
-- bands need (the birth month). The day of birth is no longer derivable from any clear column.
UPDATE customer_flags
   SET adult_from = (date_trunc('month', adult_from) + interval '1 month')::date
 WHERE adult_from IS NOT NULL;
ALTER TABLE customer_flags ADD CONSTRAINT customer_flags_adult_from_month
  CHECK (adult_from IS NULL OR extract(day FROM adult_from) = 1);

-- A joint owner removed by a delta file keeps the link with the day the ownership ended: the account's
-- transactions booked before that day still count for them (they held it then), none from that day on.
ALTER TABLE account_owners ADD COLUMN ended_on date;
ALTER TABLE account_owners ADD CONSTRAINT account_owners_primary_not_ended
  CHECK (role = 'joint' OR ended_on IS NULL);

CREATE OR REPLACE VIEW owned_transactions AS
  SELECT id, account_id, customer_id, batch_id, booking_date, amount_minor, currency, direction, mcc, category,
         merchant_name
    FROM transactions
  UNION ALL
  SELECT t.id, t.account_id, o.customer_id, t.batch_id, t.booking_date, t.amount_minor, t.currency, t.direction, t.mcc,
         t.category, t.merchant_name
    FROM account_owners o JOIN transactions t ON t.account_id = o.account_id
   WHERE o.role = 'joint' AND (o.ended_on IS NULL OR t.booking_date < o.ended_on);
`;
