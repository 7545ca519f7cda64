// Stopping a delivery in the vault, through its door, and from the hub: nothing is written after the stop
// answers, what was sent stays, pending notices are withdrawn, the held ε is given back, and both logs say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices, VaultSettings } from '../../src/app/vault-process.ts';
import { openHub } from '../../src/app/hub-process.ts';
import type { DeliveryStop, StopRequest } from '../../src/core/vault-door.ts';
import type { Result } from '../../src/core/result.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { testBackends } from '../support/backends.ts';
import { createVaultTemplate, type VaultTemplate } from '../support/test-vault.ts';
import { consentingCustomers, RecordingAdapter, request } from './support/delivery-fixtures.ts';

const t0 = new Date('2026-06-30T12:00:00Z');
const customers = 90;

type OpenVault = VaultServices & { dispose(): Promise<void> };

describe.each(testBackends)('stopping a delivery on $name', (backend) => {
  let template: VaultTemplate<number[]>;

  beforeAll(async () => {
    template = await createVaultTemplate(backend, (built) => consentingCustomers(built, customers, 'S'));
  }, 120_000);
  afterAll(() => template.dispose());

  /**
   * A copy of the consenting customers whose delivery writes batches of 5 (18 of them) and, after the third,
   * calls `onThirdBatch`, as a stop arriving while the run is sending.
   */
  async function vaultStoppedMidway(onThirdBatch: (vault: OpenVault) => void) {
    const email = new RecordingAdapter('email');
    let batches = 0;
    const opened: OpenVault[] = [];
    const settings: Partial<VaultSettings> = {
      now: () => t0,
      random: seededRandomSource(`stop-${backend.name}`),
      delivery: {
        inboxOrigin: 'https://bank.example',
        batchSize: 5,
        adapters: { email },
        fault: (point) => {
          if (point === 'after-inbox-batch' && ++batches === 3) onThirdBatch(opened[0]!);
        },
      },
    };
    const vault = await template.open(settings);
    opened.push(vault);
    return { vault, email };
  }

  const count = async (vault: OpenVault, sql: string, campaignId: string): Promise<number> =>
    Number((await vault.storage.query<{ n: number }>(sql, [campaignId])).rows[0]!.n);
  const inbox = (vault: OpenVault, id: string) =>
    count(vault, 'SELECT count(*)::int AS n FROM inbox_messages WHERE campaign_id = $1', id);
  const logged = (vault: OpenVault, type: string, id: string) =>
    count(
      vault,
      `SELECT count(*)::int AS n FROM audit_entries WHERE entry LIKE '%' || $1 || '%' AND entry LIKE '%${type}%'`,
      id,
    );

  it('stops part-way: sent stays sent, nothing after the stop, notices withdrawn, held ε given back, logged', async () => {
    let stopping: Promise<Result<DeliveryStop, unknown>> | undefined;
    const stop: StopRequest = { campaignId: 'camp-stop', actor: 'mia' };
    const { vault, email } = await vaultStoppedMidway((v) => {
      stopping = v.door.stop(stop);
    });
    try {
      const held = await vault.door.reserve({
        campaignId: 'camp-stop',
        holder: 'abe',
        purpose: 'bank_offers',
      });
      expect(held.ok).toBe(true);
      const delivered = await vault.door.deliver(request('camp-stop'));
      const stopped = await stopping!;
      expect(stopped).toMatchObject({ ok: true, value: { campaignId: 'camp-stop', run: 'sending' } });
      expect(delivered).toMatchObject({ ok: true, value: { campaignId: 'camp-stop', state: 'stopped' } });
      const sent = await inbox(vault, 'camp-stop');
      // Stopped after its third batch (parts of 9 in batches of 5 and 4: 14 people), before its last.
      expect(sent).toBeGreaterThanOrEqual(14);
      expect(sent).toBeLessThan(customers);
      expect(!delivered.ok || delivered.value.fractionDone).toBeLessThan(1);

      // Broken once (the stop check taken out of writeBatch): the run went on to the end, and this test failed.
      expect(await vault.door.deliver(request('camp-stop'))).toMatchObject({
        ok: true,
        value: { state: 'stopped' },
      });
      expect(await inbox(vault, 'camp-stop')).toBe(sent);
      const { rows: notices } = await vault.storage.query<{ state: string }>(
        'SELECT DISTINCT state FROM outbound_notices WHERE campaign_id = $1',
        ['camp-stop'],
      );
      expect(notices).toEqual([{ state: 'withdrawn' }]);
      expect(email.sent).toHaveLength(0);
      // Broken once (the door's stop left the reservation held): ended_reason stayed null, and this failed.
      const { rows: holding } = await vault.storage.query<{ ended_reason: string | null }>(
        'SELECT ended_reason FROM budget_reservations WHERE campaign_id = $1',
        ['camp-stop'],
      );
      expect(holding).toEqual([{ ended_reason: 'stopped' }]);
      expect(await logged(vault, 'delivery.stopped', 'camp-stop')).toBe(1);
      expect(await logged(vault, 'privacy.unreserved', 'camp-stop')).toBe(1);
      // Asking again changes nothing and logs nothing more.
      expect(await vault.door.stop(stop)).toMatchObject({ ok: true, value: { run: 'stopped' } });
      expect(await logged(vault, 'delivery.stopped', 'camp-stop')).toBe(1);
      // The log says where the run stood, never how many it reached.
      const { rows } = await vault.storage.query<{ entry: string }>(
        `SELECT entry FROM audit_entries WHERE entry LIKE '%delivery.stopped%'`,
      );
      expect(rows.map((r) => JSON.parse(r.entry) as { details: unknown })[0]?.details).toEqual({
        campaign: 'camp-stop',
        by: 'mia',
        run: 'sending',
      });
    } finally {
      await vault.dispose();
    }
  });

  it('a stop before the run begins: deliver then admits no one, spends no ε and sends nothing', async () => {
    const { vault } = await vaultStoppedMidway(() => undefined);
    try {
      const stopped = await vault.door.stop({ campaignId: 'camp-early', actor: 'mia' });
      expect(stopped).toEqual({
        ok: true,
        value: { campaignId: 'camp-early', run: 'not_started', fractionDone: 0 },
      });
      const delivered = await vault.door.deliver(request('camp-early'));
      expect(delivered).toMatchObject({ ok: true, value: { state: 'stopped', fractionDone: 0 } });
      expect(await inbox(vault, 'camp-early')).toBe(0);
      const charged = await count(
        vault,
        `SELECT count(*)::int AS n FROM questions WHERE expression LIKE 'delivery:' || $1 || '%'`,
        'camp-early',
      );
      expect(charged).toBe(0);
      expect(await vault.door.stop({ campaignId: '', actor: 'mia' })).toMatchObject({
        ok: false,
        error: { code: 'USAGE' },
      });
    } finally {
      await vault.dispose();
    }
  });

  it('from the hub: a campaign stopped while the vault sends ends stopped, in both logs, with nothing sent after', async () => {
    let stopped: Promise<unknown> | undefined;
    let campaignId = '';
    const { vault } = await vaultStoppedMidway((v) => {
      stopped = openHub(v, () => t0).cancel(campaignId, 'mia', 'the rate in the offer is wrong');
    });
    try {
      const hub = openHub(vault, () => t0);
      await hub.addStaff('mia', ['marketer']);
      await hub.addStaff('abe', ['approver']);
      await hub.addStaff('ola', ['operator']);
      await hub.addProduct({ code: 'saver', name: 'Easy saver', provider: 'bank', credit: false }, 'mia');
      const offer = await hub.addOffer(
        {
          productCode: 'saver',
          title: 'An easy saver',
          body: 'Put money aside as you like.',
          callToAction: 'Open a saver',
          category: 'savings',
          validUntil: '2026-12-31',
        },
        'mia',
      );
      const drafted = await hub.createCampaign(
        { name: 'savers', audience: request('x').audience, offerId: offer.id, startsAt: t0 },
        'mia',
      );
      campaignId = drafted.id;
      await hub.approve(campaignId, 'abe');
      const ran = await hub.run(campaignId, 'ola');
      await stopped;
      expect(ran.campaign.status).not.toBe('finished');
      const after = await hub.show(campaignId);
      expect(after.campaign.status).toBe('stopped');
      expect(after.events.map((e) => e.event)).toEqual([
        'drafted',
        'approved',
        'started',
        'stopping',
        'stopped',
      ]);
      const sent = await inbox(vault, campaignId);
      expect(sent).toBeLessThan(customers);
      const again = await hub.run(campaignId, 'ola').then(
        () => 'ran',
        (e: unknown) => (e as { code?: string }).code,
      );
      expect(again).toBe('HUB_CAMPAIGN_STATE');
      expect(await inbox(vault, campaignId)).toBe(sent);
      for (const type of [
        'campaign.stopping',
        'campaign.stopped',
        'delivery.stopped',
        'privacy.unreserved',
      ]) {
        expect(await logged(vault, type, campaignId), type).toBe(1);
      }
    } finally {
      await vault.dispose();
    }
  });
});
