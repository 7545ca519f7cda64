// Federated rounds on the Models page in Chromium: a marketer proposes one, an approver (another person) approves
// it, its stages show as it runs over three regional vaults' HTTP doors, and the home vault's model has its card.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignIn } from '../../src/demo/demo-sign-in.ts';
import { seedDemoHub } from '../../src/demo/demo-hub.ts';
import { keyProofs } from '../../src/app/regional-doors.ts';
import { HubService } from '../../src/hub/hub-service.ts';
import { HubStorage } from '../../src/hub/hub-storage.ts';
import { HttpVaultDoor } from '../../src/http/http-vault-door.ts';
import { buildServer } from '../../src/http/server.ts';
import { doorKey } from '../http/harness.ts';
import { now, openRegionalVaults, registerRegions, type RegionalVault } from '../regions/regional-fixture.ts';
import { seriousViolations } from './axe.ts';
import { ensureConsoleBuilt, launchChromium } from './console-server.ts';
import { layout, tooWide } from './layout.ts';

describe('federated rounds on the Models page in Chromium', () => {
  let vaults: RegionalVault[] = [];
  let hub: HubService | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let url = '';

  beforeAll(async () => {
    ensureConsoleBuilt();
    vaults = await openRegionalVaults();
    const pins = new Map(vaults.map((v) => [v.region, v.publicKey]));
    for (const v of vaults) {
      for (const [region, key] of pins) await v.vault.federationPeers.pin(region, key, 'olga');
    }
    // The console's server as `curtain start` runs it with regional doors: the home vault (london) and the hub
    // on its database, the hub reaching every region's vault over HTTP under the keys it pinned.
    const home = vaults[0]!;
    hub = new HubService(new HubStorage(home.vault.storage), home.vault.door, {
      now,
      regional: { open: ({ url }) => new HttpVaultDoor({ url, key: doorKey }), proofs: keyProofs },
    });
    await seedDemoHub(hub);
    await registerRegions(hub, vaults, 'otto');
    app = await buildServer(
      { vault: home.vault, hub: { service: hub, door: home.vault.door, storage: home.vault.storage } },
      { logLevel: 'silent', rateLimitPerMinute: false, demo: demoSignIn(true, home.vault.door, home.vault) },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await Promise.all(vaults.map((v) => v.dispose()));
  });

  async function signIn(width: number, who: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: `Staff: ${who}`, exact: true }).click();
    await page.getByRole('link', { name: 'Models' }).click();
    await page.getByRole('heading', { name: 'Federated rounds' }).waitFor();
    return page;
  }

  it('is proposed by mia, approved by rui, runs to stored, and the model it trained shows its federated card', async () => {
    const mia = await signIn(1280, 'mia');
    const proposal = mia.getByRole('form', { name: 'Propose a federated round' });
    await proposal.getByLabel('Product').fill('savings');
    // Early enough that the card's later window has ended by the fixture's today.
    await proposal.getByLabel('Features on').fill('2026-04-01');
    await proposal.getByRole('button', { name: 'Propose a round across every region' }).click();
    const round = mia.getByRole('article', { name: 'federated round of savings' });
    await round.getByText('proposed', { exact: true }).waitFor();
    // The proposer may not approve: the button is only an approver's, and mia is none.
    expect(await round.getByRole('button', { name: 'Approve and start the round' }).count()).toBe(0);
    expect(await seriousViolations(mia)).toEqual([]);
    await mia.close();

    const rui = await signIn(1280, 'rui');
    const waiting = rui.getByRole('article', { name: 'federated round of savings' });
    await waiting.getByText('Proposed by mia', { exact: false }).waitFor();
    await waiting.getByRole('button', { name: 'Approve and start the round' }).click();
    // The page reads the round again every two seconds while it runs, until every stage is done.
    await waiting.getByText('stored', { exact: true }).waitFor({ timeout: 90_000 });
    const stages = waiting.getByRole('list', { name: /^stages of round / });
    expect(await stages.getByRole('listitem').allTextContents()).toEqual([
      'keys exchanged',
      'shares sealed',
      'masked inputs in',
      'sum unmasked',
      'model stored in every vault',
    ]);
    expect(await stages.locator('li.done').count()).toBe(5);
    await waiting.getByText(/approved by rui/).waitFor();
    await rui.reload();
    const stored = rui.getByRole('article', { name: 'federated round of savings' });
    await stored.getByText('stored', { exact: true }).waitFor();
    // In the order the vaults answered.
    const versions = /Stored, awaiting approval in each vault: (.*)\.$/.exec(
      (await stored.textContent()) ?? '',
    );
    expect(versions?.[1]?.split(', ').sort()).toEqual([
      'london version 1',
      'north version 1',
      'scotland version 1',
    ]);

    // The home vault's registry holds the version the round stored; its card says it was federated.
    await rui.getByTestId('model-state-savings-1').filter({ hasText: 'trained' }).waitFor();
    await rui.getByRole('button', { name: 'Release the card (costs ε)' }).click();
    const federated = rui.getByTestId('card-federated');
    await federated.waitFor();
    expect(await federated.textContent()).toMatch(
      /^trained in round [0-9a-f-]{36} across london, north, scotland; each vault charged ε = 1, δ = /,
    );
    expect(await seriousViolations(rui)).toEqual([]);
    await rui.close();

    // At 390 px: no overflow, every control at least 24 px on a side.
    const phone = await signIn(390, 'rui');
    await phone
      .getByRole('article', { name: 'federated round of savings' })
      .getByText('stored', { exact: true })
      .waitFor();
    await phone.getByTestId('card-federated').waitFor();
    const { overflow, small } = await layout(phone);
    expect(overflow, (await tooWide(phone)).join('\n')).toBeLessThanOrEqual(0);
    expect(small).toEqual([]);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.close();
  }, 180_000);
});
