// What a campaign's run asks of a vault: the delivery request, its offers, and the choice of offer per token.
import { CurtainError } from '../core/errors.ts';
import type { Result } from '../core/result.ts';
import type {
  DeliveryRefusal,
  DeliveryReport,
  DeliveryRequest,
  OfferContent,
  VaultDoor,
} from '../core/vault-door.ts';
import type { Campaign } from './campaign-record.ts';
import { getOffer, type Offer } from './catalogue.ts';
import type { HubExecutor } from './hub-storage.ts';
import { bankProvider } from './offer-purpose.ts';

/**
 * Runs (or resumes) a campaign's delivery through one vault's door: its one offer, the vault's next best
 * offer by propensity, or the hub's choice per released token. Tokens go back only to the door that released
 * them, so in a campaign across regions no token ever reaches another region's vault.
 */
export function deliverThrough(
  door: VaultDoor,
  campaign: Campaign,
  offers: { readonly offer: Offer; readonly alsoOffers: readonly Offer[] },
  actor: string,
  onProgress?: (fractionDone: number) => void,
): Promise<Result<DeliveryReport, DeliveryRefusal>> {
  const { offer, alsoOffers } = offers;
  const request = deliveryRequest(campaign, offer, actor);
  if (alsoOffers.length === 0) return door.deliver(request, onProgress);
  if (campaign.pickOffersBy === 'propensity') {
    return door.deliver(nextBestOffer(request, offer, alsoOffers), onProgress);
  }
  return deliverChosen(door, request, alsoOffers, onProgress);
}

/**
 * Asks the vault for the audience as tokens with interests, and chooses for each token the first of the
 * other offers whose interests it shares; the rest get the campaign's own offer. Deterministic, so that a
 * resumed run (the vault returns the same tokens) makes the same choices.
 */
async function deliverChosen(
  door: VaultDoor,
  request: DeliveryRequest,
  alsoOffers: readonly Offer[],
  onProgress: ((fractionDone: number) => void) | undefined,
): Promise<Result<DeliveryReport, DeliveryRefusal>> {
  const released = await door.releaseAudience({
    campaignId: request.campaignId,
    requestedBy: request.requestedBy,
    purpose: request.purpose,
    audience: request.audience,
    frequencyCap: request.frequencyCap,
    ...(request.maxMessages === undefined ? {} : { maxMessages: request.maxMessages }),
  });
  if (!released.ok) return released;
  const chosen = alsoOffers.map((offer) => ({ offer: offerContent(offer), tokens: [] as string[] }));
  for (const { token, interests } of released.value.tokens) {
    const index = alsoOffers.findIndex((offer) => offer.interests.some((i) => interests.includes(i)));
    if (index >= 0) chosen[index]!.tokens.push(token);
  }
  return door.deliver(
    { ...request, choices: chosen.filter((choice) => choice.tokens.length > 0) },
    onProgress,
  );
}

/** An alternative offer must share the purpose (one consent, one audience release), be valid, and say whom it suits. */
export function checkAlternative(
  other: Offer,
  offer: Offer,
  startDay: string,
  field: string,
  pickBy: 'interest' | 'propensity',
): void {
  const problem =
    other.purpose !== offer.purpose
      ? `its purpose is ${other.purpose}, the campaign's offer's is ${offer.purpose}: they must be the same`
      : other.validUntil < startDay
        ? `it is valid only until ${other.validUntil}`
        : pickBy === 'interest' && other.interests.length === 0
          ? 'it names no interests, so no one would be chosen for it'
          : undefined;
  if (problem !== undefined)
    throw new CurtainError('HUB_INVALID', `campaign ${field}: offer ${other.id}: ${problem}`);
}

export async function campaignAlternatives(tx: HubExecutor, campaignId: string): Promise<Offer[]> {
  const { rows } = await tx.query<{ offer_id: string }>(
    'SELECT offer_id FROM hub.campaign_offers WHERE campaign_id = $1 ORDER BY position',
    [campaignId],
  );
  const offers: Offer[] = [];
  for (const row of rows) offers.push(await getOffer(tx, row.offer_id));
  return offers;
}

export function offerContent(offer: Offer): OfferContent {
  return {
    offerId: offer.id,
    title: offer.title,
    body: offer.body,
    callToAction: offer.callToAction,
    category: offer.category,
    ...(offer.provider === bankProvider ? {} : { partner: offer.provider }),
    credit: offer.credit,
    validUntil: offer.validUntil,
  };
}

/** The next best offer: the vault picks each person's offer by the products' approved propensity models. */
function nextBestOffer(
  request: DeliveryRequest,
  offer: Offer,
  alsoOffers: readonly Offer[],
): DeliveryRequest {
  const withProduct = (o: Offer) => ({ ...offerContent(o), productCode: o.productCode });
  return { ...request, offer: withProduct(offer), alternatives: alsoOffers.map(withProduct) };
}

function deliveryRequest(campaign: Campaign, offer: Offer, actor: string): DeliveryRequest {
  return {
    campaignId: campaign.id,
    requestedBy: actor,
    purpose: offer.purpose,
    audience: campaign.audience,
    offer: offerContent(offer),
    channels: campaign.channels,
    frequencyCap: campaign.frequencyCap,
    ...(campaign.maxMessages === null ? {} : { maxMessages: campaign.maxMessages }),
  };
}
