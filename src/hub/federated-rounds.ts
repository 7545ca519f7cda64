// Federated rounds run from the hub: proposed by one person, approved by another, coordinated over the doors.
import { randomUUID } from 'node:crypto';
import {
  federatedRoundProposal,
  type FederatedRound,
  type FederatedRoundStage,
} from '../contracts/hub-federated.ts';
import { CurtainError } from '../core/errors.ts';
import { pinnedVerifier } from '../federated/bundle-keys.ts';
import { DoorRoundParty } from '../federated/door-round-party.ts';
import { runFederatedRound } from '../federated/round-coordinator.ts';
import type { RoundParty } from '../federated/round-messages.ts';
import { parseOrRefuse } from './hub-input.ts';
import type { HubExecutor, HubStorage } from './hub-storage.ts';
import type { RegionalVaults } from './regional-vaults.ts';
import { requireRole } from './staff.ts';

interface RoundRow {
  id: string;
  product: string;
  epsilon: number;
  regions: string[];
  as_of: Date | string;
  purpose: string;
  proposed_by: string;
  proposed_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  stage: FederatedRoundStage;
  reason: string | null;
  models: FederatedRound['models'];
  updated_at: Date;
}

const columns = `id, product, epsilon, regions, as_of, purpose, proposed_by, proposed_at, approved_by,
  approved_at, stage, reason, models, updated_at`;
/** The stages a round passes through while it runs: only the process running it can move it on. */
const running: readonly FederatedRoundStage[] = ['keys', 'shares', 'masked', 'unmasked'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const day = (value: Date | string): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

const roundOf = (row: RoundRow): FederatedRound => ({
  id: row.id,
  product: row.product,
  epsilon: Number(row.epsilon),
  regions: row.regions,
  asOf: day(row.as_of),
  purpose: row.purpose,
  proposedBy: row.proposed_by,
  proposedAt: row.proposed_at.toISOString(),
  approvedBy: row.approved_by,
  approvedAt: row.approved_at?.toISOString() ?? null,
  stage: row.stage,
  reason: row.reason,
  models: row.models,
  updatedAt: row.updated_at.toISOString(),
});

async function getRound(tx: HubExecutor, id: string, forUpdate = false): Promise<RoundRow> {
  const { rows } = uuid.test(id)
    ? await tx.query<RoundRow>(
        `SELECT ${columns} FROM hub.federated_rounds WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      )
    : { rows: [] };
  const row = rows[0];
  if (row === undefined) throw new CurtainError('NOT_FOUND', `no federated round ${id}`);
  return row;
}

function requireStage(row: RoundRow, stage: FederatedRoundStage, action: string): void {
  if (row.stage === stage) return;
  throw new CurtainError(
    'FEDERATED_ROUND_STATE',
    `cannot ${action} federated round ${row.id}: it is ${row.stage}, and only a round that is ${stage} can`,
  );
}

/** Marketers propose; approvers (not the proposer) approve; the approved round then runs once. */
export class FederatedRounds {
  readonly #storage: HubStorage;
  readonly #regions: RegionalVaults;
  readonly #now: () => Date;

  constructor(storage: HubStorage, regions: RegionalVaults, now: () => Date) {
    this.#storage = storage;
    this.#regions = regions;
    this.#now = now;
  }

  /** A round of product, ε and regions ("all" is resolved now, so the approver sees the list). */
  async propose(input: unknown, actor: string): Promise<FederatedRound> {
    const proposal = parseOrRefuse(federatedRoundProposal, input, 'federated round');
    const regions = await this.#regions.resolve(proposal.regions);
    if (regions.length < 2) {
      throw new CurtainError(
        'HUB_INVALID',
        'invalid federated round: regions: at least two vaults train together',
      );
    }
    const id = randomUUID();
    const now = this.#now();
    await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['marketer'], 'propose federated rounds');
      await tx.query(
        `INSERT INTO hub.federated_rounds (id, product, epsilon, regions, as_of, purpose, proposed_by,
           proposed_at, stage, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'proposed', $8)`,
        [
          id,
          proposal.product,
          proposal.epsilon,
          [...regions].sort(),
          proposal.asOf,
          proposal.purpose,
          actor,
          now,
        ],
      );
    });
    return this.show(id);
  }

  /** By an approver who did not propose it (the table's CHECK says so too). */
  async approve(id: string, actor: string): Promise<FederatedRound> {
    await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['approver'], 'approve federated rounds');
      const row = await getRound(tx, id, true);
      if (row.proposed_by === actor) {
        throw new CurtainError(
          'HUB_FORBIDDEN',
          `${actor} proposed federated round ${id} and may not approve it: someone else must`,
        );
      }
      requireStage(row, 'proposed', 'approve');
      await tx.query(
        `UPDATE hub.federated_rounds SET stage = 'approved', approved_by = $2, approved_at = $3, updated_at = $3
         WHERE id = $1`,
        [id, actor, this.#now()],
      );
    });
    return this.show(id);
  }

  /**
   * Runs an approved round over the regions' doors, once: every vault proves its pinned key first, bundles
   * are checked against those pins, each stage is recorded as it is reached; any abort is recorded with its
   * reason (and thrown). The hub never sees more than the noised sum.
   */
  async run(id: string): Promise<FederatedRound> {
    const row = await this.#storage.transaction(async (tx) => {
      const row = await getRound(tx, id, true);
      requireStage(row, 'approved', 'run');
      await this.#stage(tx, id, 'keys');
      return row;
    });
    let recorded: Promise<void> = Promise.resolve();
    const record = (stage: FederatedRoundStage) => {
      recorded = recorded.then(() => this.#storage.transaction((tx) => this.#stage(tx, id, stage)));
    };
    try {
      const parties = await this.#parties(row.regions);
      const outcome = await runFederatedRound(
        parties.parties,
        {
          round: id,
          product: row.product,
          asOf: day(row.as_of),
          epsilon: Number(row.epsilon),
          asker: row.proposed_by,
          purpose: row.purpose,
        },
        {
          verify: pinnedVerifier(parties.pins),
          // 'stored' is written with the models below: a reader never sees a stored round without them.
          onProgress: (stage) => stage !== 'keys' && stage !== 'stored' && record(stage),
        },
      );
      await recorded;
      await this.#storage.transaction((tx) =>
        tx.query(
          `UPDATE hub.federated_rounds SET models = $2, stage = 'stored', updated_at = $3 WHERE id = $1`,
          [id, JSON.stringify(outcome.models), this.#now()],
        ),
      );
    } catch (error) {
      await recorded.catch(() => undefined);
      const reason = error instanceof CurtainError ? `${error.code}: ${error.message}` : 'the round failed';
      await this.#storage.transaction((tx) => this.#stage(tx, id, 'aborted', reason.slice(0, 1_000)));
      throw error;
    }
    return this.show(id);
  }

  /**
   * At the hub's start: a round left running (keys … unmasked) lost its coordinator with the old process and
   * cannot go on, since the hub's half of it (the masked inputs, the unmasking) was in that process's memory.
   * Each vault of it is told to forget the round (its log records the abort; a vault out of reach forgets it
   * by its own timeout), and the round is marked aborted with the reason. Returns the rounds aborted.
   */
  async abortInterrupted(): Promise<FederatedRound[]> {
    const { rows } = await this.#storage.transaction((tx) =>
      tx.query<RoundRow>(
        `SELECT ${columns} FROM hub.federated_rounds WHERE stage = ANY($1) ORDER BY proposed_at, id`,
        [running],
      ),
    );
    const aborted: FederatedRound[] = [];
    for (const row of rows) {
      const why = `the hub restarted while the round was at stage ${row.stage}`;
      await this.#regions.reach(row.regions, (door) => door.roundAbort({ round: row.id, why }));
      const marked = await this.#storage.transaction(async (tx) => {
        const current = await getRound(tx, row.id, true);
        if (!running.includes(current.stage)) return false;
        await this.#stage(tx, row.id, 'aborted', `FEDERATED_ROUND_ABORTED: ${why}`);
        return true;
      });
      if (marked) aborted.push(await this.show(row.id));
    }
    return aborted;
  }

  async show(id: string): Promise<FederatedRound> {
    return roundOf(await this.#storage.transaction((tx) => getRound(tx, id)));
  }

  async list(): Promise<FederatedRound[]> {
    const { rows } = await this.#storage.transaction((tx) =>
      tx.query<RoundRow>(`SELECT ${columns} FROM hub.federated_rounds ORDER BY proposed_at DESC, id`),
    );
    return rows.map(roundOf);
  }

  async #stage(tx: HubExecutor, id: string, stage: FederatedRoundStage, reason?: string): Promise<void> {
    await tx.query(`UPDATE hub.federated_rounds SET stage = $2, reason = $3, updated_at = $4 WHERE id = $1`, [
      id,
      stage,
      reason ?? null,
      this.#now(),
    ]);
  }

  /** Each region's door, once its vault proved the key pinned for it; a region that cannot is an abort. */
  async #parties(regions: readonly string[]) {
    const proven = await this.#regions.proven(regions);
    const parties = new Map<string, RoundParty>();
    const pins = new Map<string, string>();
    for (const [region, { door, publicKey }] of proven) {
      parties.set(region, new DoorRoundParty(door, region));
      pins.set(region, publicKey);
    }
    return { parties, pins };
  }
}
