// One federated round for real: three regional vaults on three databases, 2,000 customers each, all required.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logKeySigner, pinnedVerifier } from '../../src/federated/bundle-keys.ts';
import type { RoundBegin, RoundParty } from '../../src/federated/round-messages.ts';
import { runFederatedRound, type RoundStage } from '../../src/federated/round-coordinator.ts';
import { VaultParticipant } from '../../src/federated/vault-participant.ts';
import { VaultRounds } from '../../src/federated/vault-rounds.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { doorKey } from '../http/harness.ts';
import { CurtainError } from '../../src/core/errors.ts';
import {
  backend,
  openRegionalHub,
  openRegionalVaults,
  registerRegions,
  type RegionalVault,
} from '../regions/regional-fixture.ts';

const request = (): Omit<RoundBegin, 'participants' | 'threshold' | 'minimum'> => ({
  round: randomUUID(),
  product: 'savings',
  asOf: '2026-07-01',
  epsilon: 1,
  asker: 'ada',
  purpose: 'bank_offers',
});

interface ModelRow {
  id: string;
  version: number;
  state: string;
  mechanism: string;
  weights: number[];
  bias: number;
}

async function models(v: RegionalVault): Promise<ModelRow[]> {
  const { rows } = await v.vault.storage.query<ModelRow>(
    `SELECT id, version, state, mechanism, weights, bias FROM model_versions WHERE product = 'savings' ORDER BY version`,
  );
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    weights: r.weights.map(Number),
    bias: Number(r.bias),
  }));
}

async function roundEvents(v: RegionalVault, round: string) {
  const entries = await v.vault.audit.entries(0, 100_000);
  return entries
    .map((e) => e.entry as { type: string; details: Record<string, unknown> })
    .filter((e) => e.details['round'] === round || e.details['label'] === `federated:${round}`);
}

/** A vault that stops answering at `step` (its process gone mid-round). */
function dropping(party: RoundParty, step: keyof RoundParty): RoundParty {
  return new Proxy(party, {
    get(target, property: keyof RoundParty) {
      const method = Reflect.get(target, property, target) as (...a: unknown[]) => Promise<unknown>;
      if (property !== step) return method.bind(target);
      return () => Promise.reject(new CurtainError('VAULT_UNAVAILABLE', 'the vault did not answer'));
    },
  });
}

describe(`a federated round across three regional vaults on ${backend.name}`, () => {
  let vaults: RegionalVault[] = [];
  let parties: Map<string, RoundParty>;
  let pins: Map<string, string>;

  beforeAll(async () => {
    vaults = await openRegionalVaults();
    // Each vault's operator pins its peers' keys, as the hub pinned them at registration.
    pins = new Map(vaults.map((v) => [v.region, v.publicKey]));
    for (const v of vaults) {
      for (const [region, key] of pins) await v.vault.federationPeers.pin(region, key, 'olga');
    }
    parties = new Map(
      vaults.map((v) => [
        v.region,
        new VaultParticipant(v.vault, {
          region: v.region,
          sign: logKeySigner(v.vault.keys),
          verify: pinnedVerifier(pins),
        }),
      ]),
    );
  }, 300_000);
  afterAll(async () => {
    await Promise.all(vaults.map((v) => v.dispose()));
  });

  it('trains one model from all three, stored in each registry awaiting approval and in each log', async () => {
    const r = request();
    const stages: RoundStage[] = [];
    const outcome = await runFederatedRound(parties, r, {
      verify: pinnedVerifier(pins),
      onProgress: (s) => stages.push(s),
    });
    expect(stages).toEqual(['keys', 'shares', 'masked', 'unmasked', 'stored']);
    const stored = await Promise.all(vaults.map(models));
    for (const [i, v] of vaults.entries()) {
      const model = stored[i]!.find((m) => m.id === outcome.models[v.region]!.model)!;
      expect(model).toMatchObject({ state: 'trained', mechanism: 'federated-round' });
      // Every vault took the same Newton step from the same released sum.
      expect(model.weights).toEqual(
        stored[0]!.find((m) => m.id === outcome.models[vaults[0]!.region]!.model)!.weights,
      );
      expect(model.weights.every(Number.isFinite) && model.weights.some((w) => w !== 0)).toBe(true);
      const events = await roundEvents(v, r.round);
      expect(events.map((e) => (e.type === 'privacy.spent' ? 'spent' : e.details['stage']))).toEqual([
        'spent',
        'begun',
        'finished',
      ]);
      // The noised customer count is released; it is near the truth but is not an exact count.
      const finished = events.find((e) => e.details['stage'] === 'finished')!;
      expect(finished.details['customers']).toEqual(expect.any(Number));
    }
  }, 90_000);

  it('a vault lost before masking aborts the round cleanly: no model anywhere, the abort logged in each vault', async () => {
    const r = request();
    const before = await Promise.all(vaults.map(models));
    const crippled = new Map(parties);
    crippled.set('north', dropping(parties.get('north')!, 'mask'));
    const round = runFederatedRound(crippled, r, { verify: pinnedVerifier(pins) });
    await expect(round).rejects.toMatchObject({ code: 'FEDERATED_ROUND_ABORTED' });
    await expect(round).rejects.toThrow(/2 of 3 vaults sent masked inputs; the round needs 3/);
    expect(await Promise.all(vaults.map(models))).toEqual(before);
    for (const v of vaults) {
      const stages = (await roundEvents(v, r.round)).map((e) => e.details['stage']);
      expect(stages).toContain('aborted');
      expect(stages).not.toContain('finished');
    }
  }, 90_000);

  it("a round the vaults' (ε, δ) budgets cannot pay is refused before any data is read", async () => {
    const r = { ...request(), epsilon: 100 };
    const before = await Promise.all(vaults.map(models));
    await expect(runFederatedRound(parties, r, { verify: pinnedVerifier(pins) })).rejects.toMatchObject({
      code: 'PRIVACY_BUDGET_EXHAUSTED',
    });
    expect(await Promise.all(vaults.map(models))).toEqual(before);
    for (const v of vaults) expect(await roundEvents(v, r.round)).toEqual([]);
  }, 90_000);

  it('a bundle not signed by the pinned key aborts the round before any share is made', async () => {
    const r = request();
    const wrongPins = new Map(pins);
    wrongPins.set('scotland', pins.get('london')!);
    await expect(runFederatedRound(parties, r, { verify: pinnedVerifier(wrongPins) })).rejects.toThrow(
      /the key bundle of "scotland" does not verify against its pinned key/,
    );
  }, 90_000);

  it('runs from the hub over the HTTP doors: proposed, approved by another person, each stage recorded', async () => {
    const regional = await openRegionalHub(vaults);
    try {
      const { hub } = regional;
      await hub.addStaff('abe', ['approver']);
      await registerRegions(hub, vaults, 'olga');
      const proposed = await hub.proposeRound(
        // Early enough that the card's later window (180 days on) has ended by the fixture's today.
        { product: 'savings', epsilon: 1, regions: 'all', asOf: '2026-04-01' },
        'mia',
      );
      await expect(hub.approveRound(proposed.id, 'mia')).rejects.toMatchObject({ code: 'HUB_FORBIDDEN' });
      await hub.approveRound(proposed.id, 'abe');
      const before = await Promise.all(vaults.map(models));
      const stored = await hub.runRound(proposed.id);
      expect(stored).toMatchObject({ stage: 'stored', reason: null, approvedBy: 'abe' });
      for (const [i, v] of vaults.entries()) {
        const fresh = (await models(v)).filter((m) => !before[i]!.some((b) => b.id === m.id));
        expect(fresh.map((m) => ({ id: m.id, version: m.version }))).toEqual([
          { id: stored.models![v.region]!.model, version: stored.models![v.region]!.version },
        ]);
        expect(fresh[0]).toMatchObject({ state: 'trained', mechanism: 'federated-round' });
        const stages = (await roundEvents(v, proposed.id)).map((e) =>
          e.type === 'privacy.spent' ? 'spent' : (e.details['stage'] ?? e.details['action']),
        );
        // The hub's home vault (the first) also logs the proposal and the approval, by whom.
        const hubEvents = i === 0 ? ['hub.federated.proposed', 'hub.federated.approved'] : [];
        expect(stages).toEqual([...hubEvents, 'spent', 'begun', 'finished']);
      }
      // The card of a federated version says so: the round, its regions, each vault's (ε, δ), the noise each
      // vault added (as its log says it did) and the round's entries in this vault's log.
      const london = vaults[0]!;
      const carded = await london.vault.models.releaseCard(stored.models![london.region]!.model, 'mia');
      const events = await roundEvents(london, proposed.id);
      const begun = events.find((e) => e.details['stage'] === 'begun')!;
      expect(carded.card['federated']).toEqual({
        round: proposed.id,
        regions: vaults.map((v) => v.region),
        perVault: { epsilon: 1, delta: carded.delta },
        noise: {
          mechanism: expect.stringMatching(/discrete Gaussian/) as unknown,
          variancePerVault: begun.details['variance'],
          minimumVaults: 3,
        },
        logEntries: expect.any(Array) as unknown,
      });
      expect((carded.card['federated'] as { logEntries: number[] }).logEntries).toHaveLength(events.length);
    } finally {
      await regional.dispose();
    }
  }, 120_000);

  it('a hub that died mid-round: started again, it aborts the round, and each vault forgets it and logs why', async () => {
    const regional = await openRegionalHub(vaults);
    try {
      const { hub } = regional;
      await hub.addStaff('abe', ['approver']);
      await registerRegions(hub, vaults, 'olga');
      const proposed = await hub.proposeRound(
        { product: 'savings', epsilon: 1, regions: 'all', asOf: '2026-04-01' },
        'mia',
      );
      await hub.approveRound(proposed.id, 'abe');
      // The hub's process stops answering after the shares went out: no vault is asked to mask.
      regional.freezeOn.add('roundMask');
      void hub.runRound(proposed.id);
      await vi.waitFor(async () => expect((await hub.showRound(proposed.id)).stage).toBe('shares'), {
        timeout: 60_000,
        interval: 100,
      });
      regional.freezeOn.clear();
      const restarted = regional.restart();
      const aborted = await restarted.abortInterruptedRounds();
      expect(aborted.map((r) => ({ id: r.id, stage: r.stage, reason: r.reason }))).toEqual([
        {
          id: proposed.id,
          stage: 'aborted',
          reason: 'FEDERATED_ROUND_ABORTED: the hub restarted while the round was at stage shares',
        },
      ]);
      expect(await restarted.abortInterruptedRounds()).toEqual([]);
      for (const v of vaults) {
        // (The home vault's log also holds the proposal and the approval: admin actions, left out here.)
        const events = (await roundEvents(v, proposed.id)).filter((e) => e.type !== 'admin.action');
        expect(events.map((e) => (e.type === 'privacy.spent' ? 'spent' : e.details['stage']))).toEqual([
          'spent',
          'begun',
          'aborted',
        ]);
        expect(events[2]!.details['why']).toBe('the hub restarted while the round was at stage shares');
        // The vault holds the round no more: a late step of it is refused.
        const door = new HttpVaultDoor({ url: v.url, key: doorKey });
        await expect(door.roundMask({ round: proposed.id, shares: [] })).rejects.toMatchObject({
          code: 'FEDERATED_ROUND_ABORTED',
        });
      }
    } finally {
      await regional.dispose();
    }
  }, 120_000);

  it('a vault forgets a round no step came for within its timeout, and its log says so', async () => {
    const london = vaults[0]!;
    const expiries: { ms: number; expire: () => void; cancelled: boolean }[] = [];
    const rounds = new VaultRounds(london.vault, london.vault.keys, london.vault.federationPeers, {
      ownKey: () => london.publicKey,
      timeoutMs: 60_000,
      schedule: (ms, expire) => {
        const timer = { ms, expire, cancelled: false };
        expiries.push(timer);
        return () => void (timer.cancelled = true);
      },
    });
    const r = { ...request(), participants: vaults.map((v) => v.region), threshold: 3, minimum: 3 };
    await rounds.roundBegin(r);
    await expect(rounds.roundShare({ round: r.round, bundles: [] })).rejects.toMatchObject({
      code: 'FEDERATED_ROUND_ABORTED',
    });
    // Each step restarted the wait: the timer of the begin was cancelled, the share's is the live one.
    expect(expiries.map((t) => [t.ms, t.cancelled])).toEqual([
      [60_000, true],
      [60_000, false],
    ]);
    expiries[1]!.expire();
    await vi.waitFor(async () =>
      expect((await roundEvents(london, r.round)).map((e) => e.details['stage'])).toContain('aborted'),
    );
    const aborted = (await roundEvents(london, r.round)).find((e) => e.details['stage'] === 'aborted')!;
    expect(aborted.details['why']).toBe('no step of the round came for 60 s: the vault forgot it');
    await expect(rounds.roundShare({ round: r.round, bundles: [] })).rejects.toThrow(
      `this vault holds no round "${r.round}"`,
    );
  }, 90_000);
});
