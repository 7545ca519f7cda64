// The Models page in Chromium: the approver sees a trained version, approves it with a reason, sees it approved.
import { describe, expect, it } from 'vitest';
import { featureListVersion } from '../../src/models/features.ts';
import { insertModelVersion } from '../../src/models/model-store.ts';
import { knownWeights, weightsFor } from '../models/support.ts';
import { seriousViolations } from './axe.ts';
import { consoleSuite } from './console-suite.ts';

describe('the Models page in Chromium', () => {
  const suite = consoleSuite(100, async () => {
    await insertModelVersion(suite.server.vault.storage, {
      product: 'savings',
      featureListVersion,
      weights: weightsFor('savings', knownWeights),
      bias: -1,
      mechanism: 'output-perturbation',
      epsilon: 1,
      delta: 0,
      trainedFrom: '2025-01-01',
      trainedTo: '2025-06-30',
      trainedBy: 'mia',
    });
  });

  it('lets the approver approve a version trained by someone else, with a reason', async () => {
    // Playwright's default viewport, 1280 by 720.
    const page = await suite.signIn(1280, 'Staff: rui', 720);
    await page.getByRole('link', { name: 'Models' }).click();
    await page.getByRole('heading', { name: 'Propensity models' }).waitFor();
    const state = page.getByTestId('model-state-savings-1');
    expect(await state.textContent()).toBe('trained');
    const form = page.getByRole('form', { name: 'Approve version 1 of savings' });
    await form.getByLabel('Reason').fill('features pass fair lending; card reviewed');
    await form.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('model-state-savings-1').filter({ hasText: 'approved' }).waitFor();
    await page.getByText(/Approved by rui .*: features pass fair lending; card reviewed/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 300_000);
});
