// A marketer's and an approver's day in Chromium at 1280 px, with the scheduler on an injected clock: two segments
// written and saved (checked for free as typed), the meter falling as counts are asked, a warning before the last
// of the budget, a scheduled campaign built from a saved segment with its message previewed and its protected size
// confirmed; the approver reads everything, refuses one with a reason and approves another, which the scheduler
// sends only once its start has come; a draft cancelled; a campaign caught part-way through its run (the vault's
// answer lost after three tenths) stopped with a reason and a confirmation. Then the campaign pages at 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { schedulerHandle, startScheduler, type Scheduler } from '../../src/app/scheduler.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { seriousViolations } from './axe.ts';
import { launchChromium, startConsoleServer, type ConsoleServer } from './console-server.ts';
import { losingAnswers, type LostAnswers } from './interrupted-door.ts';
import { layout, tooWide } from './layout.ts';

const everyone = 'count(within: 60d) > 0';
// About 200 of the 500 after consent: far enough above the noised threshold k that the count is never refused
// (home inspections, about 73, were refused now and then, and the refusal still charged).
const groceries = 'spent(category: "groceries", within: 90d) > 0';
const offerTitle = 'A fixed-rate mortgage';
const offerBody = 'Fix your rate for five years with no arrangement fee.';
const hour = 3_600_000;

/** A datetime-local value (the browser's own zone, UTC in the test's Chromium) at a given instant. */
const localValue = (at: Date) => at.toISOString().slice(0, 16);

describe('a marketer’s and an approver’s day in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let scheduler: Scheduler;
  const clock = { now: () => new Date() };
  const opened: BrowserContext[] = [];
  const ids: Record<string, string> = {};

  const signIn = async (handle: string, width = 1280): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'UTC' });
    opened.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: `Staff: ${handle}`, exact: true }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  };
  const accessible = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);
  const miaRemaining = async () => (await server.vault.questions.budget('mia')).askerRemaining.toString();

  /** When set, the hub loses the vault's answer to a run once this share is sent, leaving it part-way. */
  const lose: LostAnswers = {};

  beforeAll(async () => {
    server = await startConsoleServer(500, {
      now: () => clock.now(),
      door: losingAnswers(lose),
      // Seeded noise: the four lead outcomes below, each of nobody, are shown as too few by a noised comparison
      // with the noised k, which unseeded noise released about once in 180 runs (one in 730 each).
      noise: discreteLaplaceNoise(seededRandomSource('marketer-day')),
    });
    browser = await launchChromium();
    const validUntil = new Date(Date.now() + 200 * 24 * hour).toISOString().slice(0, 10);
    const offer = await server.hub.addOffer(
      {
        productCode: 'mortgage',
        title: offerTitle,
        body: offerBody,
        callToAction: 'Talk to an adviser',
        category: 'mortgage',
        validUntil,
      },
      'mia',
    );
    ids['offer'] = offer.id;
    const log = { info: () => undefined, error: () => undefined };
    scheduler = await startScheduler(server.hub, server.vault.delivery, log, hour);
  }, 300_000);
  afterAll(async () => {
    for (const context of opened) await context.close();
    await scheduler?.stop();
    await browser?.close();
    await server?.close();
  });

  async function saveSegment(page: Page, name: string, expression: string) {
    await page.getByLabel('Segment name').fill(name);
    await page.getByLabel('Purpose').selectOption('credit_offers');
    await page.getByLabel('Segment expression (checked as you type, free)').fill(expression);
    await page.locator('#segment-expression-check').getByText('No problems.').waitFor();
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByText(`Saved: “${name}”`).waitFor();
    await page.getByRole('cell', { name, exact: true }).waitFor();
  }

  async function count(page: Page, expression: string) {
    await page.getByRole('textbox', { name: 'Segment expression' }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(expression);
    await page.getByText('No problems.').waitFor();
  }

  async function draftCampaign(page: Page, name: string, segment: string) {
    await page.getByLabel('Campaign name').fill(name);
    await page
      .getByLabel('Saved segment', { exact: true })
      .selectOption({ label: `${segment} (Offers of the bank’s credit products, by mia)` });
    await page.getByLabel('Offer', { exact: true }).selectOption({ label: offerTitle });
    await page.getByLabel('email').check();
    await page.getByLabel('Start later').check();
    await page.getByLabel('Starts', { exact: true }).fill(localValue(new Date(Date.now() + 2 * hour)));
    await page.getByLabel('Ends (optional)').fill(localValue(new Date(Date.now() + 30 * 24 * hour)));
    await page.getByLabel('At most this many messages per person').fill('2');
    await page.getByLabel('in this many days').fill('14');
    await page.getByRole('button', { name: 'Preview and confirm' }).click();
  }

  it('lets the marketer save two segments, count them, and be warned before the last count', async () => {
    const mia = await signIn('mia');
    await mia.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await mia.getByRole('heading', { name: 'Saved segments' }).waitFor();
    await saveSegment(mia, 'Active this season', everyone);
    await saveSegment(mia, 'Buys groceries', groceries);
    // Writing and checking two segments, keystroke by keystroke, spent nothing.
    expect(await miaRemaining()).toBe('5');

    await mia.getByRole('link', { name: 'Segments' }).click();
    const meter = mia.getByTestId('budget-asker');
    await meter.filter({ hasText: 'all of this month’s budget left' }).waitFor();
    await count(mia, everyone);
    await mia.getByRole('button', { name: /^Count — uses/ }).click();
    await mia.getByTestId('protected-count').waitFor();
    await meter.filter({ hasText: 'nearly all of this month’s budget left' }).waitFor();
    await count(mia, groceries);
    await mia.getByRole('button', { name: /^Count — uses/ }).click();
    await mia.getByTestId('protected-count').waitFor();
    expect(await miaRemaining()).toBe('15/4');
    // The meter reads the budget again after the count; poll until it has.
    const bar = mia.getByRole('meter', { name: 'Your privacy budget left' });
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 }).toBe(3.75);

    // Counts elsewhere until one count's worth is left: the next asks for a confirmation naming what remains.
    const elsewhere = ['pharmacy', 'fuel', 'travel', 'utilities', 'clothing', 'entertainment', 'insurance'];
    for (const category of elsewhere) {
      if ((await miaRemaining()) === '5/8') break;
      await server.vault.questions.ask({
        expression: `spent(category: "${category}", within: 90d) > 0`,
        purpose: 'bank_offers',
        asker: 'mia',
      });
    }
    expect(await miaRemaining()).toBe('5/8');
    await mia.reload();
    await count(mia, 'count(within: 40d) > 0');
    await mia.getByRole('button', { name: /^Count — uses/ }).click();
    const warning = mia.getByRole('alertdialog');
    await warning.filter({ hasText: 'spend the last of your budget' }).waitFor();
    await accessible(mia);
    await mia.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await miaRemaining()).toBe('5/8');
  }, 120_000);

  it('builds a scheduled campaign from a saved segment: the message previewed, the protected size confirmed', async () => {
    const mia = await signIn('mia');
    await mia.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await mia.getByRole('heading', { name: 'New campaign' }).waitFor();
    // No offer is chosen for the marketer: the button says what is missing.
    await mia.getByText('Give the campaign a name.').waitFor();
    await draftCampaign(mia, 'Spring movers', 'Active this season');
    const preview = mia.getByTestId('message-preview');
    await preview.filter({ hasText: offerBody }).waitFor();
    expect(await mia.getByTestId('why-sentence').textContent()).not.toBe('');
    expect(await mia.getByTestId('review-count').textContent()).toMatch(
      /^About [\d,]+ customers \(a noised count asked by mia/,
    );
    expect(await mia.getByTestId('fair-lending').textContent()).toMatch(/^Passed/);
    await accessible(mia);
    await mia.getByRole('button', { name: 'Submit for approval' }).click();
    await mia.getByRole('heading', { name: 'Campaign: Spring movers' }).waitFor();
    await mia
      .getByTestId('campaign-state')
      .filter({ hasText: 'Waiting for a second person to approve it' })
      .waitFor();
    ids['refused'] = mia.url().split('/').at(-1)!;
    await accessible(mia);

    await mia.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await draftCampaign(mia, 'Spring movers, again', 'Active this season');
    await mia.getByRole('button', { name: 'Submit for approval' }).click();
    await mia.getByRole('heading', { name: 'Campaign: Spring movers, again' }).waitFor();
    ids['approved'] = mia.url().split('/').at(-1)!;
    // Confirming spent nothing: the size shown was the count already asked.
    expect(await miaRemaining()).toBe('5/8');
  }, 120_000);

  it('lets the approver read everything, refuse one with a reason and approve the other', async () => {
    const rui = await signIn('rui');
    await rui.getByRole('heading', { name: 'Campaigns to approve' }).waitFor();
    await accessible(rui);
    await rui.getByRole('link', { name: 'Spring movers', exact: true }).click();
    await rui.getByTestId('message-preview').filter({ hasText: offerBody }).waitFor();
    const page = (await rui.getByRole('main').textContent()) ?? '';
    expect(page).toContain(offerTitle);
    expect(page).toMatch(/the inbox, with a notice by email/);
    expect(page).toMatch(/at most 2 messages per person in 14 days/);
    expect(await rui.getByTestId('review-count').textContent()).toMatch(/^About [\d,]+ customers/);
    expect(await rui.getByTestId('fair-lending').textContent()).toMatch(/^Passed: .*rules 20/);
    expect(await rui.getByTestId('sends-when').textContent()).toMatch(/within a minute of its start/);
    // What approval holds back, before the click: its admission, results and how its leads went.
    expect(await rui.getByTestId('approval-cost').textContent()).toBe(
      'Approving holds back ε 19/8 for sending it, its results and how its leads went: about an eighth of this month’s budget for the whole vault.',
    );
    const refuse = rui.getByRole('button', { name: 'Refuse' });
    expect(await refuse.isDisabled()).toBe(true);
    await accessible(rui);
    await rui
      .getByLabel('Your reason (kept in the log)')
      .fill('The offer text promises no fee; legal must check it.');
    await refuse.click();
    await rui.getByText('Refused: the campaign is cancelled.').waitFor();
    await rui
      .getByTestId('events')
      .filter({ hasText: 'refused by rui: “The offer text promises no fee' })
      .waitFor();
    expect((await server.hub.show(ids['refused']!)).campaign.status).toBe('cancelled');

    await rui.getByRole('link', { name: 'Approvals' }).click();
    await rui.getByRole('link', { name: 'Spring movers, again' }).click();
    await rui
      .getByLabel('Your reason (kept in the log)')
      .fill('Text fixed; audience and fair lending checked.');
    await rui.getByRole('button', { name: 'Approve' }).click();
    await rui.getByText('Approved: its privacy budget is held until it ends.').waitFor();
    await rui.getByTestId('campaign-state').filter({ hasText: 'scheduled' }).waitFor();
  }, 120_000);

  it('sends the approved campaign only once the scheduler’s clock reaches its start', async () => {
    await scheduler.tick();
    expect((await server.hub.show(ids['approved']!)).campaign.status).toBe('approved');
    const later = Date.now() + 2 * hour + 60_000;
    clock.now = () => new Date(later);
    await scheduler.tick();
    const detail = await server.hub.show(ids['approved']!);
    expect(detail.campaign.status).toBe('finished');
    expect(detail.events.map((e) => [e.event, e.actor])).toContainEqual(['started', schedulerHandle]);
  }, 120_000);

  it('releases the sent campaign’s results with how its leads went, from what approval held', async () => {
    const mia = await signIn('mia');
    await mia.goto(`${server.url}/campaigns/${ids['approved']!}`);
    // mia has 5/8 of her own left, less than the release's 7/4: it draws on the campaign's holding.
    expect(await miaRemaining()).toBe('5/8');
    await mia.getByRole('button', { name: 'Release results (costs ε)' }).click();
    await mia.getByTestId('lead-outcomes').waitFor();
    expect(await mia.getByTestId('result-delivered').textContent()).toMatch(/^[\d,]+$/);
    // No advisor has taken up a lead of it: each outcome is too few to show, said in words.
    for (const outcome of ['contacted', 'meeting', 'productOpened', 'closed']) {
      expect(await mia.getByTestId(`outcome-${outcome}`).textContent()).toBe('too few to show safely');
    }
    await accessible(mia);
  }, 60_000);

  it('lets the marketer cancel a draft behind a confirmation', async () => {
    const drafted = await server.hub.createCampaign(
      {
        name: 'Autumn movers',
        segment: 'Active this season',
        offerId: ids['offer']!,
        startsAt: new Date(Date.now() + 5 * hour),
      },
      'mia',
    );
    const mia = await signIn('mia');
    await mia.goto(`${server.url}/campaigns/${drafted.id}`);
    await mia.getByRole('button', { name: 'Cancel campaign' }).click();
    await mia.getByRole('alertdialog').filter({ hasText: 'Cancel this campaign?' }).waitFor();
    await mia.getByRole('button', { name: 'Yes, cancel it' }).click();
    await mia.getByText('Cancelled: nothing will be sent.').waitFor();
    await mia
      .getByTestId('campaign-state')
      .filter({ hasText: 'Cancelled: nothing was or will be sent.' })
      .waitFor();
    expect(await mia.getByRole('button', { name: 'Cancel campaign' }).count()).toBe(0);
  }, 60_000);

  it('lets the marketer stop a campaign part-way through sending, with a reason and a confirmation', async () => {
    const later = Date.now() + 3 * hour;
    clock.now = () => new Date(later);
    const drafted = await server.hub.createCampaign(
      {
        name: 'Summer movers',
        segment: 'Active this season',
        offerId: ids['offer']!,
        startsAt: new Date(later - 60_000),
        frequencyCap: { messages: 5, days: 14 },
      },
      'mia',
    );
    await server.hub.approve(drafted.id, 'rui', 'Checked.');
    // The scheduler starts it; the vault writes three tenths of it, then the hub loses the vault's answer.
    lose.after = 0.3;
    await scheduler.tick();
    delete lose.after;
    expect((await server.hub.show(drafted.id)).campaign.status).toBe('running');
    ids['stopped'] = drafted.id;

    const mia = await signIn('mia');
    await mia.goto(`${server.url}/campaigns/${drafted.id}`);
    await mia.getByTestId('campaign-state').filter({ hasText: 'Being delivered now' }).waitFor();
    await mia.getByRole('button', { name: 'Stop sending' }).click();
    const ask = mia.getByRole('alertdialog').filter({ hasText: 'Stop sending this campaign?' });
    await ask.waitFor();
    const confirm = mia.getByRole('button', { name: 'Yes, stop sending' });
    expect(await confirm.isDisabled()).toBe(true);
    await accessible(mia);
    await mia.getByLabel('Why (kept in the log)').fill('The rate in the offer changed this morning.');
    await confirm.click();
    await mia.getByText('Stopped: nothing more will be sent.').waitFor();
    await mia.getByTestId('campaign-status').filter({ hasText: 'stopped' }).waitFor();
    expect(await mia.getByTestId('sent-share').textContent()).toMatch(
      /^About 30% of its audience had been sent it when it stopped/,
    );
    await mia
      .getByTestId('events')
      .filter({ hasText: 'asked to stop sending by mia: “The rate in the offer changed this morning.”' })
      .waitFor();
    await mia.getByTestId('events').filter({ hasText: 'stopped sending by mia (part-way)' }).waitFor();
    expect(await mia.getByRole('button', { name: 'Stop sending' }).count()).toBe(0);
    await accessible(mia);
    // What was written stays written; nothing more is.
    const { rows } = await server.vault.storage.query<{ state: string }>(
      'SELECT state FROM delivery_runs WHERE campaign_id = $1',
      [drafted.id],
    );
    expect(rows).toEqual([{ state: 'stopped' }]);
  }, 120_000);

  it('fits the campaign pages on a 390 px phone: no overflow, tap targets of 24 px, no axe violation', async () => {
    const mia = await signIn('mia', 390);
    await mia.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await mia.getByRole('heading', { name: 'New campaign' }).waitFor();
    const pages: Page[] = [mia];
    const detail = await signIn('mia', 390);
    await detail.goto(`${server.url}/campaigns/${ids['approved']!}`);
    await detail.getByTestId('message-preview').waitFor();
    pages.push(detail);
    const rui = await signIn('rui', 390);
    await rui.getByRole('heading', { name: 'Campaigns to approve' }).waitFor();
    pages.push(rui);
    if (ids['stopped'] !== undefined) {
      const stopped = await signIn('mia', 390);
      await stopped.goto(`${server.url}/campaigns/${ids['stopped']}`);
      await stopped.getByTestId('sent-share').waitFor();
      pages.push(stopped);
    }
    for (const page of pages) {
      const { overflow, small } = await layout(page);
      expect(overflow, (await tooWide(page)).join('\n')).toBeLessThanOrEqual(0);
      expect(small).toEqual([]);
      await accessible(page);
    }
  }, 120_000);
});
