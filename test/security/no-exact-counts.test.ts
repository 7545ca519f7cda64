// Issue 14, class 3 — no customer count leaves the vault's private tables: one whole scenario (customers who
// consent, two campaigns delivered, responses, leads, reveals), then every log entry, every entry count per
// campaign, every metric, every application log line, the progress the hub saw and every compliance output
// are checked against the exact sizes the vault knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentNotice } from '../../src/core/consent.ts';
import type { AuditEvent } from '../../src/core/audit-event.ts';
import type { CampaignResults } from '../../src/core/vault-door.ts';
import { seededRandomSource } from '../../src/privacy/dp/random-source.ts';
import { discreteLaplaceNoise } from '../../src/privacy/guard/noise.ts';
import { openHarness, type Harness } from '../http/harness.ts';
import { sampleCustomers } from '../support/sample-customers.ts';
import { testBackends } from '../support/backends.ts';
import { consentingCustomers, RecordingAdapter, request } from '../delivery/support/delivery-fixtures.ts';

const now = new Date('2026-06-30T12:00:00Z');
const campaigns = ['camp-all', 'camp-some'] as const;
// Sizes chosen to be told apart: none under 11, none equal to another figure of the scenario.
const consenting = 137;
const others = 14;
const someOfThem = 101;
const interested = 23;
const notNow = 12;
const connecting = 19;
const claiming = 16;
// Their advisors' statuses: these contacted, the rest of the claimed ones at a meeting.
const contacted = 13;

/** Every number in a JSON value, numeric strings included: what a reader could take for a count. */
function numbersIn(value: unknown, skip: ReadonlySet<string> = new Set()): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') return /^\d+$/.test(value) ? [Number(value)] : [];
  if (Array.isArray(value)) return value.flatMap((v) => numbersIn(v, skip));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (skip.has(key) ? [] : numbersIn(v, skip)));
  }
  return [];
}

describe.each(testBackends)(
  'no exact customer count leaves the vault on $name (issue 14, class 3)',
  (backend) => {
    let h: Harness;
    const appLog: string[] = [];
    const progress: number[][] = [];
    const entries: AuditEvent[] = [];
    let exact: Map<string, number>;
    /** The results as the hub receives them through the door. */
    let hubSaw: CampaignResults;

    beforeAll(async () => {
      h = await openHarness(
        backend,
        { logLevel: 'info', logStream: { write: (line) => void appLog.push(line) } },
        {
          now: () => now,
          noise: discreteLaplaceNoise(seededRandomSource(`no-exact-counts-${backend.name}`)),
          random: seededRandomSource(`no-exact-counts-order-${backend.name}`),
          delivery: {
            inboxOrigin: 'https://bank.example',
            batchSize: 16,
            adapters: { email: new RecordingAdapter('email') },
          },
        },
      );
      const vault = h.vault;
      const ids = await consentingCustomers(vault, consenting, 'X');
      await vault.identity.createCustomers(sampleCustomers(others, 'Y'));
      const proposed = await vault.policies.propose({ k: 20 }, 'carol', 'test');
      await vault.policies.approve(proposed.version, 'dave');

      for (const [i, campaignId] of campaigns.entries()) {
        const seen: number[] = [];
        progress.push(seen);
        const sent = await vault.delivery.deliver(
          request(campaignId, i === 0 ? {} : { maxMessages: someOfThem }),
          (fraction) => void seen.push(fraction),
        );
        if (!sent.ok) throw new Error(sent.error.message);
      }

      // Customers answer the first campaign over HTTP, as the console does; some ask to be contacted.
      const { rows } = await vault.storage.query<{ customer_id: number; public_id: string }>(
        `SELECT customer_id, public_id FROM inbox_messages WHERE campaign_id = $1 ORDER BY customer_id`,
        [campaigns[0]],
      );
      const answering = rows.filter((r) => ids.includes(Number(r.customer_id))).slice(0, interested + notNow);
      const leads: string[] = [];
      for (const [i, { customer_id, public_id }] of answering.entries()) {
        const headers = await h.customer(Number(customer_id));
        const answer = i < interested ? 'interested' : 'not_now';
        const answered = await h.inject({
          method: 'POST',
          url: `/v1/me/inbox/${public_id}/response`,
          headers,
          payload: { answer },
        });
        expect(answered.statusCode, answered.body).toBe(200);
        if (i >= connecting) continue;
        const connected = await vault.responses.connect(Number(customer_id), public_id, {
          consent: true,
          noticeVersion: currentNotice('identity_reveal').id,
        });
        if (!connected.ok) throw new Error(connected.error.message);
        leads.push(connected.value.id);
      }
      for (const [i, lead] of leads.slice(0, claiming).entries()) {
        const claimed = await vault.advisorQueue.claim('alice.acme', lead, { recipient: 'acme' });
        if (!claimed.ok) throw new Error(claimed.error.message);
        const status = i < contacted ? 'contacted' : 'meeting';
        const set = await vault.advisorLeads.setStatus('alice.acme', lead, status, { recipient: 'acme' });
        if (!set.ok) throw new Error(set.error.message);
      }
      const results = await vault.delivery.results(campaigns[0], 'mia');
      if (!results.ok) throw new Error(results.error.message);
      hubSaw = results.value;

      for (let i = 0; i < vault.audit.head().size; i++) entries.push((await vault.audit.entry(i))!.entry);
      exact = await exactSizes(h);
    }, 240_000);
    afterAll(() => h.dispose());

    /** What the vault knows exactly, by name: the figures that must never leave it. */
    async function exactSizes(harness: Harness): Promise<Map<string, number>> {
      const sizes = new Map<string, number>();
      const storage = harness.vault.storage;
      for (const campaignId of campaigns) {
        const { rows } = await storage.query<Record<string, number>>(
          `SELECT (SELECT planned FROM delivery_runs WHERE campaign_id = $1)::int AS planned,
                count(*)::int AS delivered,
                (count(*) FILTER (WHERE response IS NOT NULL))::int AS responded,
                (count(*) FILTER (WHERE response = 'interested'))::int AS interested,
                (count(*) FILTER (WHERE response = 'not_now'))::int AS not_now,
                (SELECT count(*) FROM leads WHERE campaign_id = $1)::int AS leads,
                (SELECT count(*) FROM leads WHERE campaign_id = $1 AND claimed_at IS NOT NULL)::int AS claimed,
                (SELECT count(*) FROM leads WHERE campaign_id = $1 AND work_status = 'contacted')::int
                  AS contacted,
                (SELECT count(*) FROM outbound_notices WHERE campaign_id = $1)::int AS notices
           FROM inbox_messages WHERE campaign_id = $1`,
          [campaignId],
        );
        for (const [name, n] of Object.entries(rows[0]!)) sizes.set(`${campaignId}.${name}`, Number(n));
      }
      const consent = await storage.query<{ key: string; n: number }>(
        `SELECT purpose || '.' || channel AS key, count(*)::int AS n FROM consent_current WHERE granted
        GROUP BY purpose, channel
       UNION ALL SELECT purpose, count(DISTINCT customer_id)::int FROM consent_current WHERE granted GROUP BY purpose`,
      );
      for (const { key, n } of consent.rows) sizes.set(`consenting.${key}`, Number(n));
      return sizes;
    }

    /** The exact sizes among `numbers`, by name; sizes of ten or less (zero above all) are in every figure. */
    const leaked = (numbers: readonly number[]) =>
      [...exact]
        .filter(([, size]) => size > 10 && numbers.includes(size))
        .map(([name, size]) => `${name}=${size}`);

    it('knows the scenario’s sizes, none of them small', () => {
      expect(exact.get('camp-all.planned')).toBe(consenting);
      expect(exact.get('camp-some.planned')).toBe(someOfThem);
      expect(exact.get('camp-all.responded')).toBe(interested + notNow);
      expect(exact.get('camp-all.leads')).toBe(connecting);
      expect(exact.get('camp-all.claimed')).toBe(claiming);
      expect(exact.get('camp-all.contacted')).toBe(contacted);
      for (const [name, size] of exact)
        if (!name.startsWith('camp-some.')) expect(size, name).toBeGreaterThan(10);
    });

    it('writes no exact size in any log entry, nor in the sum of a figure over a campaign’s entries', () => {
      // What the guard released is noised: drawn noise of 0 gives the exact figure by chance, and says nothing.
      const noised = new Set(['count', 'counts']);
      for (const entry of entries) {
        const skip = entry.type === 'question.answered' ? noised : new Set<string>();
        expect(leaked(numbersIn(entry.details, skip)), entry.type).toEqual([]);
      }
      for (const campaignId of campaigns) {
        const sums = new Map<string, number>();
        for (const entry of entries) {
          if (!JSON.stringify(entry.details).includes(campaignId)) continue;
          for (const [key, value] of Object.entries(entry.details)) {
            if (typeof value === 'number')
              sums.set(`${entry.type}.${key}`, (sums.get(`${entry.type}.${key}`) ?? 0) + value);
          }
        }
        for (const [figure, sum] of sums) expect(leaked([sum]), `${campaignId} ${figure}`).toEqual([]);
      }
    });

    it('gives no exact size by counting a campaign’s entries, of any type', () => {
      for (const campaignId of campaigns) {
        const byType = new Map<string, number>();
        for (const entry of entries) {
          if (!JSON.stringify(entry.details).includes(campaignId)) continue;
          byType.set(entry.type, (byType.get(entry.type) ?? 0) + 1);
        }
        expect(byType.get('message.sent'), campaignId).toBe(10);
        for (const [type, count] of byType) expect(leaked([count]), `${campaignId} ${type}`).toEqual([]);
      }
      // Per-customer entries exist, but name no campaign a reader could count by.
      const perCustomer = entries.filter((e) => e.subjectRef !== undefined && e.type !== 'consent.changed');
      expect(perCustomer.map((e) => e.type)).toEqual(
        expect.arrayContaining(['response.recorded', 'lead.created']),
      );
      for (const entry of perCustomer) expect(JSON.stringify(entry.details)).not.toMatch(/camp-/);
    });

    it('gives the hub its leads by outcome only as the guard released them: noised, or suppressed', async () => {
      // What the guard recorded for each outcome of the release: the noised count, or null when suppressed.
      const { rows } = await h.vault.storage.query<{ plan_key: string; noisy_count: number | null }>(
        `SELECT plan_key, noisy_count FROM questions WHERE expression = $1 AND engine = 'release'`,
        [`results:${campaigns[0]}`],
      );
      const ledger = new Map(rows.map((r) => [r.plan_key.slice(r.plan_key.indexOf('#') + 1), r.noisy_count]));
      expect(hubSaw.leadOutcomes).toEqual({
        contacted: ledger.get('contacted'),
        meeting: ledger.get('meeting'),
        productOpened: ledger.get('product_opened'),
        closed: ledger.get('closed'),
      });
      expect([...ledger.keys()].sort()).toEqual(
        ['closed', 'contacted', 'delivered', 'interested', 'meeting', 'opened', 'product_opened'].sort(),
      );
    });

    it('reports progress to the hub in tenths, whatever the size', () => {
      for (const seen of progress) {
        expect(seen.at(-1)).toBe(1);
        for (const fraction of seen) expect(Math.round(fraction * 10)).toBeCloseTo(fraction * 10, 9);
      }
      expect(progress[0]).toEqual(progress[1]);
    });

    it('counts no customer in the metrics', async () => {
      const metrics = await h.inject({ method: 'GET', url: '/metrics', headers: h.staff.operator });
      expect(metrics.statusCode).toBe(200);
      const values = metrics.body
        .split('\n')
        .filter((line) => line.startsWith('curtain_') && !/^curtain_(process|nodejs)_/.test(line))
        .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
      expect(values.length).toBeGreaterThan(0);
      expect(leaked(values)).toEqual([]);
    });

    it('puts no exact size in any compliance page or export', async () => {
      const pages = [
        ['/v1/db/status', h.staff.operator],
        ['/v1/compliance/ropa', h.staff.compliance],
        ['/v1/compliance/ropa?format=csv', h.staff.compliance],
        ['/v1/compliance/ropa?format=md', h.staff.compliance],
        ['/v1/compliance/retention/runs', h.staff.compliance],
        ['/v1/compliance/requests', h.staff.compliance],
        ['/v1/privacy/budgets', h.staff.compliance],
        ['/v1/ingest/batches', h.staff.compliance],
        ['/v1/consent/statistics', h.staff.compliance],
      ] as const;
      for (const [url, headers] of pages) {
        const page = await h.inject({ method: 'GET', url, headers });
        if (page.statusCode === 404) continue;
        expect(page.statusCode, url).toBe(200);
        // The schema's version number and pending migrations say nothing about customers.
        const numbers = String(page.headers['content-type']).includes('json')
          ? numbersIn(page.json(), new Set(['schemaVersion', 'pendingMigrations']))
          : (page.body.match(/\b\d+\b/g) ?? []).map(Number);
        expect(leaked(numbers), url).toEqual([]);
      }
      // The operator's loaded rows may be shown: every customer row, whether or not they consented.
      const status = await h.inject({ method: 'GET', url: '/v1/db/status', headers: h.staff.operator });
      expect(status.json<{ customers: number }>().customers).toBe(consenting + others);
    });

    it('writes no exact size in the application log', () => {
      const skip = new Set(['time', 'pid', 'reqId', 'responseTime', 'level', 'statusCode', 'port']);
      const lines = appLog.map((line) => JSON.parse(line) as unknown);
      expect(lines.length).toBeGreaterThan(0);
      expect(leaked(lines.flatMap((line) => numbersIn(line, skip)))).toEqual([]);
    });
  },
);
