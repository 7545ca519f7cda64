// The door's contract, run on every door: the vault in process, the vault over HTTP (a real server on a real
// socket, called through HttpVaultDoor), and the hub's test double. Same cases, same shapes, same codes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { activeVerifierKey, identityHolds, identityNonce } from '../../src/audit/door-identity.ts';
import { roundDoorMethods } from '../../src/contracts/door-rounds.ts';
import { DoorRoundParty } from '../../src/federated/door-round-party.ts';
import { pinnedVerifier } from '../../src/federated/bundle-keys.ts';
import { runFederatedRound } from '../../src/federated/round-coordinator.ts';
import { doorMethods } from '../../src/contracts/door.ts';
import type { DeliveryRequest, VaultDoor, VaultKindAnswer } from '../../src/core/vault-door.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { buildServer } from '../../src/http/server.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { testBackends } from '../support/backends.ts';
import { createDemoBankVault, type TestVault } from '../support/test-vault.ts';
import { RecordingDoor } from '../hub/recording-door.ts';
import { doorKey } from '../http/harness.ts';

const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);
const bank = { customers: 600, seed: 3, end };

/** Everyone active: large enough to be admitted. No one makes 400 payments in a week: too few. */
const everyone = 'count(within: 90d) > 0';
const nobody = 'count(within: 7d) > 400';
const typo = 'count(within: 90d) >';
/** A proxy of protected attributes: refused for credit purposes by the fair-lending rules. */
const childcare = 'spent(category: "childcare", within: 90d) > 0';

interface DoorUnderTest {
  readonly door: VaultDoor;
  readonly kind: VaultKindAnswer;
  /** The verifier keys a hub may pin: the vault log's published keys. */
  readonly logKeys: readonly string[];
  /** The key this vault signs round bundles with, pinned (by its own operator) under region "home". */
  readonly roundKey: string;
  /** Pins a peer's key for federated rounds, as the vault's operator does. */
  pinPeer(region: string, publicKey: string): Promise<void>;
  dispose(): Promise<void>;
}

async function vaultDoor(backend: (typeof testBackends)[number], overHttp: boolean): Promise<DoorUnderTest> {
  const vault: TestVault = await createDemoBankVault(backend, bank, {
    now,
    random: seededRandomSource(`door-contract-${backend.name}`),
  });
  const logKeys = vault.audit.publicKeys();
  const roundKey = activeVerifierKey(vault.keys, vault.audit.origin);
  await vault.federationPeers.pin('home', roundKey, 'olga');
  const pinPeer = async (region: string, key: string) => {
    await vault.federationPeers.pin(region, key, 'olga');
  };
  if (!overHttp) {
    return { door: vault.door, kind: 'demo', logKeys, roundKey, pinPeer, dispose: () => vault.dispose() };
  }
  const server: FastifyInstance = await buildServer(
    { vault },
    { logLevel: 'silent', doorKey, rateLimitPerMinute: false },
  );
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    door: new HttpVaultDoor({ url, key: doorKey }),
    kind: 'demo',
    logKeys,
    roundKey,
    pinPeer,
    dispose: async () => {
      await server.close();
      await vault.dispose();
    },
  };
}

function recordingDoor(): Promise<DoorUnderTest> {
  const door = new RecordingDoor({ now });
  door.tooFew.add(nobody);
  door.vaultKind = 'demo';
  return Promise.resolve({
    door,
    kind: 'demo',
    logKeys: [door.publicKey],
    roundKey: door.publicKey,
    pinPeer: (region: string, key: string) => {
      door.rounds.pins.set(region, key);
      return Promise.resolve();
    },
    dispose: () => Promise.resolve(),
  });
}

const doors: { name: string; open: () => Promise<DoorUnderTest> }[] = [
  ...testBackends.flatMap((backend) => [
    { name: `in-process door on ${backend.name}`, open: () => vaultDoor(backend, false) },
    { name: `HTTP door on ${backend.name}`, open: () => vaultDoor(backend, true) },
  ]),
  { name: 'recording door (the hub’s test double)', open: recordingDoor },
];

/** The answer as its contract reads it, with nothing beside: equal to the answer when it holds no more. */
const asContract = (schema: z.ZodType, answer: unknown): unknown => schema.parse(answer);

const request = (campaignId: string, changes: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
  campaignId,
  requestedBy: 'mia',
  purpose: 'credit_offers',
  audience: everyone,
  offer: {
    offerId: 'offer-1',
    title: 'A mortgage that moves with you',
    body: 'Fixed rates for five years.',
    callToAction: 'Talk to a mortgage adviser',
    category: 'mortgage',
    credit: true,
    validUntil: '2026-12-31',
  },
  channels: ['email'],
  frequencyCap: { messages: 1, days: 7 },
  ...changes,
});

describe.each(doors)('the door contract: $name', ({ open }) => {
  let subject: DoorUnderTest;
  let door: VaultDoor;

  // Tests that release nothing share one copy of the bank; a test that releases an audience takes its own
  // (`releasing`), so that no release is a close neighbour (differencing) of another test's.
  beforeAll(async () => {
    subject = await open();
    door = subject.door;
  }, 300_000);
  afterAll(() => subject?.dispose());

  async function releasing(work: (door: VaultDoor) => Promise<void>): Promise<void> {
    const own = await open();
    try {
      await work(own.door);
    } finally {
      await own.dispose();
    }
  }

  it('checks a question: its plain words and the ε a new count would cost, nothing else', async () => {
    const answer = await door.check(everyone, 'credit_offers');
    expect(answer).toEqual(asContract(doorMethods.check.answer, answer));
    expect(answer).toEqual({
      ok: true,
      value: {
        explanation: expect.stringMatching(/\w/) as unknown,
        cost: expect.stringMatching(/^\d+(\/\d+)?$/) as unknown,
      },
    });
  });

  it('refuses an invalid question with its rendered diagnostics, and a fair-lending proxy for credit', async () => {
    const invalid = await door.check(typo, 'bank_offers');
    expect(invalid).toEqual(asContract(doorMethods.check.answer, invalid));
    expect(invalid).toMatchObject({
      ok: false,
      error: {
        code: 'QUESTION_INVALID',
        rendered: expect.stringContaining('the expression ends too early') as unknown,
      },
    });
    expect(!invalid.ok && invalid.error.rendered).toContain('\n                    ^');
    const proxy = await door.check(childcare, 'credit_offers');
    expect(proxy).toMatchObject({
      ok: false,
      error: { code: 'QUESTION_INVALID', rendered: expect.stringContaining('proxy for sex') as unknown },
    });
    expect(await door.check(childcare, 'partner_offers')).toMatchObject({ ok: true });
  });

  it('refuses an unknown purpose', async () => {
    for (const answer of [
      await door.check(everyone, 'astrology'),
      await door.count(everyone, 'astrology', 'mia'),
    ]) {
      expect(answer).toEqual(asContract(doorMethods.count.answer, answer));
      expect(answer).toMatchObject({ ok: false, error: { code: 'QUESTION_PURPOSE_UNKNOWN' } });
    }
  });

  it('counts: a protected count with what it cost and what is left', () =>
    releasing(async (door) => {
      const answer = await door.count(everyone, 'bank_offers', 'mia');
      expect(answer).toEqual(asContract(doorMethods.count.answer, answer));
      expect(answer).toMatchObject({
        ok: true,
        value: {
          count: expect.any(Number) as unknown,
          repeated: false,
          epsilon: expect.stringMatching(/^\d+(\/\d+)?$/) as unknown,
          budget: { charged: expect.stringMatching(/^\d+(\/\d+)?$/) as unknown },
        },
      });
      const invalid = await door.count(typo, 'bank_offers', 'mia');
      expect(invalid).toMatchObject({ ok: false, error: { code: 'QUESTION_INVALID' } });
    }));

  it('refuses to count too few people, saying what the refusal cost', async () => {
    const answer = await door.count(nobody, 'bank_offers', 'rui');
    expect(answer).toEqual(asContract(doorMethods.count.answer, answer));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'PRIVACY_TOO_FEW', budget: { askerRemaining: expect.any(String) as unknown } },
    });
  });

  it('releases an audience as tokens with interests, and refuses one too small', () =>
    releasing(async (door) => {
      const { campaignId, requestedBy, purpose, audience, frequencyCap } = request('contract-release');
      const release = { campaignId, requestedBy, purpose, audience, frequencyCap };
      const answer = await door.releaseAudience(release);
      expect(answer).toEqual(asContract(doorMethods.releaseAudience.answer, answer));
      expect(answer).toMatchObject({
        ok: true,
        value: { campaignId: 'contract-release', repeated: false, k: expect.any(Number) as unknown },
      });
      const tooSmall = await door.releaseAudience({
        ...release,
        campaignId: 'contract-small',
        audience: nobody,
      });
      expect(tooSmall).toEqual(asContract(doorMethods.releaseAudience.answer, tooSmall));
      expect(tooSmall).toMatchObject({ ok: false, error: { code: 'DELIVERY_AUDIENCE_TOO_SMALL' } });
    }));

  it('delivers to the end, reporting progress as a fraction, and then gives protected results', () =>
    releasing(async (door) => {
      const progress: number[] = [];
      const answer = await door.deliver(request('contract-deliver'), (fraction) => progress.push(fraction));
      expect(answer).toEqual(asContract(doorMethods.deliver.answer, answer));
      expect(answer).toMatchObject({
        ok: true,
        value: { campaignId: 'contract-deliver', state: 'finished', fractionDone: 1 },
      });
      expect(progress.at(-1)).toBe(1);
      const results = await door.results('contract-deliver', 'mia');
      expect(results).toEqual(asContract(doorMethods.results.answer, results));
      expect(results).toMatchObject({ ok: true, value: { campaignId: 'contract-deliver' } });
    }));

  it('refuses a delivery: too small, an invalid question, an unknown purpose, a request outside the contract', async () => {
    const refusals = [
      await door.deliver(request('contract-tiny', { audience: nobody })),
      await door.deliver(request('contract-typo', { audience: typo })),
      await door.deliver(request('contract-astrology', { purpose: 'astrology' })),
      await door.deliver(request('contract-twice', { channels: ['email', 'email'] })),
    ];
    for (const refusal of refusals) expect(refusal).toEqual(asContract(doorMethods.deliver.answer, refusal));
    expect(refusals.map((r) => !r.ok && r.error.code)).toEqual([
      'DELIVERY_AUDIENCE_TOO_SMALL',
      'QUESTION_INVALID',
      'QUESTION_PURPOSE_UNKNOWN',
      'DELIVERY_INVALID',
    ]);
    expect(refusals[3]).toMatchObject({ error: { message: 'channels: each channel once' } });
  });

  // On the shared bank: the one delivery here is admitted once, and answers no question another test asks.
  it('stops a campaign: one not begun never begins, one delivered is found finished, asking again is the same', async () => {
    const early = await door.stop({ campaignId: 'contract-stop-early', actor: 'mia' });
    expect(early).toEqual(asContract(doorMethods.stop.answer, early));
    expect(early).toEqual({
      ok: true,
      value: { campaignId: 'contract-stop-early', run: 'not_started', fractionDone: 0 },
    });
    const never = await door.deliver(request('contract-stop-early'));
    expect(never).toEqual(asContract(doorMethods.deliver.answer, never));
    expect(never).toMatchObject({ ok: true, value: { state: 'stopped', fractionDone: 0 } });

    expect(await door.deliver(request('contract-stop-late'))).toMatchObject({ ok: true });
    const late = await door.stop({ campaignId: 'contract-stop-late', actor: 'mia' });
    expect(late).toEqual({
      ok: true,
      value: { campaignId: 'contract-stop-late', run: 'finished', fractionDone: 1 },
    });
    expect(await door.stop({ campaignId: 'contract-stop-late', actor: 'mia' })).toEqual(late);
    const outside = await door.stop({ campaignId: '', actor: 'mia' });
    expect(outside).toEqual(asContract(doorMethods.stop.answer, outside));
    expect(outside).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });

  it('records the hub’s events, and refuses one about a customer or of a type not the hub’s', async () => {
    await expect(
      door.record([{ type: 'campaign.drafted', details: { campaign: 'contract-record', actor: 'mia' } }]),
    ).resolves.toBeUndefined();
    const aboutACustomer = { type: 'campaign.started', details: {}, subjectRef: 'c-1' } as const;
    await expect(door.record([aboutACustomer])).rejects.toMatchObject({ code: 'USAGE' });
    const notTheHubs = { type: 'message.sent', details: {} } as unknown as Parameters<
      VaultDoor['record']
    >[0][0];
    await expect(door.record([notTheHubs])).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('says what kind of vault it is', async () => {
    expect(await door.kind()).toBe(subject.kind);
  });

  it('proves its log key on the hub’s nonce, and the proof answers that nonce only', async () => {
    const nonce = identityNonce();
    const proof = await door.identify(nonce);
    expect(proof).toEqual(asContract(doorMethods.identify.answer, proof));
    expect(subject.logKeys).toContain(proof.publicKey);
    expect(identityHolds(proof.publicKey, nonce, proof)).toBe(true);
    expect(identityHolds(proof.publicKey, identityNonce(), proof)).toBe(false);
    await expect(door.identify('short')).rejects.toMatchObject({ code: 'USAGE' });
  });

  const roundRequest = (changes: Partial<Parameters<VaultDoor['roundBegin']>[0]> = {}) => ({
    round: randomUUID(),
    participants: ['home', 'peer'],
    threshold: 2,
    minimum: 2,
    product: 'savings',
    asOf: '2026-07-01',
    epsilon: 1,
    asker: 'mia',
    purpose: 'bank_offers',
    ...changes,
  });

  it('takes part in a federated round: a signed bundle, sealed shares, a masked input, the model stored', async () => {
    // The peer is the hub's test double; each side pins the other's key, and the hub pins both.
    const peer = new RecordingDoor({ now });
    peer.rounds.rename('peer');
    peer.rounds.pins.set('home', subject.roundKey);
    await subject.pinPeer('peer', peer.publicKey);
    const pins = new Map([
      ['home', subject.roundKey],
      ['peer', peer.publicKey],
    ]);
    // Every answer of the door under test is read back through its contract on the way.
    const checked = new Proxy(door, {
      get(target, property: keyof VaultDoor) {
        const method = Reflect.get(target, property, target) as (...a: unknown[]) => Promise<unknown>;
        const contract = (roundDoorMethods as Record<string, { answer: z.ZodType | null }>)[property];
        if (contract === undefined) return method.bind(target);
        return async (...args: unknown[]) => {
          const answer = await method.apply(target, args);
          if (contract.answer !== null) expect(answer).toEqual(asContract(contract.answer, answer));
          return answer;
        };
      },
    });
    const parties = new Map([
      ['home', new DoorRoundParty(checked, 'home')],
      ['peer', new DoorRoundParty(peer, 'peer')],
    ]);
    const { round, ...request } = roundRequest();
    const outcome = await runFederatedRound(parties, { round, ...request }, { verify: pinnedVerifier(pins) });
    expect(outcome.models['home']).toEqual({
      model: expect.any(String) as unknown,
      version: expect.any(Number) as unknown,
    });
    expect(peer.rounds.sums.has(round)).toBe(true);
    // The round is over: a further step for it is refused.
    await expect(door.roundShare({ round, bundles: [] })).rejects.toMatchObject({
      code: 'FEDERATED_ROUND_ABORTED',
    });
  }, 60_000);

  it('refuses round steps outside the contract, of rounds it does not hold, not naming it, or over budget', async () => {
    await expect(door.roundBegin({ ...roundRequest(), round: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'USAGE',
    });
    await expect(door.roundShare({ round: randomUUID(), bundles: [] })).rejects.toMatchObject({
      code: 'FEDERATED_ROUND_ABORTED',
    });
    await expect(door.roundAbort({ round: randomUUID(), why: 'never begun' })).resolves.toBeUndefined();
    await expect(door.roundBegin(roundRequest({ participants: ['east', 'west'] }))).rejects.toMatchObject({
      code: 'FEDERATED_ROUND_ABORTED',
      message: expect.stringContaining('does not name this vault') as unknown,
    });
    await expect(door.roundBegin(roundRequest({ epsilon: 100 }))).rejects.toMatchObject({
      code: 'PRIVACY_BUDGET_EXHAUSTED',
    });
    // A round begun and then aborted is forgotten: its next step is refused.
    const begun = roundRequest({ participants: ['home', 'peer'] });
    await subject.pinPeer('peer', new RecordingDoor().publicKey);
    const bundle = await door.roundBegin(begun);
    expect(bundle).toEqual(asContract(roundDoorMethods.roundBegin.answer, bundle));
    expect(bundle.participant).toBe('home');
    await door.roundAbort({ round: begun.round, why: 'a test stopped it' });
    await expect(door.roundShare({ round: begun.round, bundles: [bundle] })).rejects.toMatchObject({
      code: 'FEDERATED_ROUND_ABORTED',
    });
  });
});
