// The Models page in Chromium: the approver sees a trained version, approves it with a reason, sees it approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { featureListVersion } from '../../src/models/features.ts';
import { insertModelVersion } from '../../src/models/model-store.ts';
import { knownWeights, weightsFor } from '../models/support.ts';
import { seriousViolations } from './axe.ts';
import { launchChromium, startConsoleServer, type ConsoleServer } from './console-server.ts';

describe('the Models page in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer(100);
    browser = await launchChromium();
    await insertModelVersion(server.vault.storage, {
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
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the approver approve a version trained by someone else, with a reason', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Staff: rui', exact: true }).click();
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
