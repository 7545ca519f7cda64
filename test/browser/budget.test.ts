// The privacy budget in sight, in Chromium: the meter falls as counts are asked, every count is priced before
// the click, a repeat is free, the last of the budget asks for a confirmation; at 390 px nothing overflows.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { consoleSuite, overflowOf } from './console-suite.ts';

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Segment expression' });

async function typeSegment(page: Page, expression: string) {
  await editorOf(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(expression);
  await page.getByText('No problems.').waitFor();
}

describe('the privacy budget meter in Chromium', () => {
  const suite = consoleSuite(500);

  it('shows the cost before the click, the meter falling, a free repeat and a warning before the last', async () => {
    const page = await suite.signIn(390, 'Staff: mia', 844);
    await page.getByRole('heading', { name: 'Segment editor' }).waitFor();
    const mine = page.getByTestId('budget-asker');
    await mine.waitFor();
    expect(await mine.textContent()).toBe('all of this month’s budget left');
    expect(await page.getByRole('meter', { name: 'Your privacy budget left' }).getAttribute('value')).toBe(
      '5',
    );

    await typeSegment(page, 'count(within: 30d) > 0');
    const priced = page.getByRole('button', {
      name: 'Count — uses about an eighth of this month’s budget (ε 5/8)',
    });
    await priced.click();
    await page.getByTestId('protected-count').waitFor();
    await mine.filter({ hasText: 'nearly all of this month’s budget left' }).waitFor();
    expect(await page.getByRole('meter', { name: 'Your privacy budget left' }).getAttribute('value')).toBe(
      '4.375',
    );
    // The same question again is priced as free.
    await page.getByRole('button', { name: 'Count — free, asked before' }).waitFor();

    // Spend all but the last count's worth elsewhere (six more new questions), then come back.
    for (let days = 31; days <= 36; days++) {
      await suite.server.vault.questions.ask({
        expression: `count(within: ${days}d) > 0`,
        purpose: 'bank_offers',
        asker: 'mia',
      });
    }
    await page.reload();
    await mine.filter({ hasText: 'about an eighth of this month’s budget left' }).waitFor();
    await typeSegment(page, 'count(within: 60d) > 0');
    await page.getByRole('button', { name: /^Count — uses/ }).click();
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /spend the last of your budget.*none of this month’s budget left \(ε 0\)/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Count anyway' }).click();
    await mine.filter({ hasText: 'none of this month’s budget left' }).waitFor();
    await page.getByTestId('budget-spent').waitFor();

    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 300_000);
});
