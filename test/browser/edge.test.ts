// Edge mode in Chromium: offers matched on the customer's device; every request the page makes is captured, and
// none that carries a session carries the match or the features; a matching and a non-matching customer send
// the same requests, in number and size, and their reports carry no cookie.
import { describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { matchDefinitions } from '../../src/edge/matcher.ts';
import { reportsPerEpoch } from '../../src/edge/tokens.ts';
import { reportWindowKey } from '../../src/edge/device.ts';
import { currentNotice } from '../../src/core/consent.ts';
import { seriousViolations } from './axe.ts';
import { consoleSuite } from './console-suite.ts';
import { layout, tooWide } from './layout.ts';

interface Captured {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly cookie: boolean;
}

/** Candidate segments: the first admitted one that splits the picker's customers is used. */
const candidates = [
  'spent(category: "groceries", within: 30d) > 300 GBP',
  'count(category: "dining", within: 30d) >= 4',
  'spent(within: 30d) > 1500 GBP',
  'count(within: 30d) >= 45',
];

describe('offers on this device in Chromium', () => {
  const suite = consoleSuite(300);

  /** Customers of the sign-in picker who may see bank offers in the inbox: the ones edge mode can show to. */
  async function eligibleCustomers(): Promise<{ name: string; id: number }[]> {
    const names = await suite.pickerCustomers();
    const found: { name: string; id: number }[] = [];
    for (const name of names) {
      const id = await suite.server.vault.identity.findCustomer('external_id', name.replace('Customer ', ''));
      if (id === undefined || !(await suite.server.vault.consent.isAllowed(id, 'bank_offers', 'inbox')))
        continue;
      const preferences = await suite.server.vault.preferences.get(id);
      if (!preferences.stopEverything && preferences.frequencyCap !== 'never') found.push({ name, id });
    }
    return found;
  }

  /** Publishes the first candidate that is admitted and that some eligible customers match and some do not. */
  async function publishSplitting(customers: { name: string; id: number }[]) {
    const today = new Date().toISOString().slice(0, 10);
    for (const expression of candidates) {
      const published = await suite.server.vault.edge.publisher.publish({
        expression,
        offer: {
          title: 'Save what is left each month',
          body: 'A savings account that rounds up.',
          callToAction: 'Tell me more',
          productCode: 'savings',
          category: 'savings',
          provider: 'bank',
        },
        validFrom: today,
        validUntil: today,
        asker: 'mia',
      });
      if (!published.ok) continue;
      const { definition } = published.value;
      const matches = await Promise.all(
        customers.map(async (c) => {
          const facts = await suite.server.vault.edge.facts(c.id);
          return matchDefinitions(facts, [definition], { asOf: today }).matched.length === 1;
        }),
      );
      const matching = customers.find((_, i) => matches[i]);
      const other = customers.find((_, i) => !matches[i]);
      if (matching && other) return { definition, matching, other };
    }
    throw new Error('no candidate segment split the demo customers');
  }

  async function insightsConsent(customerId: number, granted: boolean): Promise<void> {
    const recorded = await suite.server.vault.consent.record([
      {
        customerId,
        purpose: 'spending_insights',
        channel: 'inbox',
        granted,
        source: 'api',
        noticeVersion: currentNotice('spending_insights').id,
        decidedAt: new Date(),
      },
    ]);
    expect(recorded.ok).toBe(true);
  }

  async function visitAs(name: string): Promise<{ captured: Captured[]; text: string }> {
    const context = await suite.browser.newContext();
    // The epoch's reports go out within half a second here instead of hours: the test waits for all of them.
    await context.addInitScript(`localStorage.setItem(${JSON.stringify(reportWindowKey)}, '500')`);
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByText('Signed in as').waitFor();
    const captured: Captured[] = [];
    const reports: Promise<unknown>[] = [];
    const record = async (request: Request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/v1/')) return;
      const headers = await request.allHeaders();
      captured.push({
        method: request.method(),
        path: url.pathname,
        body: request.postData() ?? '',
        cookie: 'cookie' in headers,
      });
    };
    page.on('request', (request) => reports.push(record(request)));
    await page.getByRole('link', { name: 'Offers on this device', exact: true }).click();
    await page.locator('[data-testid="edge-offer"], [data-testid="edge-none"]').first().waitFor();
    const sent = () => captured.filter((c) => c.path === '/v1/edge/reports').length;
    for (let waited = 0; sent() < reportsPerEpoch && waited < 10_000; waited += 100)
      await page.waitForTimeout(100);
    await Promise.all(reports);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    return { captured, text };
  }

  it('shows offers matched locally, and sends the same requests whether or not anything matched', async () => {
    const { definition, matching, other } = await publishSplitting(await eligibleCustomers());
    // One of them wants insights, the other not: the page computes them for the first, and sends nothing more.
    await insightsConsent(matching.id, true);
    await insightsConsent(other.id, false);
    const seen = await visitAs(matching.name);
    const unseen = await visitAs(other.name);
    expect(seen.text).toContain(definition.offer.title);
    expect(unseen.text).toContain('No offers for you right now');
    expect(seen.text).toContain('Your insights, computed on this device');
    expect(seen.text).toContain('Subscriptions and regular payments');
    expect(unseen.text).not.toContain('Your insights, computed on this device');

    for (const { captured } of [seen, unseen]) {
      const reports = captured.filter((c) => c.path === '/v1/edge/reports');
      expect(reports).toHaveLength(reportsPerEpoch);
      // Reports and the bundle go without cookies; whatever goes with the session never names the campaign
      // nor carries the customer's facts back.
      for (const c of captured.filter((r) => r.path.startsWith('/v1/edge/'))) expect(c.cookie).toBe(false);
      for (const c of captured.filter((r) => r.cookie)) {
        expect(c.path + c.body).not.toContain(definition.id);
        expect(c.body).not.toMatch(/amountMinor|transactions|merchant|category|regularPayments|forecast/);
      }
      expect(captured.filter((c) => c.path.startsWith('/v1/me/insights'))).toEqual([]);
    }
    const shape = (captured: Captured[]) =>
      captured.map((c) => `${c.method} ${c.path} ${c.body.length} ${c.cookie}`).sort();
    expect(shape(seen.captured)).toEqual(shape(unseen.captured));
    const shown = seen.captured.filter((c) => c.body.includes(definition.id));
    expect(shown).toHaveLength(1);
    expect(shown[0]!.cookie).toBe(false);
    // The vault kept the report without anyone's id: nothing links it to the customer who saw the offer.
    const { rows } = await suite.server.vault.storage.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM edge_redemptions WHERE campaign = $1`,
      [definition.id],
    );
    expect(rows[0]!.n).toBe(1);
  }, 120_000);

  it('shows staff the edge campaigns on devices, their results only as protected counts, and withdraws one', async () => {
    const { definition } = await publishSplitting(await eligibleCustomers());
    // The approver sees the screen too; the marketer works it on a phone.
    const approver = await suite.signIn(1280, 'Staff: rui');
    await approver.getByRole('link', { name: 'Edge campaigns', exact: true }).click();
    await approver.getByText(definition.expression).first().waitFor();
    expect(await seriousViolations(approver)).toEqual([]);
    await approver.context().close();

    const page = await suite.signIn(390, 'Staff: mia', 844);
    await page.getByRole('link', { name: 'Edge campaigns', exact: true }).click();
    const card = page.getByTestId('edge-campaign').filter({ hasText: definition.expression }).first();
    await card.waitFor();
    expect(await card.getByTestId('edge-campaign-state').textContent()).toBe('On devices now');
    expect(await page.getByTestId('edge-on-devices').textContent()).toMatch(/^\d+ definitions? (is|are) on/);
    // Results come only from the guard's release: for a campaign published today no week has ended, so there is
    // no count at all, not an exact 0 or 1.
    await card.getByRole('button', { name: 'Show weekly results' }).click();
    expect(await card.getByTestId('edge-results').textContent()).toBe(
      'No week has ended yet since it was published.',
    );
    const { overflow, small } = await layout(page);
    expect(overflow, (await tooWide(page)).join('\n')).toBeLessThanOrEqual(0);
    expect(small).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Withdraw from devices' }).click();
    await card.getByRole('button', { name: 'Yes, withdraw it' }).click();
    const withdrawn = page.getByTestId('edge-campaign').filter({ hasText: definition.expression }).first();
    await withdrawn.getByTestId('edge-campaign-state').filter({ hasText: 'Withdrawn' }).waitFor();
    const bundle = await suite.server.vault.edge.publisher.definitions();
    const ids = bundle.definitions.map(
      (jws) => (JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()) as { id: string }).id,
    );
    expect(ids).not.toContain(definition.id);
    await page.context().close();
  }, 120_000);
});
