// Issue 17 in Chromium: an advisor claims two leads, reloads, and works on them; 390 px wide, axe-clean.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentNotice } from '../../src/core/consent.ts';
import { deliver } from '../responses/fixture.ts';
import { seriousViolations } from './axe.ts';
import { consoleSuite } from './console-suite.ts';

const consent = { consent: true, noticeVersion: currentNotice('identity_reveal').id } as const;

describe('my leads in Chromium', () => {
  let page: Page;
  const suite = consoleSuite(200);

  it('keeps claimed leads with identity, status and notes across a reload', async () => {
    const { rows } = await suite.server.vault.storage.query<{ id: number }>(
      `SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 2`,
    );
    const names: string[] = [];
    for (const { id } of rows) {
      const { messageId } = await deliver(suite.server.vault, Number(id));
      const connected = await suite.server.vault.responses.connect(Number(id), messageId, consent);
      expect(connected.ok).toBe(true);
      const pii = await suite.server.vault.identity.readPii(Number(id));
      names.push(`${pii.givenName} ${pii.familyName}`);
    }

    page = await suite.signIn(390, 'Staff: ada', 844);
    await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
    for (let i = 0; i < 2; i++) {
      await page
        .getByRole('button', { name: /^Claim the lead/ })
        .first()
        .click();
      await expect.poll(() => page.getByTestId('lead-name').count()).toBe(i + 1);
    }

    await page.reload();
    await page.getByRole('heading', { name: 'My leads' }).waitFor();
    await expect
      .poll(() => page.getByTestId('lead-name').allTextContents())
      .toEqual(expect.arrayContaining(names));

    const card = page.locator('article').first();
    await card.getByLabel('New status').selectOption('meeting');
    await card.getByRole('button', { name: /^Save status/ }).click();
    await card.getByLabel(/^Note/).fill('Call back on Tuesday morning');
    await card.getByRole('button', { name: /^Add note/ }).click();
    await card.getByText('note: Call back on Tuesday morning').waitFor();

    await page.reload();
    const after = page.locator('article').first();
    await after.getByText('note: Call back on Tuesday morning').waitFor();
    expect(await after.getByTestId('lead-status').textContent()).toBe('Meeting');
    expect(await after.getByText(/status set to Meeting/).count()).toBe(1);

    const overflow = await page.evaluate<number>(
      '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
    );
    expect(overflow).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  }, 300_000);
});
