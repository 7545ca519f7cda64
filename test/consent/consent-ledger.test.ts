// The consent ledger on every backend: defaults, withdrawal, history, GPC, set lookups, receipts, audit, preferences.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, TransactionalAuditSink } from '../../src/core/audit-event.ts';
import {
  consentChannels,
  consentPurposes,
  currentNotice,
  type ChannelScope,
  type ConsentChannel,
  type ConsentDecision,
  type ConsentPurpose,
} from '../../src/core/consent.ts';
import type { Storage } from '../../src/storage/ports.ts';
import { ConsentLedger } from '../../src/vault/consent/consent-ledger.ts';
import { PreferenceStore } from '../../src/vault/consent/preference-store.ts';
import { verifyReceipt } from '../../src/vault/consent/receipts.ts';
import { demoConsentDecisions, toConsentDecisions } from '../../src/demo/generate/consent.ts';
import { customerRandom } from '../../src/demo/generate/random.ts';
import { personaCodes } from '../../src/demo/generate/types.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { testBackends } from '../support/backends.ts';

/** Keeps events in memory; enqueued ones count once flushed, as the log's outbox does after a commit. */
class MemoryAuditSink implements TransactionalAuditSink<unknown> {
  readonly events: AuditEvent[] = [];
  #pending: AuditEvent[] = [];
  record(events: readonly AuditEvent[]): Promise<void> {
    this.events.push(...events);
    return Promise.resolve();
  }
  enqueue(_tx: unknown, events: readonly AuditEvent[]): Promise<void> {
    this.#pending.push(...events);
    return Promise.resolve();
  }
  flush(): Promise<void> {
    this.events.push(...this.#pending);
    this.#pending = [];
    return Promise.resolve();
  }
}

const refKey = Buffer.from('test subject key');
const subjectRef = (customerId: number) =>
  Promise.resolve(createHmac('sha256', refKey).update(String(customerId)).digest('base64url').slice(0, 22));

const receipts = {
  jurisdiction: 'EU',
  language: 'en',
  policyUrl: 'https://bank.example/privacy',
  service: 'Curtain personalisation',
  controllers: [
    {
      piiController: 'Example Bank AG',
      contact: 'Data Protection Officer',
      address: '1 Example Square, 10115 Berlin, DE',
      email: 'dpo@bank.example',
      phone: '+49 30 000000',
    },
  ],
};

const customerCount = 12_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

const decision = (
  customerId: number,
  purpose: ConsentPurpose,
  channel: ChannelScope,
  granted: boolean,
  minutes: number,
  source: ConsentDecision['source'] = 'console',
): ConsentDecision => ({
  customerId,
  purpose,
  channel,
  granted,
  source,
  noticeVersion: currentNotice(purpose).id,
  decidedAt: at(minutes),
});

describe.each(testBackends)('consent ledger on $name', (backend) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let keyDir: string;
  let keys: LocalKeyFile;
  let audit: MemoryAuditSink;
  let ledger: ConsentLedger;

  // Each test a ledger of its own: no decision, event or receipt of one test is seen by another.
  beforeEach(async () => {
    ({ storage, dispose } = await backend.createMigrated());
    await storage.query('INSERT INTO customers (id) SELECT generate_series(1, $1::int)', [customerCount]);
    keyDir = await mkdtemp(join(tmpdir(), 'curtain-consent-keys-'));
    keys = await LocalKeyFile.open(keyDir);
    audit = new MemoryAuditSink();
    ledger = new ConsentLedger(storage, keys, audit, { subjectRef, receipts });
  });
  afterEach(async () => {
    await dispose();
    await rm(keyDir, { recursive: true, force: true });
  });

  it('allows nothing before a decision', async () => {
    for (const purpose of consentPurposes) {
      for (const channel of consentChannels) {
        expect((await ledger.allowed(purpose, channel)).size).toBe(0);
        expect(await ledger.isAllowed(1, purpose, channel)).toBe(false);
      }
    }
    expect((await ledger.filter([1, 2, 3], 'bank_offers', 'inbox')).length).toBe(0);
    expect(await ledger.receiptFor(1)).toEqual({ ok: false, error: 'no-decisions' });
  });

  it('refuses a batch with an unknown notice version or purpose, recording nothing', async () => {
    const outcome = await ledger.record([
      decision(1, 'bank_offers', 'inbox', true, 0),
      { ...decision(1, 'bank_offers', 'email', true, 0), noticeVersion: 'bank_offers/v99' },
      { ...decision(1, 'bank_offers', 'email', true, 0), purpose: 'telepathy' as ConsentPurpose },
    ]);
    expect(outcome).toEqual({
      ok: false,
      error: [
        { index: 1, problem: 'unknown-notice' },
        { index: 2, problem: 'unknown-purpose' },
      ],
    });
    expect(await ledger.history(1)).toEqual([]);
  });

  it('grants, then withdraws with immediate effect, and keeps the history in order', async () => {
    const id = 2;
    expect((await ledger.record([decision(id, 'bank_offers', 'all', true, 1)])).ok).toBe(true);
    for (const channel of consentChannels)
      expect(await ledger.isAllowed(id, 'bank_offers', channel)).toBe(true);
    expect((await ledger.allowed('bank_offers', 'email')).has(id)).toBe(true);

    await ledger.record([decision(id, 'bank_offers', 'email', false, 2, 'api')]);
    expect((await ledger.allowed('bank_offers', 'email')).has(id)).toBe(false);
    expect((await ledger.allowed('bank_offers', 'inbox')).has(id)).toBe(true);
    expect([...(await ledger.filter([5, id, 7], 'bank_offers', 'inbox'))]).toEqual([id]);

    // An older decision imported later does not override the newer withdrawal.
    await ledger.record([decision(id, 'bank_offers', 'email', true, 0, 'import')]);
    expect(await ledger.isAllowed(id, 'bank_offers', 'email')).toBe(false);

    const history = await ledger.history(id);
    expect(history.map((h) => [h.channel, h.granted, h.source, h.decidedAt.getTime()])).toEqual([
      ['all', true, 'console', at(1).getTime()],
      ['email', false, 'api', at(2).getTime()],
      ['email', true, 'import', at(0).getTime()],
    ]);
    expect(history.every((h) => h.noticeVersion === 'bank_offers/v2')).toBe(true);
    await expect(storage.query('UPDATE consent_history SET granted = true')).rejects.toThrow(/append-only/);
    await expect(storage.query('DELETE FROM consent_history')).rejects.toThrow(/append-only/);
  });

  /** Customer `id` grants four purposes, then sends a GPC signal. */
  async function grantsThenGpc(id: number, beforeGpc: () => Promise<void> = () => Promise.resolve()) {
    await ledger.record([
      decision(id, 'bank_offers', 'inbox', true, 10),
      decision(id, 'partner_offers', 'all', true, 10),
      decision(id, 'profiling', 'all', true, 10),
      decision(id, 'spending_insights', 'all', true, 10),
    ]);
    await beforeGpc();
    await ledger.recordGpc([id], at(11));
  }

  it('treats a GPC signal as withdrawing partner offers and profiling, not bank offers', async () => {
    const id = 3;
    await grantsThenGpc(id, async () => {
      expect(await ledger.isAllowed(id, 'partner_offers', 'push')).toBe(true);
    });
    for (const channel of consentChannels) {
      expect(await ledger.isAllowed(id, 'partner_offers', channel)).toBe(false);
      expect(await ledger.isAllowed(id, 'profiling', channel)).toBe(false);
      expect((await ledger.allowed('profiling', channel)).has(id)).toBe(false);
    }
    expect(await ledger.isAllowed(id, 'bank_offers', 'inbox')).toBe(true);
    expect(await ledger.isAllowed(id, 'spending_insights', 'inbox')).toBe(true);
    const gpc = (await ledger.history(id)).filter((h) => h.source === 'gpc');
    expect(gpc.map((h) => [h.purpose, h.channel, h.granted])).toEqual([
      ['partner_offers', 'all', false],
      ['profiling', 'all', false],
    ]);
  });

  it('sends one consent.changed event per decision, with no internal id and no PII', async () => {
    audit.events.length = 0;
    const id = 4;
    await ledger.record([
      decision(id, 'spending_insights', 'push', true, 20, 'api'),
      decision(id, 'identity_reveal', 'all', false, 21),
    ]);
    expect(audit.events).toEqual([
      {
        type: 'consent.changed',
        subjectRef: await subjectRef(id),
        details: {
          purpose: 'spending_insights',
          channel: 'push',
          granted: true,
          source: 'api',
          noticeVersion: 'spending_insights/v1',
        },
      },
      {
        type: 'consent.changed',
        subjectRef: await subjectRef(id),
        details: {
          purpose: 'identity_reveal',
          channel: 'all',
          granted: false,
          source: 'console',
          noticeVersion: 'identity_reveal/v1',
        },
      },
    ]);
    const text = JSON.stringify(audit.events);
    expect(text).not.toMatch(/customer_?id/i);
    expect(audit.events.every((e) => e.subjectRef !== String(id))).toBe(true);
  });

  it(`answers allowed() for ${customerCount} customers exactly as a per-customer replay`, async () => {
    const random = customerRandom(42, 0);
    const base = 1_000;
    const first = 100;
    const batches: ConsentDecision[][] = [[], [], []];
    for (let id = first; id <= customerCount; id++) {
      const n = random.int(0, 4);
      for (let k = 0; k < n; k++) {
        const purpose = random.pick(['bank_offers', 'partner_offers', 'profiling'] as const);
        const channel = random.pick(['all', ...consentChannels] as const);
        batches[random.int(0, 2)]!.push(
          decision(id, purpose, channel, random.chance(0.6), base + random.int(0, 50), 'import'),
        );
      }
    }
    const gpcIds = Array.from({ length: 300 }, () => random.int(first, customerCount));
    for (const batch of batches) expect((await ledger.record(batch)).ok).toBe(true);
    expect((await ledger.recordGpc(gpcIds, at(base + 25))).ok).toBe(true);

    // Replay: the latest decidedAt wins; on a tie, the later one recorded.
    const state = new Map<string, { granted: boolean; time: number }>();
    const replay = (d: ConsentDecision) => {
      for (const channel of d.channel === 'all' ? consentChannels : [d.channel]) {
        const key = `${d.customerId}/${d.purpose}/${channel}`;
        const seen = state.get(key);
        if (seen === undefined || seen.time <= d.decidedAt.getTime()) {
          state.set(key, { granted: d.granted, time: d.decidedAt.getTime() });
        }
      }
    };
    for (const batch of batches) batch.forEach(replay);
    for (const id of gpcIds) {
      for (const purpose of ['partner_offers', 'profiling'] as const) {
        replay(decision(id, purpose, 'all', false, base + 25, 'gpc'));
      }
    }
    for (const purpose of ['bank_offers', 'partner_offers', 'profiling'] as const) {
      for (const channel of consentChannels) {
        const expected: number[] = [];
        for (let id = first; id <= customerCount; id++) {
          if (state.get(`${id}/${purpose}/${channel}`)?.granted === true) expected.push(id);
        }
        const set = await ledger.allowed(purpose, channel);
        expect(
          [...set.ids()].filter((id) => id >= first),
          `${purpose}/${channel}`,
        ).toEqual(expected);
        const { rows } = await storage.query<{ n: bigint | number }>(
          `SELECT count(*) AS n FROM consent_current
           WHERE purpose = $1 AND channel = $2 AND granted AND customer_id >= $3`,
          [purpose, channel, first],
        );
        expect(Number(rows[0]!.n)).toBe(expected.length);
      }
    }
    const all = Array.from({ length: customerCount }, (_, i) => i + 1);
    const filtered = await ledger.filter(all, 'bank_offers', 'email');
    expect(filtered.length).toBe((await ledger.allowed('bank_offers', 'email')).size);
  });

  it('issues receipts that verify with the public key and fail when tampered or under another key', async () => {
    const id = 3;
    await grantsThenGpc(id);
    const issued = await ledger.receiptFor(id, new Date('2026-02-01T00:00:00Z'));
    if (!issued.ok) throw new Error(issued.error);
    const jws = issued.value;
    const verified = await verifyReceipt(jws, ledger.receiptKeys());
    if (!verified.ok) throw new Error(verified.error);
    const receipt = verified.value;
    expect(receipt.version).toBe('KI-CR-v1.1.0');
    expect(receipt.publicKey).toBe(keys.signingKey('receipt-signing').id);
    expect(receipt.piiPrincipalId).toBe(await subjectRef(id));
    expect(receipt.piiControllers[0]?.piiController).toBe('Example Bank AG');
    expect(receipt.collectionMethod).toMatch(/Global Privacy Control/);
    const purposes = receipt.services[0]!.purposes;
    const byCode = new Map(purposes.map((p) => [p.curtainPurposeCode, p]));
    expect(byCode.get('bank_offers')?.curtainGrantedChannels).toEqual(['inbox']);
    expect(byCode.get('partner_offers')?.curtainGrantedChannels).toEqual([]);
    expect(byCode.get('partner_offers')?.thirdPartyDisclosure).toBe(true);
    expect(byCode.get('profiling')?.curtainSource).toBe('gpc');

    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const forged = Buffer.from(payload, 'base64url').toString('utf8').replace('"inbox"', '"email"');
    const tampered = `${header}.${Buffer.from(forged).toString('base64url')}.${signature}`;
    expect(await verifyReceipt(tampered, ledger.receiptKeys())).toEqual({
      ok: false,
      error: 'bad-signature',
    });

    const other = generateKeyPairSync('ed25519').publicKey;
    const kid = keys.signingKey('receipt-signing').id;
    expect(await verifyReceipt(jws, [{ id: kid, publicKey: other }])).toEqual({
      ok: false,
      error: 'bad-signature',
    });
    expect(await verifyReceipt(jws, [{ id: 'another-key', publicKey: other }])).toEqual({
      ok: false,
      error: 'unknown-key',
    });
    expect(await verifyReceipt('not.a.jws', ledger.receiptKeys())).toEqual({ ok: false, error: 'malformed' });
  });

  it('stores preferences and feedback, reads them in bulk, and audits each change', async () => {
    const prefsAudit = new MemoryAuditSink();
    const prefs = new PreferenceStore(storage, prefsAudit, subjectRef);
    expect((await prefs.get(7)).stopEverything).toBe(false);
    const outcome = await prefs.update([
      { customerId: 7, change: { kind: 'channels', channels: ['inbox', 'push'] } },
      { customerId: 7, change: { kind: 'frequency_cap', cap: 'monthly' } },
      {
        customerId: 7,
        change: {
          kind: 'quiet_hours',
          quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
        },
      },
      { customerId: 7, change: { kind: 'not_interested', category: 'gambling', on: true } },
      { customerId: 7, change: { kind: 'never_from_partner', partner: 'insurer-a', on: true } },
      { customerId: 8, change: { kind: 'stop_everything', on: true } },
      { customerId: 8, change: { kind: 'not_interested', category: 'travel', on: true } },
      { customerId: 8, change: { kind: 'not_interested', category: 'travel', on: false } },
    ]);
    expect(outcome).toEqual({ ok: true, value: 8 });
    const many = await prefs.many([7, 8, 9]);
    expect(many.get(7)).toEqual({
      channels: ['inbox', 'push'],
      frequencyCap: 'monthly',
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
      notInterestedCategories: ['gambling'],
      blockedPartners: ['insurer-a'],
      stopEverything: false,
    });
    expect(many.get(8)?.stopEverything).toBe(true);
    expect(many.get(8)?.notInterestedCategories).toEqual([]);
    expect(many.get(9)?.frequencyCap).toBeUndefined();
    expect([...(await prefs.stoppedEverything()).ids()]).toEqual([8]);
    expect([...(await prefs.suppressed('partner', 'insurer-a')).ids()]).toEqual([7]);
    expect(prefsAudit.events).toHaveLength(8);
    expect(prefsAudit.events.every((e) => e.type === 'preference.changed')).toBe(true);
    expect(prefsAudit.events[2]?.details).toEqual({ change: 'quiet_hours', set: true });
    expect(JSON.stringify(prefsAudit.events)).not.toMatch(/Berlin|customer_?id/i);

    await prefs.update([{ customerId: 7, change: { kind: 'frequency_cap', cap: undefined } }]);
    expect((await prefs.get(7)).frequencyCap).toBeUndefined();
    expect(
      await prefs.update([{ customerId: 7, change: { kind: 'frequency_cap', cap: 'hourly' as 'daily' } }]),
    ).toEqual({ ok: false, error: [{ index: 0, problem: 'unknown-frequency-cap' }] });
  });
});

describe.each(testBackends)('demo consent through the ledger on $name', (backend) => {
  const customers = 5_000;
  const end = '2026-11-01';
  let storage: Storage;
  let dispose: () => Promise<void>;
  let keyDir: string;
  let ledger: ConsentLedger;

  beforeAll(async () => {
    ({ storage, dispose } = await backend.createMigrated());
    await storage.query('INSERT INTO customers (id) SELECT generate_series(1, $1::int)', [customers]);
    keyDir = await mkdtemp(join(tmpdir(), 'curtain-consent-keys-'));
    ledger = new ConsentLedger(storage, await LocalKeyFile.open(keyDir), new MemoryAuditSink(), {
      subjectRef,
      receipts,
    });
  });
  afterAll(async () => {
    await dispose();
    await rm(keyDir, { recursive: true, force: true });
  });

  it('gives realistic shares, and keeps ~80 % of customers for bank offers in the inbox', async () => {
    const decisions: ConsentDecision[] = [];
    for (let i = 0; i < customers; i++) {
      const persona = personaCodes[i % personaCodes.length]!;
      decisions.push(...toConsentDecisions(i + 1, demoConsentDecisions(1, i, persona), end));
    }
    expect((await ledger.record(decisions)).ok).toBe(true);
    const share = async (purpose: ConsentPurpose, channel: ConsentChannel) =>
      (await ledger.allowed(purpose, channel)).size / customers;
    expect(await share('bank_offers', 'inbox')).toBeCloseTo(0.8, 1);
    expect(Math.abs((await share('bank_offers', 'inbox')) - 0.8)).toBeLessThan(0.03);
    expect(Math.abs((await share('bank_offers', 'email')) - 0.4)).toBeLessThan(0.03);
    expect(Math.abs((await share('partner_offers', 'inbox')) - 0.2)).toBeLessThan(0.03);
    expect(Math.abs((await share('profiling', 'inbox')) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs((await share('spending_insights', 'push')) - 0.7)).toBeLessThan(0.03);
    expect(await share('identity_reveal', 'inbox')).toBe(0);

    const { rows } = await storage.query<{ refusers: bigint | number; gpc: bigint | number }>(
      `SELECT count(DISTINCT customer_id) FILTER (WHERE source = 'console' AND NOT granted) AS refusers,
              count(DISTINCT customer_id) FILTER (WHERE source = 'gpc') AS gpc
       FROM consent_history`,
    );
    expect(Math.abs(Number(rows[0]!.refusers) / customers - 0.08)).toBeLessThan(0.02);
    expect(Number(rows[0]!.gpc) / customers).toBeGreaterThan(0.03);
  });

  it('is deterministic in (seed, index, persona)', () => {
    expect(demoConsentDecisions(7, 123, 'family')).toEqual(demoConsentDecisions('7', 123, 'family'));
    const differ = Array.from(
      { length: 50 },
      (_, i) =>
        JSON.stringify(demoConsentDecisions(7, i, 'student')) !==
        JSON.stringify(demoConsentDecisions(8, i, 'student')),
    );
    expect(differ.some(Boolean)).toBe(true);
  });
});
