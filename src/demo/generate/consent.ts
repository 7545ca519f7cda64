// Demo consent: realistic, deterministic decisions for customer i of a seeded bank, for the demo-bank loader.
import {
  currentNotice,
  gpcWithdraws,
  consentPurposes,
  type ChannelScope,
  type ConsentDecision,
  type ConsentPurpose,
  type ConsentSource,
} from '../../core/consent.ts';
import { customerRandom, hashSeed } from './random.ts';
import type { PersonaCode } from './types.ts';

/** A decision of a generated customer, timed relative to the end of the generated period. */
export interface DemoDecision {
  readonly purpose: ConsentPurpose;
  readonly channel: ChannelScope;
  readonly granted: boolean;
  readonly source: ConsentSource;
  readonly noticeVersion: string;
  /** Whole days before the bank's end date (the decision is at noon UTC that day). */
  readonly daysBeforeEnd: number;
}

/** Share of customers who refuse everything (an explicit withdrawal of every purpose). */
export const demoRefuseAllShare = 0.08;
/** Share of the others who send a Global Privacy Control signal later. */
export const demoGpcShare = 0.06;

const keep = 1 - demoRefuseAllShare;
// Conditional probabilities among those who do not refuse everything, so that overall shares come out at
// bank offers in the inbox ~80 %, by email ~40 %, partner offers ~20 %, profiling ~50 %, insights ~70 %.
const pBankInbox = 0.8 / keep;
const pBankEmailGivenInbox = 0.4 / 0.8;
const pPartnerGivenInbox = 0.2 / 0.8 / (1 - demoGpcShare);
const pProfiling = 0.5 / keep / (1 - demoGpcShare);
const pInsights = 0.7 / keep;

/** Push is an app habit: younger customers allow it more often. */
const pushGivenInbox: Record<PersonaCode, number> = {
  student: 0.55,
  young_renter: 0.5,
  first_time_buyer: 0.45,
  family: 0.4,
  retiree: 0.15,
  small_business_owner: 0.35,
};

/**
 * The decisions customer `index` of bank `seed` took, oldest first. Depends only on (seed, index,
 * persona). Overall shares: bank offers in the inbox ~80 % (so a segment keeps ~80 % of its customers
 * after the consent filter), by email ~40 %, partner offers ~20 %, profiling ~50 %, spending insights
 * ~70 %; ~8 % refuse everything; ~5.5 % send a GPC signal after their grants. Identity reveal is
 * never granted up front: it is asked per lead. Convert with `toConsentDecisions`.
 */
export function demoConsentDecisions(
  seed: number | string,
  index: number,
  persona: PersonaCode,
): DemoDecision[] {
  const random = customerRandom(hashSeed(`${String(seed)}/consent`), index);
  const onboarding = random.int(60, 700);
  const at = (days: number) => Math.max(0, Math.round(days));
  const decide = (
    purpose: ConsentPurpose,
    channel: ChannelScope,
    granted: boolean,
    daysBeforeEnd: number,
    source: ConsentSource = random.chance(0.7) ? 'console' : 'api',
  ): DemoDecision => ({
    purpose,
    channel,
    granted,
    source,
    noticeVersion: currentNotice(purpose).id,
    daysBeforeEnd: at(daysBeforeEnd),
  });

  if (random.chance(demoRefuseAllShare)) {
    return consentPurposes.map((purpose) => decide(purpose, 'all', false, onboarding, 'console'));
  }
  const decisions: DemoDecision[] = [];
  const inbox = random.chance(pBankInbox);
  if (inbox) {
    decisions.push(decide('bank_offers', 'inbox', true, onboarding));
    if (random.chance(pBankEmailGivenInbox)) decisions.push(decide('bank_offers', 'email', true, onboarding));
    if (random.chance(pushGivenInbox[persona]))
      decisions.push(decide('bank_offers', 'push', true, onboarding));
    if (random.chance(pPartnerGivenInbox)) {
      decisions.push(decide('partner_offers', 'inbox', true, onboarding - random.int(0, 30)));
    }
  }
  if (random.chance(pInsights)) decisions.push(decide('spending_insights', 'all', true, onboarding));
  if (random.chance(pProfiling)) decisions.push(decide('profiling', 'all', true, onboarding));
  if (random.chance(demoGpcShare)) {
    const later = random.int(0, Math.max(0, onboarding - 31));
    for (const purpose of gpcWithdraws) decisions.push(decide(purpose, 'all', false, later, 'gpc'));
  }
  return decisions;
}

/** The ledger's decisions for a demo customer whose internal id is `customerId`. */
export function toConsentDecisions(
  customerId: number,
  decisions: readonly DemoDecision[],
  end: string,
): ConsentDecision[] {
  const endNoon = Date.parse(`${end}T12:00:00Z`);
  return decisions.map((d) => ({
    customerId,
    purpose: d.purpose,
    channel: d.channel,
    granted: d.granted,
    source: d.source,
    noticeVersion: d.noticeVersion,
    decidedAt: new Date(endNoon - d.daysBeforeEnd * 86_400_000),
  }));
}
