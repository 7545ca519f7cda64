// Fair lending: a differentially private disparate-impact summary of one credit campaign across age bands.
import type { PrivacyCost } from '../../core/vault-door.ts';
import { budgetReport, costSentence } from '../../privacy/guard/budget-report.ts';
import { CurtainError } from '../../core/errors.ts';
import type { Storage } from '../../storage/ports.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import { releaseSubjects, type PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';

/** Purposes of credit-product campaigns: the ones fair-lending law looks at. */
export const creditPurposes: readonly string[] = ['credit_offers', 'partner_credit_offers'];

/**
 * The protected groups the vault can form: age at the campaign's start, from the date of birth (ECOA counts
 * age; 62 is its line for older applicants). The vault holds no sex, ethnicity, religion or marital status.
 */
export const ageBands = [
  { code: 'under_30', label: 'under 30', below: 30 },
  { code: 'age_30_44', label: '30–44', below: 45 },
  { code: 'age_45_61', label: '45–61', below: 62 },
  { code: 'age_62_plus', label: '62 and over', below: Number.POSITIVE_INFINITY },
] as const;
type BandCode = (typeof ageBands)[number]['code'];

/** The four-fifths rule: a group selected at under 80% of the rate of the best-selected group is flagged. */
export const fourFifths = 0.8;

export interface FairLendingGroup {
  readonly group: string;
  /** Noised count of the audience in the group; null when suppressed (under the noised k). */
  readonly delivered: number | null;
  /** Noised count of those who answered "interested"; null when suppressed. */
  readonly interested: number | null;
  /** interested / delivered of the noised counts; null when either is suppressed. */
  readonly selectionRate: number | null;
  /** selectionRate / the reference group's; null when suppressed. */
  readonly ratioToReference: number | null;
  readonly suppressed: boolean;
  /** Under the four-fifths line. */
  readonly flagged: boolean;
}

export interface FairLendingReport {
  readonly campaignId: string;
  readonly purpose: string;
  readonly attribute: 'age band at the campaign start';
  readonly threshold: number;
  /** The group with the highest selection rate among those not suppressed. */
  readonly referenceGroup: string | null;
  readonly groups: readonly FairLendingGroup[];
  /**
   * Whether the four-fifths rule could be applied at all: at least two groups with a selection rate and a
   * reference rate above zero. When false, an empty `flagged` means "not measured", never "nothing flagged".
   */
  readonly measured: boolean;
  /** Why it could not be measured, in plain words; null when measured. */
  readonly notMeasuredReason: string | null;
  readonly flagged: readonly string[];
  /** ε this report charged the asker (0 when it repeats today's release). */
  readonly epsilon: string;
  readonly releasedOn: string;
  readonly repeated: boolean;
  /** What this report cost and what is left, for the asker and the vault (as every answer reports it). */
  readonly budget: PrivacyCost;
  readonly notes: readonly string[];
}

export interface FairLendingSources {
  readonly storage: Storage;
  readonly identity: Pick<IdentityStore, 'readPiiMany'>;
  readonly guard: Pick<PrivacyGuard, 'release'>;
}

const notes = [
  'Groups are age bands at the start of the campaign, from the date of birth: the only protected attribute the vault holds.',
  'Selection rate: customers who answered "interested" (and so could reach a credit decision) out of the audience.',
  'Every count is noised (differential privacy) and charged to the asker’s privacy budget; a count under the noised k is suppressed.',
  'Ratios are computed from noised counts: a flag is a reason to look closer, not a finding.',
];

const chunk = 5_000;

function ageAt(dateOfBirth: string, at: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const had = at.getUTCMonth() + 1 > month || (at.getUTCMonth() + 1 === month && at.getUTCDate() >= day);
  return at.getUTCFullYear() - year - (had ? 0 : 1);
}

const bandOf = (age: number): BandCode => ageBands.find((band) => age < band.below)!.code;

/** Exact audiences per band, inside the vault: only their sizes leave, through the guard's release. */
async function exactAudiences(sources: FairLendingSources, campaignId: string, startedAt: Date) {
  const counts = Object.fromEntries(
    ageBands.flatMap((b) => [
      [`delivered_${b.code}`, []],
      [`interested_${b.code}`, []],
    ]),
  ) as Record<string, number[]>;
  for (let after = 0; ;) {
    const { rows } = await sources.storage.query<{
      id: number | string;
      customer_id: number | string;
      interested: boolean;
    }>(
      `SELECT id, customer_id, response = 'interested' AS interested FROM inbox_messages
        WHERE campaign_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [campaignId, after, chunk],
    );
    if (rows.length === 0) break;
    const pii = await sources.identity.readPiiMany(rows.map((r) => Number(r.customer_id)));
    for (const row of rows) {
      const person = pii.get(Number(row.customer_id));
      if (person === undefined) continue;
      const band = bandOf(ageAt(person.dateOfBirth, startedAt));
      counts[`delivered_${band}`]!.push(Number(row.customer_id));
      if (row.interested) counts[`interested_${band}`]!.push(Number(row.customer_id));
    }
    after = Number(rows.at(-1)!.id);
  }
  return counts;
}

/** Why the four-fifths rule could not be applied to these groups; null when it could. */
export function whyNotMeasured(
  groups: readonly Pick<FairLendingGroup, 'selectionRate' | 'delivered'>[],
  referenceRate: number | null,
): string | null {
  const rated = groups.filter((g) => g.selectionRate !== null).length;
  if (rated === 0) {
    return groups.every((g) => g.delivered === null)
      ? 'every group’s count was suppressed (too few people under the noised k), so no selection rate exists'
      : 'no group had both its audience and its "interested" count above the noised k, so no selection rate exists';
  }
  if (rated === 1) {
    return 'only one group had enough people to measure, so there is no other group to compare it with';
  }
  if (referenceRate === null || referenceRate === 0) {
    return 'no one in any measurable group answered "interested", so no ratio between groups exists';
  }
  return null;
}

/** The report of one credit campaign, released through the guard: noised, charged to `asker`, logged. */
export async function fairLendingReport(
  sources: FairLendingSources,
  campaignId: string,
  asker: string,
): Promise<FairLendingReport> {
  const { rows } = await sources.storage.query<{ purpose: string; created_at: Date }>(
    'SELECT purpose, created_at FROM delivery_runs WHERE campaign_id = $1',
    [campaignId],
  );
  const run = rows[0];
  if (run === undefined) throw new CurtainError('NOT_FOUND', 'no delivery for this campaign');
  if (!creditPurposes.includes(run.purpose)) {
    throw new CurtainError('USAGE', `the campaign's purpose is ${run.purpose}, not a credit product`);
  }
  const released = await sources.guard.release({
    asker,
    purpose: run.purpose,
    label: `fair-lending:${campaignId}`,
    audiences: await exactAudiences(sources, campaignId, new Date(run.created_at)),
    subjects: releaseSubjects(campaignId),
  });
  if (!released.ok) {
    const refusal = released.error;
    // A charged refusal says what it cost, as every refusal does (docs/api.md, "What was charged").
    const cost = 'budget' in refusal ? budgetReport(refusal.budget) : undefined;
    throw new CurtainError(
      refusal.code,
      cost === undefined ? refusal.message : `${refusal.message} (${costSentence(cost)})`,
    );
  }
  const { counts, budget, releasedOn, repeated } = released.value;

  const rated = ageBands.map((band) => {
    const delivered = counts[`delivered_${band.code}`] ?? null;
    const interested = counts[`interested_${band.code}`] ?? null;
    const selectionRate =
      delivered === null || interested === null || delivered === 0
        ? null
        : Math.min(1, interested / delivered);
    return { group: band.label, delivered, interested, selectionRate };
  });
  const reference = rated.reduce<(typeof rated)[number] | undefined>(
    (best, g) =>
      g.selectionRate !== null && (best === undefined || g.selectionRate > best.selectionRate!) ? g : best,
    undefined,
  );
  const groups = rated.map((g): FairLendingGroup => {
    const ratio =
      g.selectionRate === null || reference === undefined || reference.selectionRate === 0
        ? null
        : g.selectionRate / reference.selectionRate!;
    return {
      ...g,
      ratioToReference: ratio,
      suppressed: g.selectionRate === null,
      flagged: ratio !== null && ratio < fourFifths,
    };
  });
  const notMeasuredReason = whyNotMeasured(groups, reference?.selectionRate ?? null);
  return {
    campaignId,
    purpose: run.purpose,
    attribute: 'age band at the campaign start',
    threshold: fourFifths,
    referenceGroup: reference?.group ?? null,
    groups,
    measured: notMeasuredReason === null,
    notMeasuredReason,
    flagged: groups.filter((g) => g.flagged).map((g) => g.group),
    epsilon: budget.charged.toString(),
    releasedOn,
    repeated,
    budget: budgetReport(budget),
    notes,
  };
}
