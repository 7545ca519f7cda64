// Compliance's day in Chromium at 1280 px: page through the log, filter it, open an entry and verify its proof;
// a marketer asks for more ε and an approver grants it; an operator reads the regions; at 390 px the pages
// touched do not overflow.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { consoleSuite, overflowOf as overflow } from './console-suite.ts';

describe('compliance and ask-for-more in Chromium', () => {
  const suite = consoleSuite(200);

  const signIn = (width: number, who: string): Promise<Page> => suite.signIn(width, `Staff: ${who}`);

  it('pages through the log, filters it, opens an entry and verifies it', async () => {
    const page = await signIn(1280, 'cleo');
    await page.getByRole('link', { name: 'Compliance' }).click();
    const status = page.getByTestId('log-page');
    await status.filter({ hasText: /^Page 1 of \d+/ }).waitFor();
    await page.getByRole('button', { name: 'Older', exact: true }).click();
    await status.filter({ hasText: /^Page 2 of/ }).waitFor();
    await page.getByLabel('Kind').selectOption('admin.action');
    await page.getByRole('button', { name: 'Filter' }).click();
    await status.filter({ hasText: /^Page 1 of/ }).waitFor();
    const kinds = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['admin.action']));
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('button', { name: /^Open entry/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Verify its inclusion proof' }).click();
    await page
      .getByTestId('entry-proof')
      .filter({ hasText: /^Verified in your browser/ })
      .waitFor();
    await page.context().close();

    const phone = await signIn(390, 'cleo');
    await phone.getByRole('link', { name: 'Compliance' }).click();
    await phone.getByTestId('log-page').waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.context().close();
  }, 120_000);

  it('lets a marketer ask for more ε and an approver grant it; the meter shows the grant', async () => {
    const mia = await signIn(1280, 'mia');
    await mia.getByRole('heading', { name: 'Segment editor' }).waitFor();
    await mia.getByText('Ask for more').click();
    await mia.getByLabel('How much ε').fill('1/2');
    await mia.getByLabel('Why').fill('the autumn campaign needs one more count');
    await mia.getByRole('button', { name: 'Send to the approvers' }).click();
    await mia.getByTestId('my-budget-request').filter({ hasText: 'waiting for an approver' }).waitFor();
    await mia.context().close();

    const rui = await signIn(1280, 'rui');
    await rui.getByRole('heading', { name: 'Campaigns to approve' }).waitFor();
    await rui.getByText('mia asks for ε 1/2').waitFor();
    await rui.getByLabel('Your reason').fill('the campaign is approved');
    await rui.getByRole('button', { name: 'Grant' }).click();
    await rui.getByText('Granted ε 1/2 to mia.').waitFor();
    expect(await seriousViolations(rui)).toEqual([]);
    await rui.context().close();

    const phone = await signIn(390, 'mia');
    await phone.getByTestId('budget-granted').filter({ hasText: 'ε 1/2 granted' }).waitFor();
    await phone.getByTestId('my-budget-request').filter({ hasText: 'granted ε 1/2 by rui' }).waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.context().close();
  }, 120_000);

  it("shows an operator the hub's regions, plainly, on a phone too", async () => {
    const otto = await signIn(1280, 'otto');
    await otto.getByRole('link', { name: 'Regions' }).click();
    await otto.getByRole('heading', { name: 'Regions' }).waitFor();
    // The demo hub serves its own vault only: the page says so rather than showing an empty table.
    await otto
      .getByTestId('no-regions')
      .filter({ hasText: 'this hub answers from its own vault only' })
      .waitFor();
    expect(await seriousViolations(otto)).toEqual([]);
    await otto.context().close();

    const phone = await signIn(390, 'otto');
    await phone.getByRole('link', { name: 'Regions' }).click();
    await phone.getByTestId('no-regions').waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.context().close();
  }, 120_000);
});
