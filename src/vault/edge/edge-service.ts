// Edge mode in the vault: what devices fetch (definitions, issuer key, the customer's own facts), token issuance,
// report redemption, and the admission and results that staff see. No part of it learns whether anyone matched.
import type { TransparencyLog } from '../../audit/audit-log.ts';
import type { Categoriser } from '../../core/categorize.ts';
import type { EdgeFacts } from '../../edge/customer-source.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { NoiseSampler } from '../../privacy/guard/noise.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import type { QuestionService } from '../questions/question-service.ts';
import { askAbout } from './edge-interest.ts';
import { EdgeKeys } from './edge-keys.ts';
import { EdgePublisher, type FrozenModelSource } from './edge-publisher.ts';
import { EdgeReports } from './edge-reports.ts';
import {
  customerFacts,
  edgeCampaign,
  edgeCampaigns,
  mainBalance,
  withdrawEdgeCampaign,
} from './edge-store.ts';
import { keyFingerprint } from '../../core/key-fingerprint.ts';
import { CurtainError } from '../../core/errors.ts';
import type { EdgeDefinition } from '../../edge/definitions.ts';

/** Where a published definition stands today: in every device's bundle, not yet, past its end, or withdrawn. */
export type EdgeCampaignState = 'on_devices' | 'scheduled' | 'ended' | 'withdrawn';

/** A published edge campaign as staff see it: nothing in it is about a customer. */
export interface EdgeCampaignView {
  readonly definition: EdgeDefinition;
  readonly state: EdgeCampaignState;
  /** The SHA-256 fingerprint of the signed definition, as logged with `edge.campaign_published`. */
  readonly fingerprint: string;
  readonly publishedBy: string;
  readonly publishedAt: Date;
  readonly withdrawnBy: string | null;
  readonly withdrawnAt: Date | null;
}

export interface EdgeSources {
  readonly storage: SqlExecutor;
  readonly keys: KeyProvider;
  readonly audit: TransparencyLog;
  readonly questions: Pick<QuestionService, 'check' | 'ask'>;
  readonly policies: Pick<PolicyStore, 'active'>;
  readonly guard: Pick<PrivacyGuard, 'spend'>;
  readonly noise: NoiseSampler;
  readonly consent: Pick<ConsentLedger, 'isAllowed' | 'current'>;
  readonly preferences: Pick<PreferenceStore, 'get'>;
  readonly models: FrozenModelSource;
}

export interface EdgeOptions {
  readonly currency: string;
  readonly retentionDays: () => Promise<number>;
  readonly now?: () => Date;
  readonly categoriser?: Categoriser;
}

export class EdgeService {
  readonly publisher: EdgePublisher;
  readonly reports: EdgeReports;
  readonly #storage: SqlExecutor;
  readonly #audit: TransparencyLog;
  readonly #consent: Pick<ConsentLedger, 'isAllowed' | 'current'>;
  readonly #preferences: Pick<PreferenceStore, 'get'>;
  readonly #now: () => Date;
  readonly #currency: string;

  constructor(sources: EdgeSources, options: EdgeOptions) {
    const now = options.now ?? (() => new Date());
    const keys = new EdgeKeys(sources.storage, sources.keys, sources.audit);
    this.#storage = sources.storage;
    this.#audit = sources.audit;
    this.#consent = sources.consent;
    this.#preferences = sources.preferences;
    this.#now = now;
    this.#currency = options.currency;
    this.publisher = new EdgePublisher(
      { ...sources, keys },
      {
        currency: options.currency,
        retentionDays: options.retentionDays,
        now,
        ...(options.categoriser === undefined ? {} : { categoriser: options.categoriser }),
      },
    );
    this.reports = new EdgeReports({ ...sources, keys }, now);
  }

  /**
   * The customer's own facts, for their own device only (through their authenticated session): what the device
   * matches and, with the spending-insights consent, computes their insights from (currency, main balance).
   */
  async facts(customerId: number): Promise<EdgeFacts> {
    const today = this.#now().toISOString().slice(0, 10);
    const [facts, balance] = await Promise.all([
      customerFacts(this.#storage, customerId, today),
      mainBalance(this.#storage, customerId, today),
    ]);
    return { ...facts, currency: this.#currency, balance };
  }

  /** Every published edge campaign, newest first, with where it stands today. */
  async campaigns(): Promise<EdgeCampaignView[]> {
    const today = this.#now().toISOString().slice(0, 10);
    const stored = await edgeCampaigns(this.#storage);
    return Promise.all(
      stored.map(async (c) => {
        const { definition } = c;
        const state: EdgeCampaignState =
          c.withdrawnAt !== null
            ? 'withdrawn'
            : today < definition.validFrom
              ? 'scheduled'
              : today > definition.validUntil
                ? 'ended'
                : 'on_devices';
        const fingerprint = await keyFingerprint(new TextEncoder().encode(c.jws));
        const { publishedBy, publishedAt, withdrawnBy, withdrawnAt } = c;
        return { definition, state, fingerprint, publishedBy, publishedAt, withdrawnBy, withdrawnAt };
      }),
    );
  }

  /**
   * Withdraws a published definition: it leaves every device's bundle at once, so devices stop matching it on
   * their next visit, and "Connect me" on it is refused. Logged; withdrawing again changes nothing.
   */
  async withdraw(campaignId: string, by: string): Promise<EdgeCampaignView> {
    if ((await edgeCampaign(this.#storage, campaignId)) === undefined) {
      throw new CurtainError('NOT_FOUND', 'no published edge campaign of that id');
    }
    if (await withdrawEdgeCampaign(this.#storage, campaignId, by, this.#now())) {
      await this.#audit.record([{ type: 'edge.campaign_withdrawn', details: { campaign: campaignId, by } }]);
    }
    return (await this.campaigns()).find((c) => c.definition.id === campaignId)!;
  }

  /** "Connect me" on the device: the offer goes to the customer's inbox for the usual consented reveal. */
  askAbout(customerId: number, campaignId: string): Promise<string> {
    return askAbout(
      { storage: this.#storage, audit: this.#audit, consent: this.#consent, preferences: this.#preferences },
      customerId,
      campaignId,
      this.#now(),
    );
  }

  /** The log's verifier keys: what a device pins to check every key's log entry (an app ships them). */
  logKeys(): string[] {
    return this.#audit.publicKeys();
  }
}
