// The segment editor in Chromium: every problem at once with one-click fixes, completion by keyboard alone (an
// ARIA listbox), the reference panel, a count's ε in words and a bar; axe clean at 1280 px and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { seriousViolations } from './axe.ts';
import { launchChromium, startConsoleServer, type ConsoleServer } from './console-server.ts';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Segment expression' });
const focused = (page: Page) =>
  page.evaluate<boolean>("document.activeElement?.getAttribute('aria-label') === 'Segment expression'");
const textOf = async (page: Page) => (await editorOf(page).textContent()) ?? '';

describe('the segment editor in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    // Seeded noise: the count below (about 96 of the 500) is answered by a noised comparison with the noised k,
    // which unseeded noise refused about once in 500 runs.
    server = await startConsoleServer(500, {
      noise: discreteLaplaceNoise(seededRandomSource('segment-editor')),
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Staff: mia', exact: true }).click();
    await page.getByRole('heading', { name: 'Segment editor' }).waitFor();
    await page.getByText('No problems.').waitFor();
    return page;
  }

  it('shows every problem at once, fixes each typo in one click, and prices the count in words', async () => {
    const page = await open(1280);
    const mine = page.getByTestId('budget-asker');
    await mine.filter({ hasText: 'all of this month’s budget left' }).waitFor();
    await editorOf(page).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('spnt(within: 90d) > 0 and holds("morgage")');
    const problems = page.getByRole('list', { name: 'Problems in the segment' });
    await problems.getByRole('listitem').nth(1).waitFor();
    expect(await problems.getByRole('listitem').count()).toBe(2);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(2);
    expect(await problems.textContent()).toMatch(/Line 1, column 1:.*spnt.*Line 1, column 33:.*morgage/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Did you mean "mortgage"? Use it' }).click();
    await page
      .getByRole('button', { name: 'Did you mean "mortgage"? Use it' })
      .waitFor({ state: 'detached' });
    expect(await textOf(page)).toBe('spnt(within: 90d) > 0 and holds("mortgage")');
    await page.getByRole('button', { name: 'Did you mean spent? Use it' }).click();
    await page.getByText('No problems.').waitFor();
    expect(await textOf(page)).toBe('spent(within: 90d) > 0 and holds("mortgage")');
    // Checking while typing and fixing was free: nothing of the budget went.
    expect(await mine.textContent()).toBe('all of this month’s budget left');

    await page.getByRole('button', { name: /^Count — uses about an eighth of this month’s budget/ }).click();
    await page.getByTestId('protected-count').waitFor();
    expect(await page.getByText(/This count used/).textContent()).toMatch(
      /^This count used about an eighth of this month’s budget \(ε 5\/8\)\.$/,
    );
    const bar = page.getByRole('meter', { name: 'What this count used of your budget' });
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual(['0.625', '5']);

    await page.getByText('Reference: functions, filters, categories and products').click();
    await page.getByRole('button', { name: 'Use the example of recurring' }).click();
    await page.getByText('No problems.').waitFor();
    expect(await textOf(page)).toBe('recurring(category: "subscriptions", within: 180d) >= 4');
    expect(await page.getByRole('row', { name: /^propensity\(product\)/ }).textContent()).toContain(
      'propensity("mortgage") >= 0.6',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('completes functions, filters and products from the keyboard alone at 390 px', async () => {
    const page = await open(390);
    const editor = editorOf(page);
    // Reach the editor with Tab, as a keyboard user does.
    for (let i = 0; i < 40 && !(await focused(page)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(page)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');

    await page.keyboard.type('recur');
    const list = page.getByRole('listbox');
    await list.getByRole('option', { name: /recurring/ }).waitFor();
    expect(await editor.getAttribute('aria-activedescendant')).toBeTruthy();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await textOf(page)).toBe('recurring(');

    await page.keyboard.type('wi');
    await list.getByRole('option', { name: /within/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('90d) >= 2 and not hol');
    await list.getByRole('option', { name: /holds/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('"mort');
    await list.getByRole('option', { name: /mortgage/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('")');
    await page.getByText('No problems.').waitFor();
    expect(await textOf(page)).toBe('recurring(within: 90d) >= 2 and not holds("mortgage")');

    // Escape closes the list without taking anything.
    await page.keyboard.type(' or ten');
    await list.waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await textOf(page)).toMatch(/ or ten$/);

    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
