// A demo customer turns insights on in the console and reads them, at 1280 px and at 390 px, with axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Reply } from '../../console/src/api/types.ts';
import { seriousViolations } from './axe.ts';
import { launchChromium, startConsoleServer, type ConsoleServer } from './console-server.ts';

describe('the insights page in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let customerButton = '';
  let customerId = 0;

  beforeAll(async () => {
    server = await startConsoleServer(300);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: customerButton, exact: true }).click();
    await page.getByText('Signed in as').waitFor();
    return page;
  }

  // Runs in the page (a string: the test's TypeScript knows no DOM): horizontal overflow, and the controls smaller
  // than 24 px on a side.
  const layout = (page: Page) =>
    page.evaluate<{ overflow: number; small: string[] }>(`(() => {
      const small = [...document.querySelectorAll('a, button, input, select, summary')]
        .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip'))
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([el, r]) => el.outerHTML.slice(0, 60) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, small };
    })()`);

  it('explains insights without the consent, and a customer turns them on (1280 px)', async () => {
    // A demo customer of the sign-in picker who has not granted the consent.
    const picker = await browser.newPage();
    await picker.goto(server.url);
    await picker.getByRole('heading', { name: /^DEMO ONLY/ }).waitFor();
    const names = await picker.getByRole('button', { name: /^Customer C\d{8}$/ }).allTextContents();
    await picker.close();
    for (const name of names) {
      const id = await server.vault.identity.findCustomer('external_id', name.replace('Customer ', ''));
      if (id !== undefined && !(await server.vault.consent.isAllowed(id, 'spending_insights', 'inbox'))) {
        [customerButton, customerId] = [name, id];
        break;
      }
    }
    expect(customerButton).not.toBe('');

    const page = await signIn(1280);
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    await page.getByRole('heading', { name: 'What insights are' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const agree = page.getByLabel(/I agree to spending insights/);
    const turnOn = page.getByRole('button', { name: 'Turn on insights' });
    // Asked, never assumed: unticked, and nothing to press until ticked.
    expect(await agree.isChecked()).toBe(false);
    expect(await turnOn.isDisabled()).toBe(true);
    await agree.check();
    await turnOn.click();
    await page.getByRole('heading', { name: 'Subscriptions and regular payments' }).waitFor();
    expect(await server.vault.consent.isAllowed(customerId, 'spending_insights', 'inbox')).toBe(true);
    // This vault has no balances: the page says so in words rather than showing an empty box.
    expect(await page.getByTestId('no-forecast').textContent()).toMatch(/cannot forecast your balance yet/);
    const text = (await page.locator('main').textContent())!;
    expect(text).toMatch(/£\d/);
    expect(text).toMatch(/every (week|two weeks|four weeks|month|three months|year)/);
    // No raw codes: cadences and categories are words.
    expect(text).not.toMatch(/[a-z]_[a-z]|\d{4}-\d{2}-\d{2}|Minor/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('reads well at 390 px and by keyboard', async () => {
    expect(customerButton, 'runs after the first test').not.toBe('');
    const page = await signIn(390);
    const link = page.getByRole('link', { name: 'Insights', exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Subscriptions and regular payments' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await layout(page)).toEqual({ overflow: 0, small: [] });
    await page.context().close();
  }, 120_000);

  it('opens an insight message from the inbox, in plain words and its currency, and follows it (390 px)', async () => {
    expect(customerButton, 'runs after the first test').not.toBe('');
    // The daily round's send for this customer (the consent is granted above; no message was due before).
    expect(['sent', 'not-due']).toContain(await server.vault.insights.send(customerId));
    const [stored] = await server.vault.insights.messages(customerId);
    expect(stored?.openedAt).toBeUndefined();
    const page = await signIn(390);
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    const item = page.getByRole('link', { name: stored!.title, exact: true });
    await item.click();
    await page.waitForURL(`**/inbox/insights/${stored!.publicId}`);
    await page.getByRole('heading', { name: stored!.title }).waitFor();
    const article = (await page.locator('article.message').textContent())!;
    // Every line of the body, and the amounts written in the vault's currency.
    const lines = stored!.body.split('\n');
    for (const line of lines) expect(article).toContain(line);
    // Each thing said once (a category well above usual is not also repeated as a suggestion).
    expect(new Set(lines).size).toBe(lines.length);
    expect(article).toMatch(/Your regular payments come to about £\d[\d,]*\.\d\d a month/);
    // Plain words: no ISO dates, no category or cadence codes, no field names.
    expect(article).not.toMatch(/\d{4}-\d{2}-\d{2}|[a-z]_[a-z]|Minor|GBP/);
    expect(article).toMatch(/nobody else sees it/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await layout(page)).toEqual({ overflow: 0, small: [] });
    // Opening it is recorded for the customer's own inbox (no longer "new").
    expect((await server.vault.insights.messages(customerId))[0]?.openedAt).toBeInstanceOf(Date);
    // Its action: the insights as they are today.
    await page.getByRole('link', { name: 'Your insights as they are today' }).click();
    await page.getByRole('heading', { name: 'Subscriptions and regular payments' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/insights');
    expect(await layout(page)).toEqual({ overflow: 0, small: [] });
    await page.context().close();
  }, 120_000);

  // This vault has no balances yet, so the forecast comes from a fixture answered in place of the API's: what the
  // page says of a warning, a stopped payment and a price rise.
  it('calls out a low balance with how sure it is, a stopped payment and a price rise', async () => {
    expect(customerButton, 'runs after the first test').not.toBe('');
    const page = await signIn(390);
    // In euros: the page writes each amount in the currency the API names beside it, not in a fixed one.
    const currency = 'EUR';
    const point = (date: string, expectedMinor: number) => ({
      date,
      expectedMinor,
      lowMinor: expectedMinor - 20_000,
      highMinor: expectedMinor + 20_000,
      currency,
    });
    const payment = {
      category: 'subscriptions',
      direction: 'debit',
      cadence: 'monthly',
      payments: 12,
      firstDate: '2025-12-03',
      lastDate: '2026-11-03',
      dayOfMonth: 3,
      priceChanges: [],
      currency,
    } as const;
    const fixture: Reply<'/v1/me/insights', 'get'> = {
      asOf: '2026-11-20',
      regularPayments: [
        {
          ...payment,
          merchant: 'Streamflix',
          amountMinor: 1299,
          nextDate: '2026-12-03',
          status: 'active',
          priceChanges: [{ date: '2026-09-03', fromMinor: 999, toMinor: 1299, currency }],
        },
        { ...payment, merchant: 'GymCo', amountMinor: 3500, status: 'stopped', cadence: 'four_weekly' },
      ],
      income: [],
      monthOverMonth: { month: '2026-11', days: 20, monthsCompared: 6, changes: [] },
      forecast: {
        currentMinor: 41_000,
        currency,
        days: [],
        in14Days: point('2026-12-04', 8_000),
        in30Days: point('2026-12-20', -3_000),
        dailyRestMinor: -1_500,
        warning: {
          date: '2026-12-12',
          daysAhead: 22,
          thresholdMinor: 0,
          expectedMinor: -1_200,
          currency,
          confidence: 'likely',
          dueBefore: [
            { merchant: 'Rentals Ltd', category: 'rent', date: '2026-12-01', amountMinor: 95_000, currency },
          ],
        },
      },
      suggestions: [],
    };
    await page.route('**/v1/me/insights', (route) => route.fulfill({ json: fixture }));
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    const warning = page.getByTestId('low-balance');
    expect(await warning.textContent()).toMatch(
      /^Your balance will probably run low around Sat, 12 Dec 2026, in 22 days: expected -€12\.00 against a limit of €0\.00\. The expected balance itself goes below it\.Due before then:Rentals Ltd, €950\.00 on Tue, 1 Dec 2026$/,
    );
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain('Streamflix €12.99 every month');
    expect(main).toContain('Price rise: from €9.99 to €12.99 on Thu, 3 Sept 2026.');
    expect(main).toContain('GymCo €35.00 every four weeksStopped: the last payment was on Tue, 3 Nov 2026.');
    expect(main).toContain('In 30 daysabout -€30.00 (likely between -€230.00 and €170.00)');
    expect(main).not.toContain('£');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await layout(page)).toEqual({ overflow: 0, small: [] });
    await page.context().close();
  }, 120_000);
});
