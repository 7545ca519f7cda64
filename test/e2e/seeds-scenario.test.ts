// The seeds' scenario end to end, on every backend: home inspection, no mortgage → a message → one answers, one does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import { openHub } from '../../src/app/hub-process.ts';
import { type VaultServices } from '../../src/app/vault-process.ts';
import type { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { dumpHubTables } from '../../src/hub/hub-dump.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { containsPiiBesidesIds } from '../../src/privacy/scrub.ts';
import { distinctiveInterests } from '../../src/vault/avatars/interests.ts';
import { loadDemoBank } from '../../src/demo/load-demo-bank.ts';
import { isAuditSubject } from '../../src/vault/identity/identity-store.ts';
import { emailTo, messageIdOf, startSmtp } from '../delivery/support/delivery-fixtures.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';

const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);
const inboxOrigin = 'https://bank.example';
const seeds = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';

describe.each(testBackends)('the seeds’ scenario on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  let hub: HubService;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  /** Everything the hub was handed back by the door or its own service, for the PII scan. */
  const hubFacing: unknown[] = [];
  let campaignId = '';
  let offerTitle = '';
  let recipients: number[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    vault = await createTestVault(backend, {
      random: seededRandomSource(`seeds-${backend.name}`),
      now,
      delivery: {
        inboxOrigin,
        batchSize: 100,
        adapters: {
          email: emailTo(smtp, inboxOrigin),
        },
      },
    });
    // The thin bank keeps the suite fast; `npm start` generates 6,000 customers at real density, enough for
    // this campaign there too (test/demo/default-demo.test.ts, docs/tutorial.md).
    await loadDemoBank(vault, { density: 'thin', customers: 2_000, seed: 1, end });
    hub = openHub(vault, now);
    await hub.addStaff('mia', ['marketer']);
    await hub.addStaff('rui', ['approver']);
  }, 300_000);
  afterAll(async () => {
    await vault.dispose();
    await smtp.close();
  });

  // One story in steps. The campaign of the first step is what every later step looks at, and the answer of the
  // fourth is what the fifth and sixth count: each is run once, by the first step that needs it, so that any
  // step can also be run alone (vitest -t).
  let ran: Promise<void> | undefined;
  let answered: Promise<void> | undefined;
  const campaignRan = () => (ran ??= runCampaign());
  const customerAnswered = () => (answered ??= campaignRan().then(answerAndConnect));

  async function runCampaign(): Promise<void> {
    await hub.addProduct({ code: 'mortgage', name: 'Mortgage', provider: 'bank', credit: true }, 'mia');
    const offer = await hub.addOffer(
      {
        productCode: 'mortgage',
        title: 'Buying a home? Talk to us about a mortgage',
        body: 'You may be close to buying a home. Our mortgage advisers can help you compare rates.',
        callToAction: 'Connect me with an adviser',
        category: 'mortgage',
        validUntil: '2026-12-31',
      },
      'mia',
    );
    offerTitle = offer.title;
    const draft = await hub.createCampaign(
      { name: 'Home buyers', audience: seeds, offerId: offer.id, channels: ['email'], startsAt: now() },
      'mia',
    );
    campaignId = draft.id;
    await expect(hub.approve(campaignId, 'mia')).rejects.toThrow();
    hubFacing.push(draft, await hub.approve(campaignId, 'rui'));
    const run = await hub.run(campaignId, 'mia');
    hubFacing.push(run);
    expect(run.refusal).toBeUndefined();
    expect(run.campaign.status).toBe('finished');

    const { rows } = await vault.storage.query<{ customer_id: number }>(
      'SELECT customer_id FROM inbox_messages WHERE campaign_id = $1 ORDER BY customer_id',
      [campaignId],
    );
    recipients = rows.map((r) => r.customer_id);
    expect(recipients.length).toBeGreaterThan(100);
  }

  it('runs the campaign from offer to delivery, approved by a second person', () => campaignRan());

  it('delivers only to the segment, with consent, each once', async () => {
    await campaignRan();
    const checked = await vault.questions.check(seeds, 'credit_offers');
    if (!checked.ok) throw new Error(checked.error.message);
    const segment = new Set(await vault.questionEngine.evaluate(checked.value.plan, end));
    const inboxAllowed = await vault.consent.allowed('bank_offers', 'inbox');
    for (const id of recipients) {
      expect(segment.has(id)).toBe(true);
      expect(inboxAllowed.has(id)).toBe(true);
    }
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('sends email notices that say nothing of the offer or the segment, under stable ids', async () => {
    await campaignRan();
    expect(smtp.mails.length).toBeGreaterThan(0);
    for (const mail of smtp.mails) {
      expect(mail.raw).not.toContain(offerTitle);
      expect(mail.raw.toLowerCase()).not.toMatch(/mortgage|inspection|home/);
      expect(messageIdOf(mail.raw)).toMatch(/^[0-9a-f]{32}@bank\.example$/);
    }
    expect(new Set(smtp.mails.map((m) => messageIdOf(m.raw))).size).toBe(smtp.mails.length);
  });

  async function answerAndConnect(): Promise<void> {
    const customer = recipients[0]!;
    const [message] = await vault.inbox.list(customer);
    expect(message?.title).toBe(offerTitle);
    expect(message?.why).toMatch(/home inspection/i);
    const asked = await vault.responses.respond(customer, message!.publicId, 'interested');
    if (!asked.ok) throw new Error(asked.error.message);
    // Nothing is revealed by "interested" alone.
    expect(await vault.advisorQueue.list({ recipient: 'bank' })).toEqual([]);

    const lead = await vault.responses.connect(customer, message!.publicId, {
      consent: true,
      noticeVersion: currentNotice('identity_reveal').id,
    });
    if (!lead.ok) throw new Error(lead.error.message);
    const queue = await vault.advisorQueue.list({ recipient: 'bank' });
    expect(queue.map((l) => l.id)).toEqual([lead.value.id]);
    expect(JSON.stringify(queue)).not.toMatch(/@/);

    const claimed = await vault.advisorQueue.claim('ada', lead.value.id, { recipient: 'bank' });
    if (!claimed.ok) throw new Error(claimed.error.message);
    const pii = await vault.identity.readPii(customer);
    expect(claimed.value.identity).toMatchObject({
      givenName: pii.givenName,
      familyName: pii.familyName,
      email: pii.email,
    });
  }

  it('connects the customer who answers to an advisor, who then knows who they are', () =>
    customerAnswered());

  it('keeps the customer who does not answer anonymous: no lead, no reveal, nothing in the log about them', async () => {
    await customerAnswered();
    const silent = recipients[1]!;
    const leads = await vault.responses.leadsOf(silent);
    expect(leads).toEqual([]);
    const key = await vault.identity.auditKey(silent);
    const theirs = await vault.audit.entriesFor((ref) => isAuditSubject(key, ref));
    const types = new Set(theirs.map((e) => e.entry.type));
    for (const type of ['response.recorded', 'lead.created', 'identity.revealed'] as const) {
      expect(types.has(type)).toBe(false);
    }
    const size = vault.audit.head().size;
    let reveals = 0;
    for (let i = 0; i < size; i++) {
      if ((await vault.audit.entry(i))!.entry.type === 'identity.revealed') reveals++;
    }
    expect(reveals).toBe(1);
  });

  it('gives the hub protected results only', async () => {
    await customerAnswered();
    const results = await hub.results(campaignId, 'mia');
    if (!results.ok) throw new Error(results.error.message);
    hubFacing.push(results.value);
    expect(Math.abs(results.value.delivered! - recipients.length)).toBeLessThan(60);
    // One person was interested: far under k, so the hub is not told.
    expect(results.value.interested).toBeNull();
  });

  it('refuses a too-small audience, telling the hub only that', async () => {
    await campaignRan();
    const [offer] = await hub.listOffers();
    const tiny = await hub.createCampaign(
      {
        name: 'Almost nobody',
        audience: `${seeds} and count(within: 30d) > 400`,
        offerId: offer!.id,
        startsAt: now(),
      },
      'mia',
    );
    await hub.approve(tiny.id, 'rui');
    const run = await hub.run(tiny.id, 'mia');
    hubFacing.push(run);
    expect(run.campaign.status).toBe('refused');
    // Only that, and what the admission cost (test/security/charged.test.ts).
    expect(run.refusal).toEqual({
      code: 'DELIVERY_AUDIENCE_TOO_SMALL',
      message: 'audience too small',
      budget: expect.objectContaining({ charged: '5/8' }) as unknown,
    });
    expect(run.budget).toEqual(run.refusal?.budget);
    const { rows } = await vault.storage.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM inbox_messages WHERE campaign_id = $1',
      [tiny.id],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('chooses among offers by interest without the hub learning who or how many', async () => {
    await hub.addStaff('otto', ['operator']);
    await hub.addProduct({ code: 'savings', name: 'Savings', provider: 'bank', credit: false }, 'mia');
    await hub.addProduct(
      { code: 'travel_card', name: 'Travel card', provider: 'bank', credit: false },
      'mia',
    );
    const offer = (productCode: string, title: string, interests: string[] = []) =>
      hub.addOffer(
        {
          productCode,
          title,
          body: 'Plain words about the product, the same for everyone who sees it.',
          callToAction: 'Tell me more',
          category: productCode,
          validUntil: '2026-12-31',
          interests,
        },
        'mia',
      );
    const saver = await offer('savings', 'A savings account that pays from day one');
    const traveller = await offer('travel_card', 'A card without foreign fees', ['travel']);
    const draft = await hub.createCampaign(
      {
        name: 'By interest',
        audience: 'not holds("mortgage")',
        offerId: saver.id,
        alsoOffers: [traveller.id],
        startsAt: now(),
        frequencyCap: { messages: 5, days: 7 },
      },
      'mia',
    );
    hubFacing.push(draft, await hub.approve(draft.id, 'rui'));
    const run = await hub.run(draft.id, 'otto');
    hubFacing.push(run, await hub.show(draft.id));
    expect(run.refusal).toBeUndefined();
    expect(run.campaign.status).toBe('finished');

    const { rows } = await vault.storage.query<{ customer_id: number; offer_id: string }>(
      `SELECT customer_id, offer ->> 'offerId' AS offer_id FROM inbox_messages WHERE campaign_id = $1`,
      [draft.id],
    );
    const travellers = rows.filter((r) => r.offer_id === traveller.id).map((r) => Number(r.customer_id));
    expect(travellers.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.offer_id === saver.id)).toBe(true);
    // The travel card went only to people who spend a larger share on travel than the audience does.
    const checked = await vault.questions.check('not holds("mortgage")', 'bank_offers');
    if (!checked.ok) throw new Error(checked.error.message);
    const audience = [...(await vault.questionEngine.evaluate(checked.value.plan, end))];
    const aboveCrowd = await distinctiveInterests(vault.storage, audience, {
      since: '2026-08-03',
      currency: 'GBP',
      minLift: 1,
      minShare: 0,
      top: 8,
    });
    for (const customer of travellers) expect(aboveCrowd.get(customer)).toContain('travel');
    expect(travellers.length).toBeLessThan(rows.length / 2);
  });

  it('leaves no PII and no internal id in any hub table or anything the hub was given', async () => {
    await campaignRan();
    const dump = await dumpHubTables(new HubStorage(vault.storage));
    hubFacing.push(await hub.show(campaignId), await hub.list());
    for (const [table, rows] of Object.entries(dump)) {
      for (const column of Object.keys(rows[0] ?? {})) {
        expect(column, `hub.${table}`).not.toMatch(/customer|avatar|account|email|phone|name_of|subject/);
      }
    }
    const text = JSON.stringify([dump, hubFacing]);
    const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    // The hub's own ids are random UUIDs, whose digit groups can look like a phone number: not PII.
    expect(strings.filter((s) => containsPiiBesidesIds(s))).toEqual([]);
    // The bank's external customer references (C00000001 …) never reach the hub either.
    expect(text).not.toMatch(/C\d{8}/);
    for (const id of recipients.slice(0, 200)) {
      const pii = await vault.identity.readPii(id);
      for (const value of [pii.email, pii.phone, pii.nationalId, `${pii.givenName} ${pii.familyName}`]) {
        expect(text).not.toContain(value);
      }
    }
    const { rows: refs } = await vault.storage.query<{ ref: string }>(
      "SELECT encode(avatar_id, 'hex') AS ref FROM avatars LIMIT 200",
    );
    for (const { ref } of refs) expect(text).not.toContain(ref);
  });
});
