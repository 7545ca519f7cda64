// A customer's day in Chromium at 1280 px: preferences changed and saved, a "not interested" undone, stop all and
// back, their data read, erasure asked once (a second is refused), carried out by the officer with a confirmation
// and progress, and the receipt fetched by its id after the erasure, signed out. Then every customer page at 390 px.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { consoleSuite } from './console-suite.ts';
import { layout } from './layout.ts';

describe('a customer’s day in Chromium', () => {
  let customers: string[] = [];
  let receiptId = '';
  const suite = consoleSuite(300, async () => {
    customers = await suite.pickerCustomers();
  });

  async function signIn(width: number, button: string): Promise<Page> {
    const page = await suite.signIn(width, button);
    await page.getByText('Signed in as').waitFor();
    return page;
  }
  const idOf = async (button: string) =>
    (await suite.server.vault.identity.findCustomer('external_id', button.replace('Customer ', '')))!;
  const saved = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  it('changes preferences, undoes a “not interested”, stops all and comes back (1280 px)', async () => {
    const button = customers[0]!;
    const customerId = await idOf(button);
    await suite.server.vault.preferences.update([
      { customerId, change: { kind: 'not_interested', category: 'home_insurance', on: true } },
    ]);
    const page = await signIn(1280, button);
    await page.getByRole('link', { name: 'Preferences', exact: true }).click();
    await page.getByRole('heading', { name: 'What you agree to' }).waitFor();
    const partners = page.getByRole('switch', { name: 'Offers from partners' });
    const wasOn = await partners.isChecked();
    await partners.click();
    await saved(page, /^Saved: Offers from partners turned (on|off)\./);
    expect(
      (await suite.server.vault.consent.isAllowed(customerId, 'partner_offers', 'inbox')) === !wasOn,
    ).toBe(true);
    expect(await page.getByRole('columnheader', { name: /webhook/i }).count()).toBe(0);

    await page.getByLabel('From (your time)').fill('21:30');
    await page.getByRole('button', { name: 'Save quiet hours' }).click();
    await saved(page, /Saved: quiet from 21:30/);
    await page.getByText(/^Quiet from 21:30 to .*, your time/).waitFor();

    await page.getByRole('button', { name: 'Undo: not interested in home insurance' }).click();
    await saved(page, /offers about home insurance may come again/);
    expect((await suite.server.vault.preferences.get(customerId)).notInterestedCategories).toEqual([]);

    await page.getByRole('button', { name: 'Stop all offers and notices…' }).click();
    await page.getByRole('group', { name: 'Confirm stopping all' }).waitFor();
    await page.getByRole('button', { name: 'Yes, stop all' }).click();
    await page.getByRole('heading', { name: 'All offers and notices are stopped' }).waitFor();
    expect((await suite.server.vault.preferences.get(customerId)).stopEverything).toBe(true);
    await page.getByRole('button', { name: 'Turn offers and notices back on' }).click();
    await page.getByRole('heading', { name: 'Stop everything' }).waitFor();
    expect((await suite.server.vault.preferences.get(customerId)).stopEverything).toBe(false);

    const history = page.getByRole('list', { name: 'Your changes, newest first' });
    await history.getByText('Offers and notices turned back on').waitFor();
    await history.getByText('Not interested in home insurance: undone').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('asks for erasure once, is erased by the officer, and reads the receipt by its id (1280 px)', async () => {
    const button = customers[1]!;
    const page = await signIn(1280, button);
    await page.getByRole('link', { name: 'My data', exact: true }).click();
    await page.getByRole('button', { name: 'Read everything held about me' }).click();
    const payments = page.getByRole('table', { name: /^Payments: 1–/ });
    await payments.waitFor();
    expect(await payments.textContent()).toMatch(/money (in|out)/);
    expect(await payments.textContent()).toMatch(/[€£$]\d/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('I understand that erasure cannot be undone').check();
    await page.getByRole('button', { name: 'Erase my data' }).click();
    const id = page.locator('code.receipt-id').first();
    await id.waitFor();
    receiptId = (await id.textContent()) ?? '';
    expect(receiptId).toMatch(/^[0-9a-f-]{36}$/);
    // A second request: the page offers none, and the server refuses one sent anyway.
    await page.getByText('Asking again would change nothing.').waitFor();
    expect(await page.getByRole('button', { name: 'Erase my data' }).count()).toBe(0);
    const second = await page.evaluate<{ status: number; code: string }>(`fetch('/v1/me/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': sessionStorage.getItem('curtain.csrf') },
      body: JSON.stringify({ kind: 'erasure' }),
    }).then(async (r) => ({ status: r.status, code: (await r.json()).error.code }))`);
    expect(second).toEqual({ status: 409, code: 'SUBJECT_REQUEST_OPEN' });
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByRole('button', { name: 'Staff: cleo', exact: true }).click();
    await page.getByRole('link', { name: 'Requests and reports' }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Erasure (GDPR)' }) });
    await row.getByRole('button', { name: 'Carry out' }).click();
    await page.getByRole('group', { name: 'Confirm the erasure' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, erase permanently' }).click();
    // The progress bar shows while the erasure runs; a fast erasure may finish before it is seen, so either will do.
    const receipt = page.getByRole('heading', { name: 'Erasure receipt', exact: true });
    await page.getByRole('progressbar', { name: 'Erasing' }).or(receipt).first().waitFor();
    await receipt.waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Signed out (an erased customer cannot sign in): the receipt by its id, verified.
    await page.getByRole('link', { name: /See your erasure receipt/ }).click();
    await page.getByLabel('Receipt id').fill(receiptId);
    await page.getByRole('button', { name: 'Show the receipt' }).click();
    await page.getByText(/^Signature checked, and the receipt is entry \d+/).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(receiptId);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 150_000);

  it('fits every customer page on a 390 px phone, with tap targets of 24 px and no axe violation', async () => {
    const page = await signIn(390, customers[2]!);
    const pages: [string, string][] = [
      ['Inbox', 'Your inbox'],
      ['Preferences', 'What you agree to'],
      ['My data', 'See and export'],
    ];
    for (const [link, heading] of pages) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      if (link === 'Preferences') {
        // By keyboard: the switch takes Space, and the change is saved and said.
        await page.getByRole('switch', { name: 'Spending insights' }).focus();
        await page.keyboard.press('Space');
        await saved(page, /^Saved: Spending insights turned (on|off)\./);
      }
      if (link === 'My data') {
        await page.getByRole('button', { name: 'Read everything held about me' }).click();
        await page.getByRole('table', { name: /^Payments/ }).waitFor();
      }
      expect(await layout(page), link).toEqual({ overflow: 0, small: [] });
      expect(await seriousViolations(page), link).toEqual([]);
    }
    await page.goto(`${suite.server.url}/receipt/${receiptId}`);
    await page.getByRole('heading', { name: 'Erasure receipt', exact: true }).waitFor();
    expect(await layout(page)).toEqual({ overflow: 0, small: [] });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
