// The one decision whether an advisor may see a customer's identity for a lead now (invariant 6).
import type { ErrorCode } from '../../core/errors.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { LeadState } from './leads.ts';

/** Why an identity is withheld: each a coded outcome the advisor sees instead of who the customer is. */
export type RevealBlock = 'withdrawn' | 'restricted' | 'customer-erased';

/** What the decision needs of a lead: its row, its customer, its state and when the customer consented. */
export interface RevealSubject {
  readonly customerId: number;
  readonly state: LeadState;
  readonly createdAt: Date;
}

/** What the advisor is told: the catalogue's code and plain words; never why in more detail than this. */
export const revealBlocks: Readonly<
  Record<
    RevealBlock,
    { readonly code: Extract<ErrorCode, 'IDENTITY_WITHHELD' | 'CUSTOMER_ERASED'>; readonly message: string }
  >
> = {
  withdrawn: { code: 'IDENTITY_WITHHELD', message: 'the customer withdrew consent' },
  restricted: { code: 'IDENTITY_WITHHELD', message: 'the customer’s data may not be processed for this now' },
  'customer-erased': { code: 'CUSTOMER_ERASED', message: 'the customer was erased' },
};

/**
 * Whether the customer still agrees that an advisor sees who they are for this lead, read afresh on every
 * call: undefined when they do; otherwise why not. Withheld when the lead was withdrawn; when the latest
 * `identity_reveal` decision in the consent ledger since the lead was made is a withdrawal; when an Art. 18
 * restriction or an objection is in force; or when the customer was erased (or is being erased).
 */
export async function revealBlock(db: SqlExecutor, lead: RevealSubject): Promise<RevealBlock | undefined> {
  if (lead.state === 'withdrawn') return 'withdrawn';
  const { rows } = await db.query<{ status: string; granted: boolean | null; restricted: boolean }>(
    `SELECT c.status,
            (SELECT cc.granted FROM consent_current cc
              WHERE cc.customer_id = c.id AND cc.purpose = 'identity_reveal' AND cc.decided_at >= $2
              ORDER BY cc.decided_at DESC, cc.granted ASC LIMIT 1) AS granted,
            EXISTS (SELECT 1 FROM processing_restrictions r
                     WHERE r.customer_id = c.id AND r.lifted_at IS NULL) AS restricted
       FROM customers c WHERE c.id = $1`,
    [lead.customerId, lead.createdAt],
  );
  const customer = rows[0];
  if (customer === undefined || customer.status !== 'active') return 'customer-erased';
  if (customer.granted === false) return 'withdrawn';
  if (customer.restricted) return 'restricted';
  return undefined;
}
