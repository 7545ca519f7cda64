// "Connect me" from an offer shown on the device: the one step at which the vault learns that this customer saw an
// edge offer, because they asked. Checked again, it goes to their inbox for the usual consented, receipted reveal.
import { randomBytes } from 'node:crypto';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { CurtainError } from '../../core/errors.ts';
import { productCatalog } from '../../core/products.ts';
import { bankProvider, questionPurpose } from '../../core/question-purposes.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import type { EdgeDefinition } from '../../edge/definitions.ts';
import type { EdgeFacts, ProcessingHold } from '../../edge/customer-source.ts';
import { withheldBy, type WithheldBy } from '../../edge/device-rules.ts';
import { matchDefinitions } from '../../edge/matcher.ts';
import { customerFacts, edgeCampaign, inboxMessageFor } from './edge-store.ts';

export interface InterestSources {
  readonly storage: SqlExecutor;
  readonly audit: TransparencyLog;
  readonly consent: Pick<ConsentLedger, 'isAllowed' | 'current'>;
  readonly preferences: Pick<PreferenceStore, 'get'>;
}

/** What the customer is told when their own state turns the offer away (their own choices, in their words). */
const withheldWords: Record<ProcessingHold | Exclude<WithheldBy, 'consent'>, string> = {
  restriction: 'you asked the bank to restrict the processing of your data, so it sends you no offers now',
  objection: 'you objected to the processing of your data for offers, so the bank sends you none now',
  marketing_exclusion: 'the bank sends you no offers at the moment',
  stop_everything: 'you asked for no offers at all',
  not_interested: 'you said you are not interested in offers of this kind',
  blocked_partner: 'you asked for no offers from this partner',
};

/**
 * The vault checks the match again before anything reaches the inbox: the device's own matcher on the customer's
 * own facts (the same segment, models and day), so a forged or stale request cannot put an offer there. The
 * customer asked, so the vault learning the match here is what "Connect me" means; it is not stored apart from
 * the inbox message.
 */
function stillMatches(
  facts: EdgeFacts,
  consent: readonly { readonly purpose: string; readonly grantedChannels: readonly string[] }[],
  definition: EdgeDefinition,
  today: string,
): boolean {
  const profiling = consent.some((s) => s.purpose === 'profiling' && s.grantedChannels.length > 0);
  return matchDefinitions(facts, [definition], { asOf: today, profiling }).matched.length === 1;
}

/**
 * The customer's current state, checked by the device's own rules (device-rules.ts) on what the vault holds now:
 * the purpose's consent on the inbox, then a restriction, an objection or a marketing exclusion, then "stop
 * everything", "not interested" in the offer's category and a blocked partner. A device that ignored any of
 * them, or one whose state is stale, cannot put the offer in the inbox.
 */
async function checkCurrentState(
  sources: InterestSources,
  customerId: number,
  definition: EdgeDefinition,
  facts: EdgeFacts,
  consent: Awaited<ReturnType<ConsentLedger['current']>>,
): Promise<void> {
  const preferences = await sources.preferences.get(customerId);
  const withheld = withheldBy(definition, {
    inboxConsents: consent.filter((c) => c.grantedChannels.includes('inbox')).map((c) => c.purpose),
    frequencyCap: preferences.frequencyCap ?? null,
    notInterestedCategories: [...preferences.notInterestedCategories],
    blockedPartners: [...preferences.blockedPartners],
    stopEverything: preferences.stopEverything,
  });
  if (withheld === 'consent') {
    const purpose = questionPurpose(definition.purpose)?.consent ?? '?';
    throw new CurtainError(
      'CONSENT_REQUIRED',
      `offers of this kind need the consent "${purpose}" on the inbox`,
    );
  }
  const reason = facts.holds[0] ?? withheld;
  if (reason !== undefined)
    throw new CurtainError('EDGE_OFFER_WITHHELD', `campaign: ${withheldWords[reason]}`);
}

/**
 * Puts the edge offer in the customer's inbox (once) and returns the message id; the console then shows it with
 * "Interested", and connecting needs the customer's explicit consent as for any offer (invariant 6).
 */
export async function askAbout(sources: InterestSources, customerId: number, campaignId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const campaign = await edgeCampaign(sources.storage, campaignId);
  if (campaign === undefined) throw new CurtainError('NOT_FOUND', 'no published edge campaign of that id');
  const { definition } = campaign;
  if (campaign.withdrawnAt !== null)
    throw new CurtainError('USAGE', 'campaign: the bank withdrew this offer');
  if (today < definition.validFrom || today > definition.validUntil) {
    throw new CurtainError('USAGE', 'campaign: this offer is not valid today');
  }
  const [facts, consent] = await Promise.all([
    customerFacts(sources.storage, customerId, today),
    sources.consent.current(customerId),
  ]);
  await checkCurrentState(sources, customerId, definition, facts, consent);
  if (!stillMatches(facts, consent, definition, today)) {
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
    at: now,
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
