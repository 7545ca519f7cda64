// Benchmark: the HTTP API under 50 concurrent clients — questions (repeated and new) and the customer's inbox —
// against GET /health under the same load, on PGlite and PostgreSQL; guard refusals counted apart from errors.
import autocannon from 'autocannon';
import { seedDemoHub } from '../src/demo/demo-hub.ts';
import { AccessStore } from '../src/http/auth/access-store.ts';
import { buildServer } from '../src/http/server.ts';
import { openHub } from '../src/app/hub-process.ts';
import { type VaultServices } from '../src/app/vault-process.ts';
import type { Storage } from '../src/storage/ports.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { benchVault, benchHeader, fmt, onEachEngine } from './support.ts';

const customers = Number(process.env['BENCH_HTTP_CUSTOMERS'] ?? 10_000);
const seconds = Number(process.env['BENCH_HTTP_SECONDS'] ?? 10);
const connections = 50;
/** Customers with a message in their inbox, each with a session of their own. */
const inboxCustomers = Number(process.env['BENCH_HTTP_INBOX_CUSTOMERS'] ?? 1_000);
const end = '2026-11-01';
const asker = 'load-bench';
const purpose = 'bank_offers';

/** The refusals the privacy guard is meant to give: counted apart from errors. */
const guardRefusals = new Set(['PRIVACY_TOO_FEW', 'PRIVACY_DIFFERENCING', 'PRIVACY_BUDGET_EXHAUSTED']);

const offer = {
  offerId: 'load-bench-offer',
  title: 'A savings account that pays more',
  body: 'Our new saver pays 4.1% AER on balances up to £85,000.',
  callToAction: 'Tell me more',
  category: 'savings',
  credit: false,
  validUntil: '2026-12-31',
};

interface Tally {
  ok: number;
  refusals: Map<string, number>;
  errors: Map<string, number>;
}

interface Scenario {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** The request to send next: called once per request, so each may differ. */
  readonly next?: () => { path?: string; body?: string; headers?: Record<string, string> };
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface Measured {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly tally: Tally;
  /** Requests with no answer within autocannon's 10 s timeout. */
  readonly timeouts: number;
  /** Connection errors other than timeouts. */
  readonly connectionErrors: number;
}

const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function codeOf(status: number, body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : `HTTP ${status}`;
  } catch {
    return `HTTP ${status}`;
  }
}

async function drive(address: string, scenario: Scenario): Promise<Measured> {
  const tally: Tally = { ok: 0, refusals: new Map(), errors: new Map() };
  const result = await autocannon({
    url: address,
    connections,
    duration: seconds,
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        ...(scenario.body === undefined ? {} : { body: scenario.body }),
        headers: { 'content-type': 'application/json', ...scenario.headers },
        ...(scenario.next === undefined
          ? {}
          : {
              setupRequest: (request) => {
                const next = scenario.next!();
                return { ...request, ...next, headers: { ...request.headers, ...next.headers } };
              },
            }),
        onResponse: (status, body) => {
          if (status < 300) tally.ok++;
          else {
            const code = codeOf(status, body);
            increment(guardRefusals.has(code) ? tally.refusals : tally.errors, code);
          }
        },
      },
    ],
  });
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    tally,
    timeouts: result.timeouts,
    connectionErrors: result.errors - result.timeouts,
  };
}

/** A demo bank, a generous budget for the bench's own asker, and one message in many customers' inboxes. */
async function prepare(vault: VaultServices) {
  console.log(`loading a demo bank of ${customers} customers with transactions (not timed)…`);
  const loaded = await loadDemoBank(vault, { customers, seed: 1, end });
  await vault.storage.query('ANALYZE');
  const columnar = await vault.questionEngine.loadColumnar();
  console.log(
    `${loaded.ingest?.stored ?? 0} transactions; columnar engine ready in ${fmt(columnar.seconds, 1)} s`,
  );
  const hub = openHub(vault, () => new Date(`${end}T10:00:00Z`));
  await seedDemoHub(hub);
  await hub.addStaff(asker, ['marketer']);
  // The bench's vault only: the defaults in src stay as they are. Two people, as for any policy change.
  const proposed = await vault.policies.propose(
    { askerBudget: '1000000', vaultBudget: '1000000' },
    'load-bench-proposer',
    'HTTP load benchmark: enough budget for every new question of the run',
  );
  await vault.policies.approve(proposed.version, 'load-bench-approver');
  const delivered = await vault.delivery.deliver({
    campaignId: 'load-bench',
    requestedBy: asker,
    purpose,
    audience: 'tenure() >= 0d', // everyone with an account: a question that holds for all is refused
    offer,
    channels: [],
    frequencyCap: { messages: 5, days: 7 },
    maxMessages: inboxCustomers,
  });
  if (!delivered.ok) throw new Error(`${delivered.error.code}: ${delivered.error.message}`);
  const { rows } = await vault.storage.query<{ customer_id: number; public_id: string }>(
    "SELECT customer_id, public_id FROM inbox_messages WHERE campaign_id = 'load-bench' ORDER BY customer_id",
  );
  const store = new AccessStore(vault.storage);
  const inbox: { cookie: string; message: string }[] = [];
  for (const row of rows) {
    const session = await store.openCustomerSession(Number(row.customer_id));
    inbox.push({ cookie: `curtain_session=${session.token}`, message: row.public_id });
  }
  const { key } = await store.createApiKey(asker, 'load benchmark');
  return { hub, inbox, authorization: `Bearer ${key}` };
}

/** Scenario (a): asked once before the run, so that every request of the run is a repeat. */
const repeated = JSON.stringify({ expression: 'spent(category: "groceries", within: 30d) > 0', purpose });

function scenarios(authorization: string, inbox: readonly { cookie: string; message: string }[]): Scenario[] {
  const staff = { authorization };
  const categories = ['groceries', 'dining', 'travel', 'fuel', 'subscriptions', 'utilities', 'clothing'];
  const windows = [30, 90, 180, 365];
  let asked = 0;
  let turn = 0;
  const nextCustomer = () => inbox[turn++ % inbox.length]!;
  return [
    { name: 'GET /health (reference)', method: 'GET', path: '/health' },
    {
      name: '(a) POST /v1/questions, repeated',
      method: 'POST',
      path: '/v1/questions',
      headers: staff,
      body: repeated,
    },
    {
      name: '(b) POST /v1/questions, new',
      method: 'POST',
      path: '/v1/questions',
      headers: staff,
      next: () => {
        const n = asked++;
        const category = categories[n % categories.length]!;
        const within = windows[Math.floor(n / categories.length) % windows.length]!;
        const threshold = 25 * Math.floor(n / (categories.length * windows.length));
        return {
          body: JSON.stringify({
            expression: `spent(category: "${category}", within: ${within}d) > ${threshold} GBP`,
            purpose,
          }),
        };
      },
    },
    {
      name: '(c) GET /v1/me/inbox',
      method: 'GET',
      path: '/v1/me/inbox',
      next: () => ({ headers: { cookie: nextCustomer().cookie } }),
    },
    {
      name: '(d) GET /v1/me/inbox/{message}',
      method: 'GET',
      path: '/v1/me/inbox/x',
      next: () => {
        const customer = nextCustomer();
        return { path: `/v1/me/inbox/${customer.message}`, headers: { cookie: customer.cookie } };
      },
    },
  ];
}

const counts = (map: Map<string, number>) =>
  map.size === 0
    ? '0'
    : [...map]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${n} ${code}`)
        .join(', ');

async function run(engine: string, storage: Storage, root: string) {
  try {
    const vault = await benchVault(storage, root, engine, () => new Date(`${end}T10:00:00Z`));
    console.log(`\n${engine}:`);
    const { hub, inbox, authorization } = await prepare(vault);
    const app = await buildServer(
      { vault, hub: { service: hub, door: vault.door, storage: vault.storage } },
      { logLevel: 'silent', rateLimitPerMinute: false },
    );
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      console.log(
        `${inbox.length} customers with a message and a session; ${connections} connections, ${seconds} s each`,
      );
      const first = await fetch(`${address}/v1/questions`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: repeated,
      });
      console.log(`the repeated question, first asked: ${first.status} ${await first.text()}`);
      const results: Measured[] = [];
      for (const scenario of scenarios(authorization, inbox)) results.push(await drive(address, scenario));
      const floor = results[0]!;
      console.log(
        '\n| scenario | requests/s | vs /health | p50 ms | p99 ms | requests | 2xx | guard refusals | errors |',
      );
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of results) {
        const errors = [
          counts(r.tally.errors),
          ...(r.timeouts > 0 ? [`${r.timeouts} timeouts (> 10 s)`] : []),
          ...(r.connectionErrors > 0 ? [`${r.connectionErrors} connection errors`] : []),
        ].join('; ');
        console.log(
          `| ${r.name} | ${fmt(r.rps, 0)} | ${fmt(r.rps / floor.rps, 3)}× | ${r.p50} | ${r.p99} | ${r.requests} | ` +
            `${r.tally.ok} | ${counts(r.tally.refusals)} | ${errors} |`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await storage.close();
  }
}

console.log(benchHeader('HTTP load'));
await onEachEngine('http-load-', run);
