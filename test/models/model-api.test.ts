// The model registry over HTTP: list, card (charged), approval by a second person, retirement; bad input is 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureListVersion } from '../../src/models/features.ts';
import { insertModelVersion } from '../../src/models/model-store.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { testBackends } from '../support/backends.ts';
import { knownWeights, weightsFor } from './support.ts';

describe.each(testBackends)('the model API on $name', (backend) => {
  let h: Harness;
  let id: string;

  beforeAll(async () => {
    h = await openHarness(backend, {}, { now: () => new Date('2026-10-31T12:00:00Z') });
    id = (await savingsVersion('rui')).id;
  }, 180_000);
  afterAll(async () => h.dispose());

  /** A frozen savings version with known weights, trained by `trainedBy`. */
  const savingsVersion = (trainedBy: string) =>
    insertModelVersion(h.vault.storage, {
      product: 'savings',
      featureListVersion,
      weights: weightsFor('savings', knownWeights),
      bias: -1,
      mechanism: 'dp-sgd',
      epsilon: 1,
      delta: 1e-6,
      trainedFrom: '2025-10-01',
      trainedTo: '2026-04-30',
      trainedBy,
    });

  /** The approver (rui) approves `model` with `reason`. */
  const approve = (model: string, reason: string) =>
    h.inject({
      method: 'POST',
      url: `/v1/models/${model}/approve`,
      headers: h.staff.approver,
      payload: { reason },
    });

  it('lists versions, refuses the trainer as approver, and approves and retires with reasons', async () => {
    const listed = await h.inject({ method: 'GET', url: '/v1/models', headers: h.staff.marketer });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({ versions: [{ id, state: 'trained', card: null, epsilon: 1 }] });

    const own = await approve(id, 'mine');
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { code: 'MODEL_APPROVAL_REFUSED' } });

    const noReason = await h.inject({
      method: 'POST',
      url: `/v1/models/${id}/retire`,
      headers: h.staff.compliance,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const badId = await h.inject({ method: 'GET', url: '/v1/models/not-a-uuid', headers: h.staff.marketer });
    expect(badId.statusCode).toBe(400);
    const missing = await h.inject({
      method: 'GET',
      url: '/v1/models/00000000-0000-4000-8000-000000000000',
      headers: h.staff.marketer,
    });
    expect(missing.statusCode).toBe(404);

    const retired = await h.inject({
      method: 'POST',
      url: `/v1/models/${id}/retire`,
      headers: h.staff.compliance,
      payload: { reason: 'trained on the wrong window' },
    });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({
      state: 'retired',
      retiredBy: 'cleo',
      retirementReason: 'trained on the wrong window',
    });
    const again = await h.inject({
      method: 'POST',
      url: `/v1/models/${id}/score`,
      headers: h.staff.operator,
    });
    expect(again.statusCode).toBe(409);
  });

  it('approves a version trained by another person and releases its card, charged to the caller', async () => {
    const model = await savingsVersion('mia');
    const approved = await approve(model.id, 'card reviewed');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      state: 'approved',
      approvedBy: 'rui',
      approvalReason: 'card reviewed',
    });
    const card = await h.inject({
      method: 'POST',
      url: `/v1/models/${model.id}/card`,
      headers: h.staff.marketer,
    });
    expect(card.statusCode).toBe(200);
    const body = card.json<{
      card: {
        epsilonCharged: string;
        releasedBy: string;
        fairLending: { passed: boolean; findings: { feature: string }[] };
      };
    }>();
    // Savings is no credit product: its list keeps the listed proxies, and the card names them.
    expect(body.card).toMatchObject({
      epsilonCharged: '19/4',
      releasedBy: 'mia',
      fairLending: { passed: false },
    });
    expect(body.card.fairLending.findings.map((f) => f.feature)).toContain(
      'spent(category: "baby", within: 365d)',
    );
    const checked = await h.inject({
      method: 'POST',
      url: '/v1/questions/check',
      headers: h.staff.marketer,
      payload: { expression: 'propensity("savings") >= 0.6', purpose: 'bank_offers' },
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ ok: true, attributes: ['propensity[savings]'] });
  });
});
