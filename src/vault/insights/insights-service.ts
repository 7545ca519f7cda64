// The customer's own insights: behind the spending_insights consent, computed in the vault, shown only to them.
import type { FrequencyCap } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import { moneyInWords } from '../../core/money.ts';
import { categoryInWords } from '../../core/taxonomy.ts';
import { computeInsights, type Insights } from '../../insights/insights.ts';
import { dateInWords as day } from '../../insights/ledger.ts';
import { perYear } from '../../insights/suggestions.ts';
import type { Storage } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import { capDays } from '../delivery/audience-filter.ts';
import { InsightsStore, type StoredInsightMessage } from './insights-store.ts';

/**
 * The balance of the customer's main account. By default the vault's own balance feed (statements' booked
 * balances, the accounts import, the demo loader) plus the transactions booked since; a test may pass another.
 */
export type BalanceSource = (
  customerId: number,
) => Promise<{ readonly currentMinor: number; readonly overdraftLimitMinor?: number } | undefined>;

export interface InsightsServiceOptions {
  readonly currency: string;
  readonly now?: () => Date;
  readonly balances?: BalanceSource;
}

export type SendOutcome = 'sent' | 'not-due' | 'no-consent';

/** With no choice of their own, a customer hears from their insights at most monthly. */
const defaultCap: Exclude<FrequencyCap, 'never'> = 'monthly';

const money = moneyInWords;

/** A short message about the insights; the full insights travel with it, for the customer's own screen. */
function messageOf(insights: Insights, currency: string): { title: string; body: string } {
  const lines: string[] = [];
  const warning = insights.forecast?.warning;
  if (warning !== undefined) {
    lines.push(
      `Your balance will ${warning.confidence === 'likely' ? 'probably' : 'possibly'} go below ` +
        `${money(warning.thresholdMinor, currency)} around ${day(warning.date)}, in ${warning.daysAhead} days.`,
    );
  }
  const active = insights.regularPayments.filter((p) => p.status === 'active');
  if (active.length > 0) {
    const monthly = active.reduce((sum, p) => sum + (p.amountMinor * perYear[p.cadence]) / 12, 0);
    lines.push(
      `Your regular payments come to about ${money(Math.round(monthly), currency)} a month ` +
        `(${active.length === 1 ? 'one payment' : `${active.length} payments`}).`,
    );
  }
  const rises = active.filter((p) => p.priceChanges.at(-1) !== undefined);
  for (const p of rises.slice(0, 2)) {
    const change = p.priceChanges.at(-1)!;
    if (change.toMinor > change.fromMinor)
      lines.push(
        `${p.merchant ?? categoryInWords(p.category)} now costs ${money(p.amountMinor, currency)} (was ${money(change.fromMinor, currency)}).`,
      );
  }
  for (const p of insights.regularPayments.filter((x) => x.status === 'stopped').slice(0, 2))
    lines.push(`${p.merchant ?? categoryInWords(p.category)}: no payment since ${day(p.lastDate)}.`);
  for (const c of insights.monthOverMonth.changes)
    lines.push(
      `${categoryInWords(c.category)}: ${money(c.thisMonthMinor, currency)} this month, usually ` +
        `${c.usualMinor === 0 ? 'nothing' : money(c.usualMinor, currency)}.`,
    );
  // A category well above usual is already a line of its own above.
  for (const s of insights.suggestions) if (s.kind !== 'spending_up') lines.push(s.text);
  return {
    title: warning === undefined ? 'Your spending insights' : 'Your spending insights: a low balance ahead',
    body: lines.length === 0 ? 'Nothing unusual this time.' : lines.join('\n'),
  };
}

export class InsightsService {
  readonly #consent: ConsentLedger;
  readonly #preferences: PreferenceStore;
  readonly #store: InsightsStore;
  readonly #options: InsightsServiceOptions;

  constructor(
    storage: Storage,
    consent: ConsentLedger,
    preferences: PreferenceStore,
    options: InsightsServiceOptions,
  ) {
    this.#consent = consent;
    this.#preferences = preferences;
    this.#store = new InsightsStore(storage);
    this.#options = options;
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /** The customer's insights now; refused without their `spending_insights` consent. Nothing is logged. */
  async forCustomer(customerId: number): Promise<Insights> {
    if (!(await this.#consent.isAllowed(customerId, 'spending_insights', 'inbox'))) {
      throw new CurtainError(
        'CONSENT_REQUIRED',
        'insights need the consent "spending_insights" (Spending insights for me); grant it in the preference centre',
      );
    }
    const now = this.#now();
    const asOf = now.toISOString().slice(0, 10);
    const [ledger, offersAllowed, balance] = await Promise.all([
      this.#store.ledger(customerId, asOf),
      this.#consent.isAllowed(customerId, 'bank_offers', 'inbox'),
      this.#options.balances?.(customerId) ?? this.#store.balance(customerId, asOf),
    ]);
    return computeInsights(ledger, {
      asOf: Math.floor(now.getTime() / 86_400_000),
      currency: this.#options.currency,
      offersAllowed,
      balance,
    });
  }

  /**
   * Puts the customer's insights in their insight inbox, at most as often as their frequency choice allows
   * ("never": not at all). No audit entry and no count: the message concerns the customer alone.
   */
  async send(customerId: number): Promise<SendOutcome> {
    if (!(await this.#consent.isAllowed(customerId, 'spending_insights', 'inbox'))) return 'no-consent';
    const preferences = await this.#preferences.get(customerId);
    if (preferences.stopEverything || preferences.frequencyCap === 'never') return 'not-due';
    const days = capDays[preferences.frequencyCap ?? defaultCap];
    const last = await this.#store.lastDelivered(customerId);
    const now = this.#now();
    if (last !== undefined && now.getTime() - last.getTime() < days * 86_400_000) return 'not-due';
    const insights = await this.forCustomer(customerId);
    await this.#store.add(customerId, { ...messageOf(insights, this.#options.currency), insights }, now);
    return 'sent';
  }

  /**
   * One round for the scheduler: every customer with the consent whose frequency allows a message now gets
   * one. Returns nothing: how many were sent is a count of customers, and it stays here.
   */
  async sendDue(): Promise<void> {
    const allowed = await this.#consent.allowed('spending_insights', 'inbox');
    for (const customerId of allowed.ids()) await this.send(customerId);
  }

  /** The customer's insight messages, newest first (empty once the consent is withdrawn: they are deleted). */
  messages(customerId: number): Promise<StoredInsightMessage[]> {
    return this.#store.list(customerId);
  }

  open(customerId: number, publicId: string): Promise<StoredInsightMessage | undefined> {
    return this.#store.open(customerId, publicId, this.#now());
  }
}
