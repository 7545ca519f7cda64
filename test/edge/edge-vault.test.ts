// Edge mode in the vault: admission by the central gates, signed definitions the device trusts only through the
// log, the device's matching equal to the vault's engine, tokens to everyone alike, and released counts' noise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyInLog, openDefinition, trustKey, type EdgeDefinition } from '../../src/edge/definitions.ts';
import type { Publication } from '../../src/vault/edge/edge-publisher.ts';
import { matchDefinitions } from '../../src/edge/matcher.ts';
import { dummyCampaign, epochReports } from '../../src/edge/reports.ts';
import { reportsPerEpoch, TokenRequests } from '../../src/edge/tokens.ts';
import { RecordingNoise } from '../../src/privacy/guard/noise.test-support.ts';
import { normalisePlan } from '../../src/language/normalise.ts';
import { checkQuestion } from '../../src/vault/questions/question-check.ts';
import { questionPurpose } from '../../src/core/question-purposes.ts';
import { currentNotice } from '../../src/core/consent.ts';
import { ColumnarEngine } from '../../src/vault/questions/columnar/columnar-engine.ts';
import { testBackends } from '../support/backends.ts';
import { CustomerSource } from '../../src/edge/customer-source.ts';
import { DeviceFeatures } from '../../src/edge/frozen-models.ts';
import { deviceInsights } from '../../src/edge/device-insights.ts';
import { approvedModel, scoreInVault, weightsFor } from './frozen-model-support.ts';
import { createDemoBankVault, type TestVault } from '../support/test-vault.ts';
import { visit, type DeviceIo, type EdgeBundle } from '../../src/edge/device.ts';
import { preferencesJson } from '../../src/http/vault/preference-routes.ts';
import { liftRestriction, restrict } from '../../src/vault/compliance/restrictions.ts';
import type { PreferenceChange } from '../../src/core/consent.ts';

const end = '2026-11-01';

type ModelCampaign = Awaited<ReturnType<typeof scoreInVault>> & {
  readonly model: Awaited<ReturnType<typeof approvedModel>>;
  readonly profiled: ReadonlySet<number>;
  readonly engine: ColumnarEngine;
  readonly publication: Publication;
};
const bank = { customers: 600, seed: 3, end };
const offer = {
  title: 'A home, surveyed',
  body: 'Talk to us about a mortgage.',
  callToAction: 'Connect me',
  productCode: 'savings',
  category: 'savings',
  provider: 'bank',
};
const publication = (expression: string, productCode = 'savings') => ({
  expression,
  offer: { ...offer, productCode },
  validFrom: '2026-10-01',
  validUntil: '2026-12-31',
  asker: 'mia',
});

describe.each(testBackends.filter((b) => b.name === 'pglite' || process.env['CURTAIN_TEST_DATABASE_URL']))(
  'edge mode in the vault ($name)',
  (backend) => {
    let vault: TestVault;
    let clock = new Date(`${end}T10:00:00Z`);
    const noise = new RecordingNoise();

    beforeAll(async () => {
      vault = await createDemoBankVault(backend, bank, { now: () => clock, noise });
    }, 240_000);
    afterAll(() => vault?.dispose());

    /** The suite's one published campaign, published by whichever test needs it first (each test runs alone). */
    let publishing: Promise<Publication> | undefined;
    const publishOnce = () =>
      (publishing ??= vault.edge.publisher.publish(publication('count(within: 90d) > 0')).then((r) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      }));

    /** Two customers' tokens and reports, one who matched and one who did not; returns what crossed the wire. */
    async function issueAndReport(): Promise<string[]> {
      const { definition } = await publishOnce();
      const issuer = await vault.edge.reports.issuerKey();
      const { rows } = await vault.storage.query<{ id: number }>(
        `SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 2`,
      );
      const sent: string[] = [];
      for (const [n, { id }] of rows.entries()) {
        const customer = Number(id);
        const requests = await TokenRequests.create(issuer.epoch, issuer.publicKey, reportsPerEpoch);
        const responses = await vault.edge.reports.issue(customer, issuer.epoch, requests.requests);
        await expect(
          vault.edge.reports.issue(customer, issuer.epoch, requests.requests),
        ).rejects.toMatchObject({
          code: 'EDGE_TOKENS_ISSUED',
        });
        const tokens = await requests.finalise(responses);
        // The first customer matched the campaign, the second matched nothing: the same number of reports.
        const reports = epochReports(issuer.epoch, n === 0 ? [definition.id] : [], tokens);
        expect(reports).toHaveLength(reportsPerEpoch);
        for (const report of reports) await vault.edge.reports.redeem(report);
        await expect(vault.edge.reports.redeem(reports[0]!)).rejects.toMatchObject({
          code: 'EDGE_REPORT_REFUSED',
        });
        sent.push(...requests.requests, ...responses, ...tokens);
      }
      return sent;
    }
    let reporting: Promise<string[]> | undefined;
    const reportOnce = () => (reporting ??= issueAndReport());

    it('admits by the central gates, and the device trusts the definition only through the log', async () => {
      const sensitive = await vault.edge.publisher.publish(
        publication('spent(category: "pharmacy", within: 90d) > 0'),
      );
      expect(sensitive.ok || sensitive.error.code).toBe('EDGE_SEGMENT_SENSITIVE');
      const few = await vault.edge.publisher.publish(publication('count(within: 7d) > 400'));
      expect(few.ok || few.error.code).toBe('PRIVACY_TOO_FEW');
      const proxy = await vault.edge.publisher.publish(
        publication('spent(category: "childcare", within: 90d) > 0', 'mortgage'),
      );
      expect(proxy.ok || proxy.error.code).toBe('QUESTION_INVALID');
      const published = { value: await publishOnce() };
      expect(published.value.admission.count).toBeGreaterThanOrEqual(50);

      const { key, definitions } = await vault.edge.publisher.definitions();
      expect(definitions).toEqual([published.value.jws]);
      const trusted = await trustKey(key, vault.edge.logKeys());
      if (!trusted.ok) throw new Error(trusted.error);
      const opened = await openDefinition(definitions[0]!, { keyId: key.keyId, cryptoKey: trusted.value });
      expect(opened.ok && opened.value.id).toBe(published.value.definition.id);
      // A changed payload, a key the log does not name, a log key the device does not pin: all refused.
      const [h, p, s] = definitions[0]!.split('.');
      const forged = `${h}.${p!.slice(0, -2)}AA.${s}`;
      expect(await openDefinition(forged, { keyId: key.keyId, cryptoKey: trusted.value })).toMatchObject({
        ok: false,
      });
      const other = { ...key, publicKey: key.publicKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
      expect(await trustKey(other, vault.edge.logKeys())).toEqual({ ok: false, error: 'key-not-in-log' });
      expect(await trustKey(key, [])).toEqual({ ok: false, error: 'log-proof-invalid' });
    }, 60_000);

    it('matches on the device exactly as the vault’s engine does', async () => {
      await vault.questionEngine.loadColumnar({ features: false });
      const store = vault.questionEngine.store!;
      const engine = new ColumnarEngine(store, { features: false });
      const asOf = end;
      const expressions = [
        'spent(category: "groceries", within: 30d) > 250 GBP',
        'count(category: "dining", within: 90d) >= 6 and not holds("credit_card")',
        'recurring(category: "subscriptions", within: 180d) >= 2',
        'held_for("savings") > 1y or tenure() < 400d',
        'days_since_last(category: "travel") <= 120d and average(within: 90d, direction: "debit") > 30 GBP',
      ];
      const definitions = expressions.map((expression, i): EdgeDefinition => ({
        format: 'curtain-edge-campaign/1',
        id: `edge-${String.fromCharCode(97 + i).repeat(22)}`,
        expression,
        purpose: 'bank_offers',
        currency: 'GBP',
        retentionDays: 730,
        maxAttributes: 5,
        offer,
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      }));
      const central = definitions.map((d) => {
        const checked = checkQuestion(d.expression, questionPurpose(d.purpose)!, {
          currency: 'GBP',
          retentionDays: 730,
          maxAttributes: 5,
          asOf,
        });
        if (!checked.ok) throw new Error(checked.error.rendered);
        return new Set(engine.evaluateNow(normalisePlan(checked.value.plan, { asOf }), asOf));
      });
      expect(central.some((s) => s.size > 0)).toBe(true);
      const ids = [...store.data.customers.ids].slice(0, 80);
      let agreed = 0;
      for (const id of ids) {
        const matched = matchDefinitions(await vault.edge.facts(id), definitions, { asOf });
        expect(matched.unevaluated).toEqual([]);
        const onDevice = new Set(matched.matched.map((d) => d.id));
        definitions.forEach((d, i) =>
          expect([id, d.id, onDevice.has(d.id)]).toEqual([id, d.id, central[i]!.has(id)]),
        );
        agreed++;
      }
      expect(agreed).toBe(ids.length);
    }, 120_000);

    /** The suite's model campaign: a savings model approved, scored in the vault, frozen into a definition. */
    let modelCampaign: Promise<ModelCampaign> | undefined;
    const modelOnce = () => (modelCampaign ??= publishModelCampaign());
    async function publishModelCampaign(): Promise<ModelCampaign> {
      const expression = (t: number) => `count(within: 90d) > 0 and propensity("savings") >= ${t}`;
      const before = await vault.edge.publisher.publish(publication(expression(0.5)));
      expect(before.ok || before.error.code).toBe('QUESTION_INVALID');
      const model = await approvedModel(vault.storage, 'savings', weightsFor('savings'), -1);
      const profiled = new Set(await vault.models.profiledCustomers());
      const engine = await vault.questionEngine.columnar();
      const inVault = await scoreInVault(vault.storage, engine, model, profiled, end);
      const sorted = [...inVault.scores.values()].sort((a, b) => a - b);
      const threshold = Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(3));
      const published = await vault.edge.publisher.publish(publication(expression(threshold)));
      if (!published.ok) throw new Error(published.error.message);
      return { ...inVault, model, profiled, engine, publication: published.value };
    }

    it('freezes an approved model into the definition; the device computes the vault’s features and match', async () => {
      const { model, features, profiled, engine, publication: published } = await modelOnce();
      const { definition } = published;
      expect(definition.models).toEqual([
        { id: model.id, product: 'savings', featureListVersion: 1, weights: model.weights, bias: -1 },
      ]);
      const checked = checkQuestion(definition.expression, questionPurpose(definition.purpose)!, {
        ...definition,
        asOf: end,
        models: new Map([['savings', model.id]]),
      });
      if (!checked.ok) throw new Error(checked.error.rendered);
      const central = new Set(engine.evaluateNow(normalisePlan(checked.value.plan, { asOf: end }), end));
      const ids = [...features.ids].slice(0, 60);
      const seen = new Set<boolean>();
      for (const id of ids) {
        const facts = await vault.edge.facts(id);
        const device = new DeviceFeatures(new CustomerSource(facts));
        const row = features.ids.indexOf(id) * features.columns;
        const vector = device.vector(definition.models![0]!, definition, end);
        expect([id, ...vector]).toEqual([id, ...features.matrix.subarray(row, row + features.columns)]);
        const matched = matchDefinitions(facts, [definition], { asOf: end, profiling: profiled.has(id) });
        expect([id, matched.matched.length === 1]).toEqual([id, central.has(id)]);
        seen.add(central.has(id));
      }
      // Both sides of the threshold were among them, so the model condition decided something.
      expect([...seen].sort()).toEqual([false, true]);
      const misfit = await approvedModel(vault.storage, 'credit_card', [1, 2, 3], 0);
      await expect(
        vault.edge.publisher.publish(publication('propensity("credit_card") >= 0.5', 'credit_card')),
      ).rejects.toMatchObject({ code: 'MODEL_FEATURES_MISMATCH' });
      expect(misfit.state).toBe('approved');
    }, 120_000);

    it('refuses segments naming a sensitive MCC or merchant, not only a category', async () => {
      for (const expression of [
        'spent(mcc: 5912, within: 90d) > 0',
        'count(mcc: [5411, 8011], within: 90d) > 2',
        'spent(merchant: "Riverside Pharmacy", within: 90d) > 0',
        'count(merchant: "City Dental Clinic", within: 365d) > 0',
        // No name rule knows this merchant: it might be a doctor, so it is not published without a safe MCC.
        'spent(merchant: "Dr A. Smith", within: 90d) > 0',
      ]) {
        const refused = await vault.edge.publisher.publish(publication(expression));
        expect([expression, refused.ok || refused.error.code]).toEqual([
          expression,
          'EDGE_SEGMENT_SENSITIVE',
        ]);
      }
      const groceries = await vault.edge.publisher.publish(publication('count(mcc: 5411, within: 90d) > 0'));
      expect(groceries.ok || groceries.error.code).not.toBe('EDGE_SEGMENT_SENSITIVE');
    }, 60_000);

    it('checks the match again when the customer asks, before the offer reaches the inbox', async () => {
      const { publication: published, scores } = await modelOnce();
      const campaign = published.definition.id;
      const inboxOf = async (id: number) =>
        (await vault.inbox.list(id)).filter((m) => m.campaignId === campaign);
      const asked = { matched: 0, refused: 0 };
      for (const id of [...scores.keys()].slice(0, 40)) {
        if (!(await vault.consent.isAllowed(id, 'bank_offers', 'inbox'))) continue;
        const onDevice = matchDefinitions(await vault.edge.facts(id), [published.definition], {
          asOf: end,
          profiling: true,
        });
        if (onDevice.matched.length === 1) {
          await vault.edge.askAbout(id, campaign);
          expect(await inboxOf(id)).toHaveLength(1);
          asked.matched++;
        } else {
          await expect(vault.edge.askAbout(id, campaign)).rejects.toMatchObject({
            code: 'EDGE_OFFER_NOT_MATCHED',
          });
          expect(await inboxOf(id)).toEqual([]);
          asked.refused++;
        }
      }
      expect(asked.matched > 0 && asked.refused > 0).toBe(true);
    }, 120_000);

    /**
     * One visit of the device for a customer, through the same code the console runs (device.ts), with the
     * vault's answers to the three requests in place of HTTP: the bundle, their facts, their preferences.
     */
    async function deviceVisit(customerId: number) {
      const storage = new Map<string, string>();
      const io: DeviceIo = {
        getPublic: async <T>() => {
          const [published, issuer] = await Promise.all([
            vault.edge.publisher.definitions(),
            vault.edge.reports.issuerKey(),
          ]);
          const bundle: EdgeBundle = {
            logKeys: vault.edge.logKeys(),
            definitionsKey: published.key,
            definitions: published.definitions,
            issuer,
          };
          return bundle as T;
        },
        getMine: async <T>(path: string) =>
          (path === '/v1/me/edge/facts'
            ? await vault.edge.facts(customerId)
            : await preferencesJson(vault, customerId)) as T,
        postMine: () => Promise.reject(new Error('the visit posts nothing')),
        sendReport: () => Promise.reject(new Error('the visit sends no report')),
        load: (key) => storage.get(key) ?? null,
        save: (key, value) => void storage.set(key, value),
      };
      return (await visit(io, end)).visit;
    }

    /** A partner's offer beside the bank's own, for the partner a customer may block. */
    let partnerPublishing: Promise<Publication> | undefined;
    const partnerOnce = () =>
      (partnerPublishing ??= vault.edge.publisher
        .publish({
          ...publication('count(within: 90d) > 0'),
          offer: { ...offer, provider: 'lumen-insurance' },
        })
        .then((r) => {
          if (!r.ok) throw new Error(r.error.message);
          return r.value;
        }));

    it('honours a restriction, an objection, a withdrawal, "not interested" and a blocked partner, on the device and at "Connect me"', async () => {
      const bankOffer = (await publishOnce()).definition;
      const partnerOffer = (await partnerOnce()).definition;
      // A customer who may see both offers and matches both today, with no cap holding a new offer back.
      const { rows } = await vault.storage.query<{ id: number }>(
        `SELECT id FROM customers WHERE status = 'active' ORDER BY id`,
      );
      let customer: number | undefined;
      for (const { id } of rows) {
        const candidate = Number(id);
        const preferences = await vault.preferences.get(candidate);
        if (preferences.frequencyCap !== undefined || preferences.stopEverything) continue;
        if (!(await vault.consent.isAllowed(candidate, 'bank_offers', 'inbox'))) continue;
        if (!(await vault.consent.isAllowed(candidate, 'partner_offers', 'inbox'))) continue;
        const shown = (await deviceVisit(candidate)).offers.map((o) => o.id);
        if (shown.includes(bankOffer.id) && shown.includes(partnerOffer.id)) {
          customer = candidate;
          break;
        }
      }
      if (customer === undefined) throw new Error('no demo customer sees both offers');
      const id = customer;
      const consent = (granted: boolean) =>
        vault.consent.record([
          {
            customerId: id,
            purpose: 'bank_offers',
            channel: 'inbox',
            granted,
            source: 'api',
            noticeVersion: currentNotice('bank_offers').id,
            decidedAt: clock,
          },
        ]);
      const preference = (change: PreferenceChange) => vault.preferences.update([{ customerId: id, change }]);
      // Each state: how it starts and ends, the offer it turns away and the code "Connect me" then gets.
      const states = [
        {
          name: 'restriction',
          apply: () => restrict(vault.storage, id, 'restriction', undefined, clock),
          undo: () => liftRestriction(vault.storage, id, 'restriction', clock),
          offer: bankOffer,
          code: 'EDGE_OFFER_WITHHELD',
        },
        {
          name: 'objection',
          apply: () => restrict(vault.storage, id, 'objection', undefined, clock),
          undo: () => liftRestriction(vault.storage, id, 'objection', clock),
          offer: partnerOffer,
          code: 'EDGE_OFFER_WITHHELD',
        },
        {
          name: 'consent withdrawn',
          apply: () => consent(false),
          undo: () => consent(true),
          offer: bankOffer,
          code: 'CONSENT_REQUIRED',
        },
        {
          name: 'not interested',
          apply: () => preference({ kind: 'not_interested', category: 'savings', on: true }),
          undo: () => preference({ kind: 'not_interested', category: 'savings', on: false }),
          offer: bankOffer,
          code: 'EDGE_OFFER_WITHHELD',
        },
        {
          name: 'partner blocked',
          apply: () => preference({ kind: 'never_from_partner', partner: 'lumen-insurance', on: true }),
          undo: () => preference({ kind: 'never_from_partner', partner: 'lumen-insurance', on: false }),
          offer: partnerOffer,
          code: 'EDGE_OFFER_WITHHELD',
        },
      ];
      // Broken once each (the matcher's hold check removed, then device-rules' category and partner checks,
      // then edge-interest's state check): the device showed the offer, or "Connect me" reached the match
      // check and answered EDGE_OFFER_NOT_MATCHED or put the offer in the inbox, and these lines failed.
      for (const state of states) {
        await state.apply();
        const seen = (await deviceVisit(id)).offers.map((o) => o.id);
        expect([state.name, seen.includes(state.offer.id)]).toEqual([state.name, false]);
        await expect(vault.edge.askAbout(id, state.offer.id), state.name).rejects.toMatchObject({
          code: state.code,
        });
        await state.undo();
        const again = (await deviceVisit(id)).offers.map((o) => o.id);
        expect([state.name, again.includes(state.offer.id)]).toEqual([state.name, true]);
      }
      expect((await deviceVisit(id)).holds).toEqual([]);
      await restrict(vault.storage, id, 'objection', undefined, clock);
      expect((await deviceVisit(id)).holds).toEqual(['objection']);
      await liftRestriction(vault.storage, id, 'objection', clock);
      expect(await vault.inbox.list(id)).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ campaignId: bankOffer.id })]),
      );
    }, 120_000);

    it('computes the customer’s insights on the device exactly as the vault does', async () => {
      const { rows } = await vault.storage.query<{ id: number }>(
        `SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 80`,
      );
      const compared = { customers: 0, payments: 0 };
      for (const { id } of rows) {
        const customer = Number(id);
        if (!(await vault.consent.isAllowed(customer, 'spending_insights', 'inbox'))) continue;
        const offersAllowed = await vault.consent.isAllowed(customer, 'bank_offers', 'inbox');
        const inVault = await vault.insights.forCustomer(customer);
        const onDevice = deviceInsights(await vault.edge.facts(customer), { asOf: end, offersAllowed });
        expect([customer, onDevice]).toEqual([customer, inVault]);
        compared.customers++;
        compared.payments += onDevice.regularPayments.length;
      }
      expect(compared.customers).toBeGreaterThan(5);
      expect(compared.payments).toBeGreaterThan(0);
    }, 120_000);

    it('issues every customer the same tokens once per epoch; issuance and redemption share no value', async () => {
      const issuer = await vault.edge.reports.issuerKey();
      expect(await keyInLog(issuer, vault.edge.logKeys(), 'tokens', issuer.epoch)).toEqual({
        ok: true,
        value: true,
      });
      const sent = await reportOnce();
      await expect(
        vault.edge.reports.redeem({
          epoch: issuer.epoch,
          campaign: dummyCampaign,
          event: 'dummy',
          token: 'AAAA',
        }),
      ).rejects.toMatchObject({ code: 'EDGE_REPORT_REFUSED' });
      const issued = await vault.storage.query<Record<string, unknown>>('SELECT * FROM edge_token_issuance');
      const redeemed = await vault.storage.query<Record<string, unknown>>('SELECT * FROM edge_redemptions');
      expect(issued.rows).toHaveLength(2);
      expect(redeemed.rows).toHaveLength(2 * reportsPerEpoch);
      const text = (v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : String(v));
      const issuedValues = new Set(
        issued.rows.flatMap((r) =>
          Object.entries(r)
            .filter(([k]) => k !== 'epoch')
            .map(([, v]) => text(v)),
        ),
      );
      const redeemedValues = redeemed.rows.flatMap((r) =>
        Object.entries(r)
          .filter(([k]) => k !== 'epoch')
          .map(([, v]) => text(v)),
      );
      // The epoch is everyone's; nothing else of an issuance appears in a redemption, nor the blinded exchange.
      expect(redeemedValues.filter((v) => issuedValues.has(v))).toEqual([]);
      const columns = Object.keys(redeemed.rows[0]!).sort();
      expect(columns).toEqual(['campaign', 'epoch', 'event', 'nonce']);
      const blinded = new Set(sent.map((s) => Buffer.from(s, 'base64url').toString('hex')));
      expect(redeemedValues.filter((v) => blinded.has(v))).toEqual([]);
    }, 60_000);

    it('puts an edge offer in the inbox only when the customer asks, for the usual consented reveal', async () => {
      const { definition } = await publishOnce();
      const { rows } = await vault.storage.query<{ id: number }>(
        `SELECT id FROM customers WHERE status = 'active' ORDER BY id DESC LIMIT 40`,
      );
      let asker: number | undefined;
      for (const { id } of rows) {
        if (await vault.consent.isAllowed(Number(id), 'bank_offers', 'inbox')) asker = Number(id);
      }
      const before = await vault.storage.query('SELECT 1 FROM inbox_messages WHERE campaign_id = $1', [
        definition.id,
      ]);
      expect(before.rows).toEqual([]);
      const message = await vault.edge.askAbout(asker!, definition.id);
      expect(await vault.edge.askAbout(asker!, definition.id)).toBe(message);
      const inbox = await vault.inbox.list(asker!);
      expect(inbox.map((m) => m.publicId)).toContain(message);
      // Connecting still needs the explicit consent of any offer; with it, a lead is made.
      const noticeVersion = currentNotice('identity_reveal').id;
      const refused = await vault.responses.connect(asker!, message, { consent: false, noticeVersion });
      expect(refused.ok || refused.error.code).toBe('CONSENT_REQUIRED');
      const connected = await vault.responses.connect(asker!, message, { consent: true, noticeVersion });
      expect(connected.ok).toBe(true);
      await expect(vault.edge.askAbout(asker!, `edge-${'z'.repeat(22)}`)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }, 60_000);

    it('forgets what a customer was issued when they are erased', async () => {
      await reportOnce();
      const [id] = (
        await vault.storage.query<{ customer_id: number }>('SELECT customer_id FROM edge_token_issuance')
      ).rows;
      const customerId = Number(id!.customer_id);
      const request = await vault.compliance.requests.receiveFromCustomer('erasure', 'gdpr', customerId);
      await vault.compliance.erase(request.id);
      const left = await vault.storage.query('SELECT 1 FROM edge_token_issuance WHERE customer_id = $1', [
        customerId,
      ]);
      expect(left.rows).toEqual([]);
    }, 120_000);

    it('withdraws a definition from every device’s bundle, and refuses "Connect me" on it', async () => {
      const published = await vault.edge.publisher.publish(publication('count(within: 90d) > 0'));
      if (!published.ok) throw new Error(published.error.message);
      const { definition, jws } = published.value;
      expect((await vault.edge.publisher.definitions()).definitions).toContain(jws);
      const listed = await vault.edge.campaigns();
      expect(listed.find((c) => c.definition.id === definition.id)?.state).toBe('on_devices');
      const withdrawn = await vault.edge.withdraw(definition.id, 'mia');
      expect([withdrawn.state, withdrawn.withdrawnBy]).toEqual(['withdrawn', 'mia']);
      // Broken once (the bundle's query without `withdrawn_at IS NULL`): the definition stayed on devices.
      expect((await vault.edge.publisher.definitions()).definitions).not.toContain(jws);
      const { rows } = await vault.storage.query<{ id: number }>(
        `SELECT id FROM customers WHERE status = 'active' ORDER BY id LIMIT 1`,
      );
      await expect(vault.edge.askAbout(Number(rows[0]!.id), definition.id)).rejects.toMatchObject({
        code: 'USAGE',
      });
      const logged = await vault.storage.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entries WHERE entry LIKE '%"edge.campaign_withdrawn"%'`,
      );
      expect(Number(logged.rows[0]?.n)).toBe(1);
      await vault.edge.withdraw(definition.id, 'mia');
      await expect(vault.edge.withdraw(`edge-${'z'.repeat(22)}`, 'mia')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }, 60_000);

    it('releases an ended epoch’s count with noise sized for every report one device holds, charged once', async () => {
      await reportOnce();
      const campaign = (await publishOnce()).definition.id;
      expect((await vault.edge.reports.results(campaign, 'mia')).ok && 'none yet').toBe('none yet');
      clock = new Date(clock.getTime() + 8 * 86_400_000);
      noise.clear();
      const released = await vault.edge.reports.results(campaign, 'mia');
      // Sensitivity 4 (tokens per device per epoch): scales 4 / (1/4) and 4 / (1/8) under the default policy;
      // then "Connect me", once per customer and campaign: sensitivity 1, scales 4 and 8.
      expect(noise.recorded()).toEqual(['16', '32', '4', '8']);
      // One real report and a customer or two who asked are far under k = 50: suppressed, never an exact 1.
      expect(released.ok && released.value.map((r) => [r.shown, r.connects])).toEqual([[null, null]]);
      noise.clear();
      const again = await vault.edge.reports.results(campaign, 'mia');
      expect(noise.recorded()).toEqual([]);
      expect(again).toEqual(released);
    }, 60_000);
  },
);
