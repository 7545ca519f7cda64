// Takes a screenshot of each main page of the console into docs/screenshots/ (npm run screenshots; not a test);
// a name prefix as argument takes only those.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { currentNotice } from '../src/core/consent.ts';
import { launchChromium, startConsoleServer } from '../test/browser/console-server.ts';
import { losingAnswers, type LostAnswers } from '../test/browser/interrupted-door.ts';
import { shootCustomerPages } from './customer-screenshots.ts';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const seeds = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';

/** `npm run screenshots -- insight` takes only the screenshots whose names start with "insight". */
const only = process.argv[2] ?? '';

// A campaign caught part-way through its run, to be stopped: the hub loses the vault's answer after 3 tenths.
const lose: LostAnswers = {};
const server = await startConsoleServer(undefined, { door: losingAnswers(lose) });
const browser = await launchChromium();
try {
  await mkdir(out, { recursive: true });
  const { hub, vault } = server;
  // The scenario's state, set up through the services: an offer, a campaign that ran, one waiting, a lead.
  const offer = await hub.addOffer(
    {
      productCode: 'mortgage',
      title: 'Buying a home? Talk to us about a mortgage',
      body: 'You may be close to buying a home. Our mortgage advisers can help you compare rates.',
      callToAction: 'Connect me with an adviser',
      category: 'mortgage',
      validUntil: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    },
    'mia',
  );
  const ran = await hub.createCampaign(
    { name: 'Home buyers', audience: seeds, offerId: offer.id, startsAt: new Date() },
    'mia',
  );
  await hub.approve(ran.id, 'rui');
  await hub.run(ran.id, 'mia');
  await hub.addSegment({ name: 'Home buyers', expression: seeds, purpose: 'credit_offers' }, 'mia');
  await hub.createCampaign(
    { name: 'Home buyers, second wave', audience: seeds, offerId: offer.id, startsAt: new Date() },
    'mia',
  );
  const { rows } = await vault.storage.query<{ customer_id: number; public_id: string }>(
    'SELECT customer_id, public_id FROM inbox_messages WHERE campaign_id = $1 ORDER BY customer_id DESC LIMIT 1',
    [ran.id],
  );
  const someone = rows[0];
  if (someone !== undefined) {
    await vault.responses.respond(someone.customer_id, someone.public_id, 'interested');
    await vault.responses.connect(someone.customer_id, someone.public_id, {
      consent: true,
      noticeVersion: currentNotice('identity_reveal').id,
    });
  }

  const shoot = async (page: Page, name: string) => {
    if (!name.startsWith(only)) return;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
    console.log(`docs/screenshots/${name}.png`);
  };
  const signIn = async (button: string) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByText('Signed in as').waitFor();
    return page;
  };

  const first = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await first.goto(server.url);
  await first.getByRole('heading', { name: /^DEMO ONLY/ }).waitFor();
  await shoot(first, 'sign-in');

  const marketer = await signIn('Staff: mia');
  await marketer.getByRole('textbox', { name: 'Segment expression' }).click();
  await marketer.keyboard.press('End');
  await marketer.keyboard.type(' and holds("home_insurance") and spnt(within: 30d) > 2');
  await marketer.getByRole('list', { name: 'Problems in the segment' }).waitFor();
  await shoot(marketer, 'segment-editor-problem');
  await marketer.keyboard.press('Control+A');
  await marketer.keyboard.type(seeds);
  await marketer.getByText('No problems.').waitFor();
  await marketer.getByRole('button', { name: /^Count — / }).click();
  await marketer.getByTestId('protected-count').waitFor();
  await shoot(marketer, 'segment-editor-count');
  if ('budget-meter'.startsWith(only)) {
    await marketer.locator('.budget-meter').screenshot({ path: `${out}budget-meter.png` });
    console.log('docs/screenshots/budget-meter.png');
  }
  await marketer.getByRole('link', { name: 'Offers' }).click();
  await shoot(marketer, 'offers');
  await marketer.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await marketer.getByRole('link', { name: 'Home buyers', exact: true }).click();
  await marketer.getByRole('button', { name: 'Release results (costs ε)' }).click();
  await marketer.getByTestId('result-delivered').waitFor();
  await shoot(marketer, 'campaign-results');

  // A new campaign from the saved segment: step 1 filled in, then step 2, the message as customers read it.
  await marketer.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await marketer.getByRole('heading', { name: 'New campaign' }).waitFor();
  await marketer.getByLabel('Campaign name').fill('Home buyers, spring');
  await marketer
    .getByLabel('Saved segment', { exact: true })
    .selectOption({ label: 'Home buyers (Offers of the bank’s credit products, by mia)' });
  await marketer.getByLabel('Offer', { exact: true }).selectOption({ label: offer.title });
  await marketer.getByLabel('email').check();
  await shoot(marketer, 'campaign-form');
  await marketer.getByRole('button', { name: 'Preview and confirm' }).click();
  await marketer.getByTestId('message-preview').waitFor();
  await shoot(marketer, 'campaign-review');

  const approver = await signIn('Staff: rui');
  await shoot(approver, 'approvals');
  await approver.getByRole('link', { name: 'Home buyers, second wave', exact: true }).click();
  await approver.getByTestId('sends-when').waitFor();
  await shoot(approver, 'campaign-approve');

  // A campaign stopped part-way: the share sent, the reason in its events; then the list of campaigns.
  const stopping = await hub.createCampaign(
    {
      name: 'Active customers, summer',
      audience: 'count(within: 60d) > 0',
      offerId: offer.id,
      startsAt: new Date(),
      frequencyCap: { messages: 5, days: 7 },
    },
    'mia',
  );
  await hub.approve(stopping.id, 'rui', 'Audience and fair lending checked.');
  lose.after = 0.3;
  await hub.run(stopping.id, 'mia').catch(() => undefined);
  delete lose.after;
  await hub.cancel(stopping.id, 'mia', 'The rate in the offer changed this morning.');
  await marketer.goto(`${server.url}/campaigns/${stopping.id}`);
  await marketer.getByTestId('sent-share').waitFor();
  await shoot(marketer, 'campaign-stopped');
  await marketer.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await marketer.getByRole('link', { name: 'Active customers, summer', exact: true }).waitFor();
  await shoot(marketer, 'campaigns');

  const customer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await customer.goto(server.url);
  await customer
    .getByRole('button', { name: /^Customer C\d{8}$/ })
    .first()
    .click();
  await shoot(customer, 'inbox');
  await customer.getByRole('link', { name: offer.title }).click();
  await customer.getByText('Why am I seeing this?').click();
  await customer.getByRole('button', { name: 'Interested', exact: true }).click();
  await customer.getByRole('heading', { name: 'Connect me with an advisor' }).waitFor();
  await shoot(customer, 'message');

  // Insights: a demo customer without the consent sees what they are, turns them on, and reads them (also at 390 px).
  const picker = await browser.newPage();
  await picker.goto(server.url);
  await picker.getByRole('heading', { name: /^DEMO ONLY/ }).waitFor();
  let without: { name: string; id: number } | undefined;
  for (const name of await picker.getByRole('button', { name: /^Customer C\d{8}$/ }).allTextContents()) {
    const id = await vault.identity.findCustomer('external_id', name.replace('Customer ', ''));
    if (id !== undefined && !(await vault.consent.isAllowed(id, 'spending_insights', 'inbox'))) {
      without = { name, id };
      break;
    }
  }
  await picker.close();
  if (without !== undefined) {
    const reader = await signIn(without.name);
    await reader.getByRole('link', { name: 'Insights', exact: true }).click();
    await reader.getByRole('heading', { name: 'What insights are' }).waitFor();
    await shoot(reader, 'insights-off');
    await reader.getByLabel(/I agree to spending insights/).check();
    await reader.getByRole('button', { name: 'Turn on insights' }).click();
    await reader.getByRole('heading', { name: 'Subscriptions and regular payments' }).waitFor();
    await shoot(reader, 'insights');
    await reader.setViewportSize({ width: 390, height: 844 });
    await shoot(reader, 'insights-390');
    // The message the daily round puts in the inbox, opened from there.
    await vault.insights.send(without.id);
    const [message] = await vault.insights.messages(without.id);
    if (message !== undefined) {
      await reader.setViewportSize({ width: 1280, height: 800 });
      await reader.getByRole('link', { name: 'Inbox', exact: true }).click();
      await reader.getByRole('link', { name: message.title, exact: true }).click();
      await reader.getByRole('heading', { name: message.title }).waitFor();
      await shoot(reader, 'insight-message');
      await reader.setViewportSize({ width: 390, height: 844 });
      await shoot(reader, 'insight-message-390');
    }
  }

  const advisor = await signIn('Staff: ada');
  await shoot(advisor, 'leads');
  const claim = advisor.getByRole('button', { name: /^Claim the lead/ }).first();
  if ((await claim.count()) > 0) {
    await claim.click();
    await advisor.getByTestId('lead-name').first().waitFor();
    await advisor.reload();
    await advisor.getByRole('heading', { name: 'My leads' }).waitFor();
    await shoot(advisor, 'my-leads');
  }

  const compliance = await signIn('Staff: cleo');
  await compliance.getByRole('button', { name: 'Verify the whole log' }).click();
  await compliance.getByTestId('log-verdict').waitFor();
  await shoot(compliance, 'compliance');

  await shootCustomerPages(browser, server, shoot);
} finally {
  await browser.close();
  await server.close();
}
