// The scheduler of `curtain start`: approved campaigns run when their start has come, once, and never before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub } from '../../src/app/hub-process.ts';
import { type VaultServices } from '../../src/app/vault-process.ts';
import type { HubService } from '../../src/hub/hub-service.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { schedulerHandle, startScheduler, type Scheduler } from '../../src/app/scheduler.ts';
import { consentingCustomers, everyone } from '../delivery/support/delivery-fixtures.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

describe.each(testBackends)('the campaign scheduler on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let hub: HubService;
  let scheduler: Scheduler;
  let today = new Date('2026-06-10T09:00:00Z');
  const logged: string[] = [];

  beforeAll(async () => {
    vault = await createTestVault(backend, {
      random: seededRandomSource(`scheduler-${backend.name}`),
      now: () => today,
      delivery: { inboxOrigin: 'https://bank.example' },
    });
    await consentingCustomers(vault, 150, 'S', ['inbox']);
    hub = openHub(vault, () => today);
    await hub.addStaff('mia', ['marketer']);
    await hub.addStaff('rui', ['approver']);
    await hub.addProduct({ code: 'saver', name: 'Saver', provider: 'bank', credit: false }, 'mia');
    const log = {
      info: (_: object, message: string) => void logged.push(message),
      error: (details: { err?: unknown }, message: string) =>
        void logged.push(
          `error: ${message} ${details.err instanceof Error ? details.err.stack : JSON.stringify(details)}`,
        ),
    };
    scheduler = await startScheduler(hub, vault.delivery, log, 3_600_000);
  });
  afterAll(async () => {
    await scheduler.stop();
    await vault.dispose();
  });

  async function approvedCampaign(name: string, startsAt: string): Promise<string> {
    const offer = await hub.addOffer(
      {
        productCode: 'saver',
        title: 'A saver that pays more',
        body: 'Our new saver pays more on balances up to a limit.',
        callToAction: 'Tell me more',
        category: 'savings',
        validFrom: '2026-06-01',
        validUntil: '2026-12-31',
      },
      'mia',
    );
    const campaign = await hub.createCampaign(
      { name, audience: everyone, offerId: offer.id, startsAt, frequencyCap: { messages: 5, days: 7 } },
      'mia',
    );
    await hub.approve(campaign.id, 'rui');
    return campaign.id;
  }

  it('runs an approved campaign once its start has come, as the scheduler, and only once', async () => {
    const due = await approvedCampaign('Due now', '2026-06-10T08:00:00Z');
    const later = await approvedCampaign('Tomorrow', '2026-06-11T08:00:00Z');
    await scheduler.tick();
    expect((await hub.show(due)).campaign.status, logged.join('\n')).toBe('finished');
    expect((await hub.show(later)).campaign.status).toBe('approved');
    const started = (await hub.show(due)).events.find((e) => e.event === 'started');
    expect(started?.actor).toBe(schedulerHandle);
    const count = async (campaign: string) =>
      (
        await vault.storage.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM inbox_messages WHERE campaign_id = $1',
          [campaign],
        )
      ).rows[0]!.n;
    expect(await count(due)).toBe(150);

    await scheduler.tick();
    expect(await count(due)).toBe(150);

    today = new Date('2026-06-11T09:00:00Z');
    await scheduler.tick();
    expect((await hub.show(later)).campaign.status).toBe('finished');
    expect(logged.filter((m) => m.startsWith('error'))).toEqual([]);
  });
});
