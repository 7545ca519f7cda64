// Report tokens and reports: the same number of blind-RSA tokens to every customer per epoch, redemptions that
// keep no customer, address or time, and released counts noised for the most reports one device can send.
import { publicVerif, TOKEN_TYPES } from '@cloudflare/privacypass-ts';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { CurtainError } from '../../core/errors.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { PublishedKey } from '../../edge/definitions.ts';
import { dummyCampaign } from '../../edge/reports.ts';
import {
  epochDays,
  epochOf,
  fromBase64Url,
  parseToken,
  reportsPerEpoch,
  tokenValid,
} from '../../edge/tokens.ts';
import { pureDpCurve } from '../../privacy/accounting/rdp.ts';
import type { SpendRefusal } from '../../privacy/guard/approximate-budget.ts';
import type { NoiseSampler } from '../../privacy/guard/noise.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import { Rational } from '../../privacy/dp/rational.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { EdgeKeys } from './edge-keys.ts';
import {
  connectCounts,
  connectReleasesOf,
  edgeCampaign,
  edgeCampaignExists,
  insertConnectRelease,
  insertRelease,
  recordIssuance,
  recordRedemption,
  releasesOf,
  shownCounts,
} from './edge-store.ts';

export interface EdgeReport {
  readonly epoch: string;
  readonly campaign: string;
  readonly event: 'shown' | 'dummy';
  readonly token: string;
}

/** One ended epoch's released counts; null when suppressed under the noised k. */
export interface EpochResult {
  readonly epoch: string;
  readonly shown: number | null;
  readonly connects: number | null;
}

export interface ReportSources {
  readonly storage: SqlExecutor;
  readonly audit: TransparencyLog;
  readonly keys: EdgeKeys;
  readonly guard: Pick<PrivacyGuard, 'spend'>;
  readonly policies: Pick<PolicyStore, 'active'>;
  readonly noise: NoiseSampler;
}

const refused = (message: string) => new CurtainError('EDGE_REPORT_REFUSED', message);
const dayMs = 86_400_000;

export class EdgeReports {
  readonly #sources: ReportSources;
  readonly #now: () => Date;

  constructor(sources: ReportSources, now: () => Date) {
    this.#sources = sources;
    this.#now = now;
  }

  /** The current epoch. */
  epoch(): string {
    return epochOf(this.#now().toISOString().slice(0, 10));
  }

  /** The current epoch's issuer key, with its log proof, as every device receives it. */
  async issuerKey(): Promise<PublishedKey & { readonly epoch: string; readonly tokens: number }> {
    const epoch = this.epoch();
    const stored = await this.#sources.keys.issuerKey(epoch);
    return {
      epoch,
      tokens: reportsPerEpoch,
      keyId: stored.id,
      publicKey: stored.publicKey.toString('base64url'),
      log: await this.#sources.keys.logProof(stored),
    };
  }

  /**
   * Signs exactly `reportsPerEpoch` blinded requests, once per customer and epoch. What is kept is the count
   * only: the blinded messages and signatures are not stored, so no redemption can be matched to them.
   */
  async issue(customerId: number, epoch: string, requests: readonly string[]): Promise<string[]> {
    if (epoch !== this.epoch())
      throw new CurtainError('USAGE', `epoch: tokens are issued for ${this.epoch()} only`);
    if (requests.length !== reportsPerEpoch) {
      throw new CurtainError('USAGE', `requests: exactly ${reportsPerEpoch} blinded requests per epoch`);
    }
    const parsed = requests.map((r, i) => {
      try {
        return publicVerif.TokenRequest.deserialize(TOKEN_TYPES.BLIND_RSA, fromBase64Url(r));
      } catch {
        throw new CurtainError('USAGE', `requests[${i}]: not a blind-RSA token request`);
      }
    });
    const issuer = await this.#sources.keys.issuer(await this.#sources.keys.issuerKey(epoch));
    const responses = parsed.map((request) => issuer.issue(request));
    if (!(await recordIssuance(this.#sources.storage, customerId, epoch, reportsPerEpoch))) {
      throw new CurtainError('EDGE_TOKENS_ISSUED', `report tokens for ${epoch} were issued already`);
    }
    return responses.map((r) => Buffer.from(r).toString('base64url'));
  }

  /** Spends the report's token and records its report; throws EDGE_REPORT_REFUSED without recording anything. */
  async redeem(report: EdgeReport): Promise<void> {
    if (report.epoch !== this.epoch()) throw refused('epoch: reports are taken for the current epoch only');
    if ((report.event === 'dummy') !== (report.campaign === dummyCampaign)) {
      throw refused('event: a dummy report names the dummy campaign, and only it');
    }
    if (report.event === 'shown' && !(await edgeCampaignExists(this.#sources.storage, report.campaign))) {
      throw refused('campaign: not a published edge campaign');
    }
    const token = parseToken(report.token);
    const stored = await this.#sources.keys.issuerKey(report.epoch);
    const key = await this.#sources.keys.issuerPublicKey(stored);
    if (token === undefined || !(await tokenValid(token, report.epoch, key))) {
      throw refused('token: not a valid token of this epoch');
    }
    const spent = await recordRedemption(this.#sources.storage, { ...report, nonce: token.authInput.nonce });
    if (!spent) throw refused('token: spent already');
  }

  /**
   * Noised counts of a campaign's ended epochs since its publication: "shown" reports and "Connect me" requests.
   * One device holds `reportsPerEpoch` tokens and could spend all of them on one campaign, so a "shown" count's
   * sensitivity is that number (the discrete Laplace scale is reportsPerEpoch / ε, for the count and for the
   * threshold k alike); a customer asks "Connect me" once per campaign, so that count's is 1. Each new release
   * is charged once; asking again returns the stored ones.
   */
  async results(campaign: string, asker: string): Promise<Result<EpochResult[], SpendRefusal>> {
    const { storage } = this.#sources;
    const stored = await edgeCampaign(storage, campaign);
    if (stored === undefined) throw new CurtainError('NOT_FOUND', 'no published edge campaign of that id');
    const { purpose } = stored.definition;
    const [shownReleased, connectsReleased, shown, connects] = await Promise.all([
      releasesOf(storage, campaign),
      connectReleasesOf(storage, campaign),
      shownCounts(storage, campaign),
      connectCounts(storage, campaign, epochOf),
    ]);
    const results: EpochResult[] = [];
    for (const epoch of this.#endedEpochs(epochOf(stored.publishedAt.toISOString().slice(0, 10)))) {
      const release = { asker, purpose, campaign, epoch };
      let shownCount = shownReleased.get(epoch)?.shown;
      if (shownCount === undefined) {
        const noised = await this.#release({ ...release, count: 'shown' }, shown, BigInt(reportsPerEpoch));
        if (!noised.ok) return noised;
        shownCount = noised.value;
        await insertRelease(storage, campaign, { epoch, shown: shownCount }, asker);
      }
      let connectCount = connectsReleased.get(epoch);
      if (connectCount === undefined) {
        const noised = await this.#release({ ...release, count: 'connects' }, connects, 1n);
        if (!noised.ok) return noised;
        connectCount = noised.value;
        await insertConnectRelease(storage, campaign, { epoch, connects: connectCount }, asker);
      }
      results.push({ epoch, shown: shownCount, connects: connectCount });
    }
    return ok(results);
  }

  /** One count of one ended epoch, charged to the vault's budget, noised and suppressed under the noised k. */
  async #release(
    release: { asker: string; purpose: string; campaign: string; epoch: string; count: 'shown' | 'connects' },
    counts: ReadonlyMap<string, number>,
    sensitivity: bigint,
  ): Promise<Result<number | null, SpendRefusal>> {
    const { guard, policies, noise, audit } = this.#sources;
    const { asker, purpose, campaign, epoch, count } = release;
    const { policy } = await policies.active();
    const epsilon = policy.countEpsilon.add(policy.thresholdEpsilon);
    const charged = await guard.spend({
      asker,
      purpose,
      label: `edge-${count === 'shown' ? 'results' : 'connects'}:${campaign}:${epoch}`,
      mechanism: 'discrete-laplace',
      rdp: pureDpCurve(Number(epsilon.numerator) / Number(epsilon.denominator)),
    });
    if (!charged.ok) return err(charged.error);
    const scale = Rational.of(sensitivity);
    const noised = BigInt(counts.get(epoch) ?? 0) + noise.discreteLaplace(scale.div(policy.countEpsilon));
    const threshold = BigInt(policy.k) + noise.discreteLaplace(scale.div(policy.thresholdEpsilon));
    const released = noised < threshold ? null : Number(noised);
    await audit.record([
      {
        type: 'edge.results_released',
        details: { campaign, epoch, count, by: asker, suppressed: released === null },
      },
    ]);
    return ok(released);
  }

  /** Epochs that have ended (their counts no longer change), from `first` on. */
  #endedEpochs(first: string): string[] {
    const current = this.epoch();
    const epochs: string[] = [];
    for (let at = Date.parse(first); ; at += epochDays * dayMs) {
      const epoch = new Date(at).toISOString().slice(0, 10);
      if (epoch >= current) return epochs;
      epochs.push(epoch);
    }
  }
}
