// "Connect me" from an offer shown on the device: the one step at which the vault learns that this customer saw an
// edge offer, because they asked. The offer goes to their inbox, where the usual consented, receipted reveal follows.
import { randomBytes } from 'node:crypto';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { CurtainError } from '../../core/errors.ts';
import { productCatalog } from '../../core/products.ts';
import { bankProvider, questionPurpose } from '../../core/question-purposes.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import { edgeDefinition, inboxMessageFor } from './edge-store.ts';

export interface InterestSources {
  readonly storage: SqlExecutor;
  readonly audit: TransparencyLog;
  readonly consent: Pick<ConsentLedger, 'isAllowed'>;
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
