// The hub's side of one federated round: it relays and unmasks, sees only the noised sum, and aborts cleanly.
import { CurtainError } from '../core/errors.ts';
import { featuresFor } from '../models/feature-list.ts';
import type { RoundBegin, RoundParty } from './round-messages.ts';
import { aborted, checkPlan, minimumFor, type BundleVerifier, type KeyBundle } from './secure-aggregation.ts';
import { SecureAggregationServer } from './secure-aggregation-server.ts';
import { statisticsDimension } from './newton-update.ts';

export type RoundStage = 'keys' | 'shares' | 'masked' | 'unmasked' | 'stored';

export interface RoundOutcome {
  readonly round: string;
  /** Per region: the model version it stored (awaiting approval there). */
  readonly models: Readonly<Record<string, { readonly model: string; readonly version: number }>>;
}

export interface CoordinatorOptions {
  /** Checks bundles against the keys the hub pinned at registration (`hub.vaults`). */
  readonly verify: BundleVerifier;
  readonly onProgress?: (stage: RoundStage) => void;
}

/** Calls `step` on every party; a party that fails is left out (a dropout), the others go on. */
async function each<T>(
  parties: ReadonlyMap<string, RoundParty>,
  ids: readonly string[],
  step: (p: RoundParty, id: string) => Promise<T>,
) {
  const settled = await Promise.allSettled(ids.map((id) => step(parties.get(id)!, id)));
  const answered = new Map<string, T>();
  let refusal: unknown;
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') answered.set(ids[i]!, s.value);
    else refusal ??= s.reason;
  });
  return { answered, refusal };
}

/**
 * A refusal worth passing on as it is (a budget or a purpose), rather than as a dropout; so is a vault that
 * answered outside the door contract (its abort names it in `details.breach`): the round stops at once.
 */
const decisive = (reason: unknown): reason is CurtainError =>
  reason instanceof CurtainError &&
  ((reason.code !== 'VAULT_UNAVAILABLE' &&
    reason.code !== 'VAULT_TIMEOUT' &&
    reason.code !== 'FEDERATED_ROUND_ABORTED') ||
    reason.details['breach'] !== undefined);

/**
 * Runs one round of secure aggregation over `parties` (region → vault). With three vaults all three must finish
 * every step; on any abort every vault is told to forget the round, and the error (FEDERATED_ROUND_ABORTED, or a
 * vault's refusal such as PRIVACY_BUDGET_EXHAUSTED) is thrown.
 */
export async function runFederatedRound(
  parties: ReadonlyMap<string, RoundParty>,
  request: Omit<RoundBegin, 'participants' | 'threshold' | 'minimum'>,
  options: CoordinatorOptions,
): Promise<RoundOutcome> {
  const participants = [...parties.keys()].sort();
  const minimum = minimumFor(participants.length);
  const begin: RoundBegin = { ...request, participants, minimum, threshold: minimum };
  try {
    return await steps(parties, begin, options);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'the round failed';
    await Promise.allSettled(participants.map((id) => parties.get(id)!.abort(begin.round, why)));
    throw error;
  }
}

async function steps(
  parties: ReadonlyMap<string, RoundParty>,
  begin: RoundBegin,
  options: CoordinatorOptions,
) {
  const progress = options.onProgress ?? (() => undefined);
  const plan = checkPlan({ ...begin, dimension: statisticsDimension(featuresFor(begin.product).length + 1) });
  const server = new SecureAggregationServer(plan, options.verify);
  const check = <T>(r: { answered: Map<string, T>; refusal: unknown }) => {
    if (decisive(r.refusal)) throw r.refusal;
    return r.answered;
  };
  const bundles: KeyBundle[] = server.collectBundles([
    ...check(await each(parties, plan.participants, (p) => p.begin(begin))).values(),
  ]);
  progress('keys');
  const holders = bundles.map((b) => b.participant);
  const sealed = check(await each(parties, holders, (p) => p.share(begin.round, bundles)));
  const routed = server.routeShares([...sealed.values()]);
  progress('shares');
  const masked = check(
    await each(parties, [...sealed.keys()], (p, id) => p.mask(begin.round, routed.get(id) ?? [])),
  );
  const survivors = server.collectMasked(masked);
  progress('masked');
  const unmaskings = check(await each(parties, survivors, (p) => p.unmask(begin.round, survivors)));
  const sum = await server.unmask([...unmaskings.values()]);
  progress('unmasked');
  const stored = check(await each(parties, survivors, (p) => p.finish(begin.round, sum)));
  if (stored.size < survivors.length)
    throw aborted(`${survivors.length - stored.size} vaults did not store the model`);
  progress('stored');
  return { round: begin.round, models: Object.fromEntries(stored) };
}
