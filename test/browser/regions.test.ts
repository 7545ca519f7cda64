// Three regional vaults under one hub, in Chromium: a count across regions from the segment page, a regional
// campaign's results by region, and the Regions page's "last reached"; one vault stopped shows as missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { keyProofs } from '../../src/app/regional-doors.ts';
import { openHub } from '../../src/app/hub-process.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { doorKey } from '../http/harness.ts';
import {
  end,
  now,
  openRegionalVaults,
  registerRegions,
  type RegionalVault,
} from '../regions/regional-fixture.ts';
import { seriousViolations } from './axe.ts';
import { launchChromium, serveConsole, type ConsoleServer } from './console-server.ts';
import { layoutOf } from './console-suite.ts';

const everyone = 'count(within: 90d) > 0';

describe('regions in Chromium: three vaults, one hub', () => {
  let vaults: RegionalVault[] = [];
  let server: ConsoleServer;
  let browser: Browser;
  let campaignId = '';

  beforeAll(async () => {
    vaults = await openRegionalVaults();
    const [london] = vaults;
    // London's vault is the hub's home (sign-in, budget meter) and, like every region, reached over HTTP.
    const hub = openHub(london!.vault, now, {
      open: ({ url }) => new HttpVaultDoor({ url, key: doorKey }),
      proofs: keyProofs,
    });
    server = await serveConsole(london!.vault, hub, async () => {
      await Promise.all(vaults.map((v) => v.dispose()));
    });
    await registerRegions(hub, vaults, 'otto');
    await hub.addProduct(
      { code: 'region_saver', name: 'Easy saver', provider: 'bank', credit: false },
      'mia',
    );
    const offer = await hub.addOffer(
      {
        productCode: 'region_saver',
        title: 'A saver that pays more',
        body: 'Instant access, no fees.',
        callToAction: 'Open a saver',
        category: 'savings',
        validUntil: '2027-06-30',
      },
      'mia',
    );
    const campaign = await hub.createCampaign(
      {
        name: 'Saver in every region',
        offerId: offer.id,
        audience: everyone,
        startsAt: end,
        maxMessages: 100,
        regions: 'all',
      },
      'mia',
    );
    campaignId = campaign.id;
    await hub.approve(campaign.id, 'rui');
    await hub.run(campaign.id, 'mia');
    browser = await launchChromium();
    // Three banks copied and opened, and the console built when stale: minutes on a loaded machine.
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A phone-sized page at the hub's clock, in Berlin, signed in as `handle`, on the section `link`. */
  async function open(handle: string, link: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    await context.clock.setFixedTime(new Date(now().getTime() + 2 * 60_000));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: `Staff: ${handle}`, exact: true }).click();
    await page.getByRole('link', { name: link, exact: true }).click();
    return page;
  }

  async function fitsAndAxeClean(page: Page): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
    const layout = await layoutOf(page, 'button, input, select, summary, nav a');
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.small).toEqual([]);
  }

  it('the segment page: each region’s cost first, each part, a total only when every part was released', async () => {
    const page = await open('mia', 'Segments');
    await page.getByLabel('Purpose').selectOption('bank_offers');
    const editor = page.getByRole('textbox', { name: 'Segment expression' });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(everyone);
    const regional = page.getByTestId('regional-count');
    const costs = regional.getByRole('list', { name: 'Cost in each region' });
    await costs.getByRole('listitem').nth(2).waitFor();
    expect(await costs.getByRole('listitem').allTextContents()).toEqual(
      ['london', 'north', 'scotland'].map(
        (r) => `${r}: a new count costs ε 5/8 of your budget there (a repeat is free)`,
      ),
    );
    // Two regions of three: both release, so their total is shown.
    await regional.getByRole('checkbox', { name: 'scotland' }).uncheck();
    await costs.getByRole('listitem').nth(2).waitFor({ state: 'detached' });
    await regional.getByRole('button', { name: 'Count in 2 of 3 regions' }).click();
    const parts = regional.getByTestId('regional-parts');
    await parts.waitFor();
    expect(await parts.locator('tr').count()).toBe(2);
    expect(await parts.locator('tr[data-status="released"]').count()).toBe(2);
    expect(await parts.textContent()).toMatch(/london\s*about [\d,]+north\s*about [\d,]+/);
    expect(await regional.getByTestId('regional-total').textContent()).toMatch(
      /^About [\d,]+ customers in all\.$/,
    );
    await fitsAndAxeClean(page);

    // Scotland's vault stops: its cost says so before the click, and its part is missing, with no total.
    await vaults[2]!.kill();
    await regional.getByRole('checkbox', { name: 'All regions' }).check();
    await costs.getByText(/^scotland: its vault cannot be reached now \(VAULT_UNAVAILABLE\)/).waitFor();
    await regional.getByRole('button', { name: 'Count in all regions' }).click();
    await parts.locator('tr').nth(2).waitFor();
    expect(await parts.locator('tr').nth(2).textContent()).toBe(
      'scotlandmissing: this region’s vault did not answer (VAULT_UNAVAILABLE)',
    );
    expect(await regional.getByTestId('regional-total').textContent()).toMatch(
      /^No total: the part of scotland is missing/,
    );
    await fitsAndAxeClean(page);
    await page.context().close();
  });

  it('a regional campaign’s results by region: the stopped vault’s part is named as missing', async () => {
    const page = await open('mia', 'Campaigns');
    await page.goto(`${server.url}/campaigns/${encodeURIComponent(campaignId)}`);
    await page.getByRole('button', { name: 'Release results in each region (costs ε in each)' }).click();
    const parts = page.getByTestId('region-parts');
    await parts.waitFor();
    const lines = await parts.getByRole('listitem').allTextContents();
    expect(lines.map((line) => line.split(':')[0])).toEqual(['london', 'north', 'scotland']);
    expect(lines[0]).toMatch(/^london: released on /);
    expect(lines[2]).toMatch(/\(VAULT_UNAVAILABLE\)$/);
    expect(await page.getByTestId('region-missing').textContent()).toMatch(/scotland/);
    await fitsAndAxeClean(page);
    await page.context().close();
  });

  it('the Regions page: when each vault was last reached, and since when the stopped one is unreachable', async () => {
    const page = await open('otto', 'Regions');
    const row = (region: string) => page.locator(`tr[data-region="${region}"]`);
    await row('scotland').waitFor();
    expect(await row('london').getAttribute('data-reach')).toBe('reachable');
    expect(await row('london').textContent()).toContain('Reachable: last reached 2 minutes ago');
    expect(await row('scotland').getAttribute('data-reach')).toBe('unreachable');
    // The hub's clock says 10:00 UTC: 11:00 in Berlin.
    expect(await row('scotland').textContent()).toContain(
      'Unreachable since 11:00 (VAULT_UNAVAILABLE); last reached 2 minutes ago',
    );
    await page.getByRole('button', { name: 'Check every vault now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Checked at / })
      .waitFor();
    expect(await row('scotland').getAttribute('data-reach')).toBe('unreachable');
    expect(await row('north').getAttribute('data-reach')).toBe('reachable');
    await fitsAndAxeClean(page);
    await page.context().close();
  });
});
