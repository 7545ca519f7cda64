// "Connect me" from an offer shown on the device: the one step at which the vault learns that this customer saw an
// edge offer, because they asked. Checked again, it goes to their inbox for the usual consented, receipted reveal.
import { randomBytes } from 'node:crypto';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { CurtainError } from '../../core/errors.ts';
import { productCatalog } from '../../core/products.ts';
import { bankProvider, questionPurpose } from '../../core/question-purposes.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { EdgeDefinition } from '../../edge/definitions.ts';
import { matchDefinitions } from '../../edge/matcher.ts';
import { customerFacts, edgeDefinition, inboxMessageFor } from './edge-store.ts';

export interface InterestSources {
  readonly storage: SqlExecutor;
  readonly audit: TransparencyLog;
  readonly consent: Pick<ConsentLedger, 'isAllowed' | 'current'>;
}

/**
 * The vault checks the match again before anything reaches the inbox: the device's own matcher on the customer's
 * own facts (the same segment, models and day), so a forged or stale request cannot put an offer there. The
 * customer asked, so the vault learning the match here is what "Connect me" means; it is not stored apart from
 * the inbox message.
 */
async function stillMatches(
  sources: InterestSources,
  customerId: number,
  definition: EdgeDefinition,
  today: string,
): Promise<boolean> {
  const [facts, consent] = await Promise.all([
    customerFacts(sources.storage, customerId),
    sources.consent.current(customerId),
  ]);
  const profiling = consent.some((s) => s.purpose === 'profiling' && s.grantedChannels.length > 0);
  return matchDefinitions(facts, [definition], { asOf: today, profiling }).matched.length === 1;
}

/**
 * Puts the edge offer in the customer's inbox (once) and returns the message id; the console then shows it with
 * "Interested", and connecting needs the customer's explicit consent as for any offer (invariant 6).
 */
export async function askAbout(
  sources: InterestSources,
  customerId: number,
  campaignId: string,
  today: string,
) {
  const definition = await edgeDefinition(sources.storage, campaignId);
  if (definition === undefined) throw new CurtainError('NOT_FOUND', 'no published edge campaign of that id');
  if (today < definition.validFrom || today > definition.validUntil) {
    throw new CurtainError('USAGE', 'campaign: this offer is not valid today');
  }
  const consent = questionPurpose(definition.purpose)?.consent;
  if (consent === undefined || !(await sources.consent.isAllowed(customerId, consent, 'inbox'))) {
    throw new CurtainError(
      'CONSENT_REQUIRED',
      `offers of this kind need the consent "${consent ?? '?'}" on the inbox`,
    );
  }
  if (!(await stillMatches(sources, customerId, definition, today))) {
    throw new CurtainError(
      'EDGE_OFFER_NOT_MATCHED',
      'campaign: this offer does not match your transactions today',
    );
  }
  const { offer } = definition;
  const credit = productCatalog.find((p) => p.code === offer.productCode)?.credit ?? false;
  const message = await inboxMessageFor(sources.storage, {
    publicId: `msg_${randomBytes(16).toString('base64url')}`,
    campaignId,
    customerId,
    offer: {
      offerId: campaignId,
      title: offer.title,
      body: offer.body,
      callToAction: offer.callToAction,
      category: offer.category,
      ...(offer.provider === bankProvider ? {} : { partner: offer.provider }),
      credit,
      validUntil: definition.validUntil,
    },
    explanation: `Your device matched this offer against your own transactions, with the rule: ${definition.expression}. You asked about it there.`,
  });
  await sources.audit.record([
    { type: 'message.sent', details: { campaign: campaignId, via: 'edge-interest' } },
  ]);
  return message;
}
