// The next best offer: the vault picks each customer's offer by propensity; the hub sees no group size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import type { OfferContent } from '../../src/core/vault-door.ts';
import { featureListVersion } from '../../src/models/features.ts';
import { insertModelVersion } from '../../src/models/model-store.ts';
import { RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import { consentingCustomers, offer, request } from '../delivery/support/delivery-fixtures.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault, type TestVault } from '../support/test-vault.ts';
import { weightsFor } from './support.ts';

const clock = new Date('2026-06-30T12:00:00Z');

const mortgageOffer: OfferContent = {
  ...offer,
  offerId: 'offer-mortgage',
  category: 'mortgage',
  productCode: 'mortgage',
};
const savingsOffer: OfferContent = {
  ...offer,
  offerId: 'offer-savings',
  title: 'A savings account at 4 %',
  category: 'savings',
  productCode: 'savings',
};

describe.each(testBackends)('the next best offer on $name', (backend) => {
  let vault: TestVault;
  let ids: number[];

  beforeEach(async () => {
    vault = await createTestVault(backend, { now: () => clock, noise: new RecordingNoise() });
    ids = await consentingCustomers(vault, 170, 'N');
  }, 180_000);
  afterEach(async () => vault.dispose());

  const inbox = async (campaign: string): Promise<Map<number, string>> => {
    const { rows } = await vault.storage.query<{ customer_id: number; offer_id: string }>(
      `SELECT customer_id, offer ->> 'offerId' AS offer_id FROM inbox_messages WHERE campaign_id = $1`,
      [campaign],
    );
    return new Map(rows.map((r) => [Number(r.customer_id), r.offer_id]));
  };

  async function approvedModel(product: string, creditCard: number): Promise<void> {
    const model = await insertModelVersion(vault.storage, {
      product,
      featureListVersion,
      // Holding a credit card pushes one product up, the other down; every other weight is 0.
      weights: weightsFor(product, { holds_credit_card: creditCard }),
      bias: 0,
      mechanism: 'output-perturbation',
      epsilon: 1,
      delta: 0,
      trainedFrom: '2025-06-01',
      trainedTo: '2025-12-31',
      trainedBy: 'trainer.ann',
    });
    await vault.models.approve(model.id, 'risk.bob', 'reviewed');
  }

  it('gives each profiled customer the offer of their highest propensity, others the first offer', async () => {
    const profiled = ids.slice(0, 120);
    const cardHolders = new Set(ids.filter((_, i) => i % 2 === 0));
    await vault.storage.query(
      `INSERT INTO products_held (customer_id, product_code, since)
       SELECT id, 'credit_card', DATE '2024-01-01' FROM unnest($1::bigint[]) AS c (id)`,
      [[...cardHolders]],
    );
    const granted = await vault.consent.record(
      profiled.map((customerId) => ({
        customerId,
        purpose: 'profiling' as const,
        channel: 'all' as const,
        granted: true,
        source: 'console' as const,
        noticeVersion: currentNotice('profiling').id,
        decidedAt: new Date('2026-01-01T00:00:00Z'),
      })),
    );
    expect(granted.ok).toBe(true);
    await approvedModel('mortgage', 3);
    await approvedModel('savings', -3);

    const report = await vault.delivery.deliver(
      request('nbo-1', { offer: savingsOffer, alternatives: [mortgageOffer], channels: [] }),
    );
    if (!report.ok) throw new Error(report.error.message);
    // What goes back to the hub: progress and the noised decisions' cost, never a group's size.
    expect(Object.keys(report.value).sort()).toEqual(['budget', 'campaignId', 'fractionDone', 'state']);

    const got = await inbox('nbo-1');
    expect(got.size).toBe(ids.length);
    for (const id of ids) {
      const expected = !profiled.includes(id)
        ? 'offer-savings'
        : cardHolders.has(id)
          ? 'offer-mortgage'
          : 'offer-savings';
      expect(got.get(id), `customer ${id}`).toBe(expected);
    }
  });
});
