// The fair-lending report: noised per age band, an under-selected band flagged, tiny bands suppressed, budget charged.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mortgageOffer } from '../responses/fixture.ts';
import { fairLendingLines } from '../../src/cli/compliance-commands.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { testBackends } from '../support/backends.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { createVaultTemplate, type VaultTemplate } from '../support/test-vault.ts';
import type { TestVault } from './support/compliance-fixtures.ts';

const clock = new Date('2026-11-02T09:00:00Z');
const campaignStart = '2026-11-01T08:00:00Z';
/** A date of birth in each band at the campaign start: 26, 38, 56 and 76 years old. */
const birthOf = {
  under_30: '2000-05-01',
  age_30_44: '1988-05-01',
  age_45_61: '1970-05-01',
  age_62_plus: '1950-05-01',
};
type Band = keyof typeof birthOf;

describe.each(testBackends)('fair lending report on $name', (backend) => {
  // Each test its own copy of the customers and the policy: no test reports on another's budget.
  let template: VaultTemplate<Record<Band, number[]>>;
  let vault: TestVault;
  let ids: Record<Band, number[]>;
  const settings = () => ({ now: () => clock, random: seededRandomSource('fair-lending') });

  beforeAll(async () => {
    template = await createVaultTemplate(
      backend,
      async (built) => {
        const byBand = { under_30: [], age_30_44: [], age_45_61: [], age_62_plus: [] } as Record<
          Band,
          number[]
        >;
        for (const [i, band] of (Object.keys(birthOf) as Band[]).entries()) {
          const customers = sampleCustomers(400, `F${'ABCD'[i]!}`).map((c) => ({
            ...c,
            pii: { ...c.pii, dateOfBirth: birthOf[band] },
          }));
          byBand[band] = await built.identity.createCustomers(customers);
        }
        // k 20 (the floor) and a budget for several reports: the default allows one report a month.
        const proposed = await built.policies.propose(
          { k: 20, askerBudget: '20', vaultBudget: '40' },
          'pat',
          'fair lending tests',
        );
        await built.policies.approve(proposed.version, 'quinn');
        return byBand;
      },
      { settings: settings() },
    );
    ids = template.data;
  }, 180_000);
  afterAll(async () => template.dispose());
  beforeEach(async () => {
    vault = await template.open(settings());
  });
  afterEach(async () => vault.dispose());

  /** A finished credit campaign: `interested` of each band's `delivered` answered "interested". */
  async function campaign(
    shape: Record<Band, { delivered: number; interested: number }>,
    purpose = 'credit_offers',
  ): Promise<string> {
    // A UUID, as the hub gives campaigns: twelve random hex characters held seven digits often enough to read as a
    // phone number, and the log refused the release's label as personal data (a flaky failure, once in a few runs).
    const campaignId = randomUUID();
    await vault.storage.query(
      `INSERT INTO delivery_runs (campaign_id, requested_by, purpose, audience, explanation, offer, channels, state,
                                  planned, created_at)
       VALUES ($1, 'mia', $2, 'seg', 'why', $3::jsonb, '{inbox}', 'finished', 0, $4)`,
      [campaignId, purpose, JSON.stringify(mortgageOffer), campaignStart],
    );
    for (const band of Object.keys(shape) as Band[]) {
      const { delivered, interested } = shape[band];
      const chosen = ids[band].slice(0, delivered);
      await vault.storage.query(
        `INSERT INTO inbox_messages (public_id, campaign_id, customer_id, offer, explanation, response)
         SELECT $1 || '-' || c, $1, c, $2::jsonb, 'why', CASE WHEN ord <= $4 THEN 'interested' END
           FROM unnest($3::bigint[]) WITH ORDINALITY AS t(c, ord)`,
        [campaignId, JSON.stringify(mortgageOffer), chosen, interested],
      );
    }
    return campaignId;
  }

  it('flags the band selected at under four fifths of the best band’s rate', async () => {
    const id = await campaign({
      under_30: { delivered: 400, interested: 330 },
      age_30_44: { delivered: 400, interested: 320 },
      age_45_61: { delivered: 400, interested: 330 },
      age_62_plus: { delivered: 400, interested: 130 },
    });
    const report = await vault.compliance.fairLending(id, 'cleo');
    expect(report.groups.map((g) => g.group)).toEqual(['under 30', '30–44', '45–61', '62 and over']);
    expect(report.flagged).toEqual(['62 and over']);
    const older = report.groups.find((g) => g.group === '62 and over')!;
    expect(older.suppressed).toBe(false);
    expect(older.ratioToReference!).toBeLessThan(0.8);
    for (const g of report.groups) {
      expect(g.delivered).not.toBeNull();
      // Noised, not exact: the released counts are not all the true ones.
      expect(g.selectionRate!).toBeGreaterThan(0);
    }
    expect(report.groups.some((g) => g.delivered !== 400)).toBe(true);
    expect(report.epsilon).toBe('13/4');
    expect(report.repeated).toBe(false);
    // What it cost and what is left, as every answer says (test/security/charged.test.ts).
    expect(report.budget).toMatchObject({ charged: '13/4', askerRemaining: '67/4' });

    // Logged as a release, and asking again the same day repeats the numbers for free.
    const { rows } = await vault.storage.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE entry LIKE $1`,
      [`%"release":"fair-lending:${id}"%`],
    );
    expect(rows[0]!.n).toBe(1);
    const again = await vault.compliance.fairLending(id, 'cleo');
    expect(again.repeated).toBe(true);
    expect(again.epsilon).toBe('0');
    expect(again.budget).toMatchObject({ charged: '0', askerRemaining: '67/4' });
    expect(again.groups).toEqual(report.groups);
    const budget = await vault.questions.budget('cleo');
    expect(budget.askerRemaining.toString()).toBe('67/4');

    // The CLI's table marks the flagged group and the reference.
    const lines = fairLendingLines(report);
    expect(lines.find((l) => l.startsWith('62 and over'))).toMatch(/FLAG: under 0\.8$/);
    expect(lines.filter((l) => l.endsWith('reference'))).toHaveLength(1);
    expect(lines).toContain(
      'flagged: 62 and over (selection rate under four fifths of ' + report.referenceGroup! + ')',
    );
  });

  it('does not flag a campaign that selects every band alike', async () => {
    const id = await campaign({
      under_30: { delivered: 400, interested: 300 },
      age_30_44: { delivered: 400, interested: 300 },
      age_45_61: { delivered: 400, interested: 300 },
      age_62_plus: { delivered: 400, interested: 300 },
    });
    const report = await vault.compliance.fairLending(id, 'cleo');
    expect(report.flagged).toEqual([]);
    expect(report.referenceGroup).not.toBeNull();
    expect(report).toMatchObject({ measured: true, notMeasuredReason: null });
  });

  it('suppresses a tiny band instead of showing it, and never flags it', async () => {
    const id = await campaign({
      under_30: { delivered: 400, interested: 300 },
      age_30_44: { delivered: 400, interested: 300 },
      age_45_61: { delivered: 400, interested: 300 },
      age_62_plus: { delivered: 3, interested: 1 },
    });
    const report = await vault.compliance.fairLending(id, 'cleo');
    const older = report.groups.find((g) => g.group === '62 and over')!;
    expect(older).toMatchObject({
      delivered: null,
      interested: null,
      selectionRate: null,
      ratioToReference: null,
      suppressed: true,
      flagged: false,
    });
    expect(fairLendingLines(report).find((l) => l.startsWith('62 and over'))).toBe(
      '62 and over\tsuppressed\tsuppressed\tsuppressed\tsuppressed\t',
    );
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/customerId|customer_id|zebulon|EXT-/i);
  });

  it('says "not measured" and why when every count it needed was suppressed, never "nothing flagged"', async () => {
    const tiny = { delivered: 3, interested: 1 };
    const id = await campaign({ under_30: tiny, age_30_44: tiny, age_45_61: tiny, age_62_plus: tiny });
    const report = await vault.compliance.fairLending(id, 'cleo');
    expect(report.groups.every((g) => g.suppressed)).toBe(true);
    expect(report).toMatchObject({ measured: false, flagged: [], referenceGroup: null });
    expect(report.notMeasuredReason).toMatch(/every group’s count was suppressed/);
    const lines = fairLendingLines(report);
    expect(lines).toContain(`NOT MEASURED: ${report.notMeasuredReason!}`);
    expect(lines.join('\n')).not.toMatch(/no group is selected/);
  });

  it('says "not measured" when only one group can be measured: there is nothing to compare it with', async () => {
    const tiny = { delivered: 3, interested: 1 };
    const id = await campaign({
      under_30: { delivered: 400, interested: 200 },
      age_30_44: tiny,
      age_45_61: tiny,
      age_62_plus: tiny,
    });
    const report = await vault.compliance.fairLending(id, 'cleo');
    expect(report).toMatchObject({ measured: false, flagged: [] });
    expect(report.notMeasuredReason).toMatch(/only one group/);
  });

  it('refuses a campaign that is not a credit product, and one that does not exist', async () => {
    const id = await campaign(
      {
        under_30: { delivered: 60, interested: 30 },
        age_30_44: { delivered: 60, interested: 30 },
        age_45_61: { delivered: 60, interested: 30 },
        age_62_plus: { delivered: 60, interested: 30 },
      },
      'bank_offers',
    );
    await expect(vault.compliance.fairLending(id, 'cleo')).rejects.toMatchObject({ code: 'USAGE' });
    await expect(vault.compliance.fairLending('cmp-none', 'cleo')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
