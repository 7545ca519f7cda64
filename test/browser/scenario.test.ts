// The seeds' scenario in a real browser, click by click across the roles, with an accessibility check of each page.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { seriousViolations } from './axe.ts';
import { consoleSuite } from './console-suite.ts';

const typo = 'spent(category: "home_inspection", within: 90d) > 0 and not hold("mortgage")';
const seeds = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';
const offerTitle = 'Buying a home? Talk to us about a mortgage';

describe('the console in Chromium', () => {
  let page: Page;
  const checkedPages: string[] = [];
  // Seeded noise: the campaign's results below withhold the count of nobody interested by a noised comparison
  // with the noised k, which unseeded noise released about once in 730 runs.
  const suite = consoleSuite(undefined, undefined, {
    noise: discreteLaplaceNoise(seededRandomSource('console-scenario')),
  });

  const questionsAskedBy = async (asker: string) =>
    (
      await suite.server.vault.storage.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM questions WHERE asker = $1',
        [asker],
      )
    ).rows[0]!.n;

  async function accessible(name: string) {
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page), name).toEqual([]);
    checkedPages.push(name);
  }

  // One story, click by click: a step that continues from earlier ones awaits them, and each step runs once, so
  // that any step can also be run alone (vitest -t) and finds what the steps before it left.
  const chained = 300_000;
  const once = (step: () => Promise<void>) => {
    let ran: Promise<void> | undefined;
    return () => (ran ??= step());
  };

  async function signInAs(button: string) {
    const context = await suite.browser.newContext();
    page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByText('Signed in as').waitFor();
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.context().close();
  }

  const step1 = once(async () => {
    page = await suite.browser.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('heading', { name: /^DEMO ONLY/ }).waitFor();
    await accessible('sign-in');
    // Keyboard first: the first Tab reaches "Skip to content", shown with a visible focus ring.
    await page.keyboard.press('Tab');
    // A string, run in the page: the test's own TypeScript knows no DOM.
    const focused = await page.evaluate<unknown>(`(() => {
      const style = getComputedStyle(document.activeElement);
      return { text: document.activeElement.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    })()`);
    expect(focused).toEqual({ text: 'Skip to content', outline: 'solid', width: '3px' });
    await page.close();
  });
  it('offers a sign-in page marked DEMO ONLY', () => step1());

  const step2 = once(async () => {
    await signInAs('Staff: mia');
    await page.getByRole('heading', { name: 'Segment editor' }).waitFor();
    await page.getByText('No problems.').waitFor();
    const before = await questionsAskedBy('mia');

    const editor = page.getByRole('textbox', { name: 'Segment expression' });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typo);
    const problems = page.getByRole('list', { name: 'Problems in the segment' });
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/Line 1, column \d+:.*hold/);
    await accessible('segment editor');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(seeds);
    await page.getByText('No problems.').waitFor();
    // Dozens of keystrokes were checked, and none of them asked the vault a question.
    expect(await questionsAskedBy('mia')).toBe(before);

    await page.getByRole('button', { name: /^Count — / }).click();
    const count = Number((await page.getByTestId('protected-count').textContent())!.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(await page.getByTestId('epsilon').textContent()).toMatch(/^\d+\/\d+$|^\d+(\.\d+)?$/);
    expect(await questionsAskedBy('mia')).toBe(before + 1);
  });
  it('lets a marketer write a segment: a diagnostic for a typo, free; then a protected count that costs ε', () =>
    step2());

  const step3 = once(async () => {
    await step2();
    await page.getByRole('link', { name: 'Offers' }).click();
    await page.getByRole('heading', { name: 'New offer' }).waitFor();
    await accessible('offers');
    await page.getByLabel('Product').selectOption('mortgage');
    await page.getByLabel('Title').fill(offerTitle);
    await page
      .getByLabel('Text')
      .fill('You may be close to buying a home. Our mortgage advisers can help you compare rates.');
    await page.getByRole('button', { name: 'Create offer' }).click();
    await page.getByRole('cell', { name: offerTitle }).waitFor();

    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await accessible('campaigns');
    await page.getByLabel('Campaign name').fill('Home buyers');
    await page.getByLabel('Write an expression').check();
    await page.getByLabel('Audience (a segment expression)').fill(seeds);
    await page.getByLabel('Offer', { exact: true }).selectOption({ label: offerTitle });
    await page.getByRole('button', { name: 'Preview and confirm' }).click();
    await page.getByTestId('message-preview').filter({ hasText: offerTitle }).waitFor();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('heading', { name: 'Campaign: Home buyers' }).waitFor();
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('draft');
    await accessible('campaign');
    await signOut();
  });
  it('lets the marketer create an offer and draft a campaign', () => step3(), chained);

  const step4 = once(async () => {
    await step3();
    await signInAs('Staff: rui');
    await page.getByRole('heading', { name: 'Campaigns to approve' }).waitFor();
    await accessible('approvals');
    await page.getByRole('link', { name: 'Home buyers' }).click();
    await page.getByLabel('Your reason (kept in the log)').fill('Offer text and audience checked.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved: its privacy budget is held until it ends.').waitFor();
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('approved');
    await signOut();
  });
  it('lets an approver approve it', () => step4(), chained);

  const step5 = once(async () => {
    await step4();
    await signInAs('Staff: mia');
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'Home buyers' }).click();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByText('The campaign ran.').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('campaign-status').textContent()).toBe('finished');
    await page.getByRole('button', { name: 'Release results (costs ε)' }).click();
    const delivered = await page.getByTestId('result-delivered').textContent();
    expect(Number(delivered!.replace(/,/g, ''))).toBeGreaterThan(0);
    // Nobody has answered yet: far under k, so the number is withheld.
    expect(await page.getByTestId('result-interested').textContent()).toBe('suppressed');
    await signOut();
  });
  it('lets the marketer run it and read protected results', () => step5(), chained);

  let customerRef = '';

  const step6 = once(async () => {
    await step5();
    const context = await suite.browser.newContext();
    page = await context.newPage();
    await page.goto(suite.server.url);
    const first = page.getByRole('button', { name: /^Customer C\d{8}$/ }).first();
    customerRef = (await first.textContent())!.replace('Customer ', '');
    await first.click();
    await page.getByRole('heading', { name: 'Your inbox' }).waitFor();
    await accessible('inbox');
    await page.getByRole('link', { name: offerTitle }).click();
    await page.getByRole('heading', { name: offerTitle }).waitFor();
    await page.getByText('Why am I seeing this?').click();
    expect(await page.getByTestId('why').textContent()).toMatch(/home inspection/i);
    await accessible('message');

    await page.getByRole('button', { name: 'Interested', exact: true }).click();
    await page.getByRole('heading', { name: 'Connect me with an advisor' }).waitFor();
    // Nothing is revealed by "interested" alone.
    expect(await suite.server.vault.advisorQueue.list({ recipient: 'bank' })).toEqual([]);
    await page.getByLabel(/I agree to reveal/).check();
    await page.getByRole('button', { name: 'Connect me' }).click();
    await page.getByText(/may now contact you/).waitFor();

    await page.getByRole('link', { name: 'Preferences', exact: true }).click();
    await page.getByRole('heading', { name: 'Requests to be contacted' }).waitFor();
    await accessible('preferences');
    const customerId = (await suite.server.vault.identity.findCustomer('external_id', customerRef))!;
    const cap =
      (await suite.server.vault.preferences.get(customerId)).frequencyCap === 'monthly'
        ? 'weekly'
        : 'monthly';
    await page.getByLabel('How often offers may come').selectOption(cap);
    await expect
      .poll(async () => (await suite.server.vault.preferences.get(customerId)).frequencyCap)
      .toBe(cap);
    await page.getByRole('link', { name: 'My data', exact: true }).click();
    await page.getByRole('heading', { name: 'See and export' }).waitFor();
    await accessible('my data');
    // The customer, and only the customer, sees everything about themself.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export my data as JSON' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    const pii = await suite.server.vault.identity.readPii(customerId);
    expect(exported).toContain(pii.familyName);
    await signOut();
  });
  it(
    'lets a customer read the message, see why, say interested and consent to be connected',
    () => step6(),
    chained,
  );

  const step7 = once(async () => {
    await step6();
    const customerId = await suite.server.vault.identity.findCustomer('external_id', customerRef);
    const pii = await suite.server.vault.identity.readPii(customerId!);
    await signInAs('Staff: ada');
    await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Claim the lead/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(pii.familyName);
    await accessible('leads');
    await page.getByRole('button', { name: /^Claim the lead/ }).click();
    await page.getByText('Consent receipt verified').waitFor();
    expect(await page.getByTestId('lead-name').textContent()).toBe(`${pii.givenName} ${pii.familyName}`);
    await signOut();
  });
  it('lets an advisor claim the lead and learn the name, only then', () => step7(), chained);

  const step8 = once(async () => {
    await signInAs('Staff: cleo');
    await page.getByRole('heading', { name: 'Transparency log' }).waitFor();
    await accessible('compliance');
    await page.getByRole('button', { name: 'Verify the whole log' }).click();
    expect(await page.getByTestId('log-verdict').textContent()).toMatch(/^Verified: all \d+ entries/);
    await page.getByTestId('log-page').waitFor();
    await page
      .getByRole('button', { name: /^Open entry/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Verify its inclusion proof' }).click();
    expect(await page.getByTestId('entry-proof').textContent()).toMatch(
      /^Verified in your browser: included/,
    );
    await signOut();
  });
  it('lets compliance verify the transparency log and an inclusion proof in the browser', () => step8());

  const step9 = once(async () => {
    await step1();
    await step2();
    await step3();
    await step4();
    await step5();
    await step6();
    await step7();
    await step8();
    await signInAs('Staff: cleo');
    await page.getByRole('link', { name: 'Requests and reports' }).click();
    await page.getByRole('heading', { name: 'Data subject requests' }).waitFor();
    await accessible('requests and reports');
    await page.getByLabel('Kind').selectOption('erasure');
    await page.getByRole('button', { name: 'Record a request' }).click();
    await page.getByText(/^Request .* received; due/).waitFor();
    // The list reloads after the message: wait for the new row rather than count at once.
    await page.getByRole('rowheader', { name: 'Erasure (GDPR)' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'Erasure (GDPR)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Run retention now' }).click();
    await page.getByRole('list', { name: 'Latest retention runs' }).getByRole('listitem').first().waitFor();
    const { rows } = await suite.server.vault.storage.query<{ campaign_id: string }>(
      "SELECT campaign_id FROM delivery_runs WHERE purpose = 'credit_offers' LIMIT 1",
    );
    await page.getByTestId('fair-lending-campaign').selectOption(rows[0]!.campaign_id);
    await page.getByRole('button', { name: 'Run the report' }).click();
    await page.getByTestId('fair-lending-verdict').waitFor();
    const caption = page.getByRole('table').filter({ hasText: 'Selection rate' }).locator('caption');
    expect(await caption.textContent()).toMatch(/^age band at the campaign start, released/);
    // Per group, never per person: noised counts or "suppressed".
    const cells = await page
      .getByRole('table')
      .filter({ hasText: 'Selection rate' })
      .getByRole('cell')
      .allTextContents();
    for (const cell of cells)
      expect(cell).toMatch(
        /^(under 30|30–44|45–61|62 and over|about [\d,]+|suppressed|—|[\d.]+ %|[\d.]+( flagged)?)$/,
      );
    await signOut();
    expect(checkedPages.length).toBeGreaterThanOrEqual(13);
  });
  it(
    'lets compliance record a subject request, run retention and read the fair-lending report',
    () => step9(),
    chained,
  );
});
