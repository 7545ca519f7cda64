// Screenshots of the customer's pages and the erasure they can follow: preferences, my data, a request with its
// receipt id, the officer's confirmation and receipt, and the public receipt page (1280 px, some at 390 px).
import type { Browser, Page } from 'playwright-core';
import type { ConsoleServer } from '../test/browser/console-server.ts';

type Shoot = (page: Page, name: string) => Promise<void>;

async function signIn(browser: Browser, server: ConsoleServer, button: RegExp | string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: button }).first().click();
  await page.getByText('Signed in as').waitFor();
  return page;
}

export async function shootCustomerPages(
  browser: Browser,
  server: ConsoleServer,
  shoot: Shoot,
): Promise<void> {
  const customer = await signIn(browser, server, /^Customer C\d{8}$/);
  await customer.getByRole('link', { name: 'Preferences', exact: true }).click();
  await customer.getByRole('heading', { name: 'What you agree to' }).waitFor();
  await customer.getByRole('switch', { name: 'Offers from partners' }).click();
  await customer
    .getByRole('status')
    .filter({ hasText: /^Saved:/ })
    .waitFor();
  await shoot(customer, 'preferences');
  await customer.setViewportSize({ width: 390, height: 844 });
  await shoot(customer, 'preferences-390');
  await customer.setViewportSize({ width: 1280, height: 800 });
  await customer.getByRole('link', { name: 'My data', exact: true }).click();
  await customer.getByRole('button', { name: 'Read everything held about me' }).click();
  await customer.getByRole('table', { name: /^Payments/ }).waitFor();
  await shoot(customer, 'my-data');
  await customer.setViewportSize({ width: 390, height: 844 });
  await shoot(customer, 'my-data-390');
  await customer.setViewportSize({ width: 1280, height: 800 });
  await customer.getByRole('button', { name: 'Hide my data' }).click();
  await customer.getByLabel('I understand that erasure cannot be undone').check();
  await customer.getByRole('button', { name: 'Erase my data' }).click();
  const receiptId = (await customer.locator('code.receipt-id').first().textContent()) ?? '';
  await shoot(customer, 'my-data-erasure-asked');

  const officer = await signIn(browser, server, 'Staff: cleo');
  await officer.getByRole('link', { name: 'Requests and reports' }).click();
  const row = officer
    .getByRole('row')
    .filter({ has: officer.getByRole('rowheader', { name: 'Erasure (GDPR)' }) });
  await row.getByRole('button', { name: 'Carry out' }).first().click();
  await officer.getByRole('group', { name: 'Confirm the erasure' }).waitFor();
  await shoot(officer, 'subject-requests-confirm');
  await officer.getByRole('button', { name: 'Yes, erase permanently' }).click();
  await officer.getByRole('heading', { name: 'Erasure receipt', exact: true }).waitFor({ timeout: 120_000 });
  await shoot(officer, 'subject-requests-receipt');

  const anyone = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await anyone.goto(`${server.url}/receipt/${receiptId}`);
  await anyone.getByRole('heading', { name: 'Erasure receipt', exact: true }).waitFor();
  await shoot(anyone, 'receipt');
}
