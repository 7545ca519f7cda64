// Benchmark: edge mode in Chromium — matching 20 definitions on two years of one customer's transactions at real
// density, the edge bundle's size, and Privacy Pass issuance and redemption per second (docs/benchmarks.md).
import { build } from 'esbuild';
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { publicVerif, TOKEN_TYPES, util } from '@cloudflare/privacypass-ts';
import { categorize } from '../src/core/categorize.ts';
import { featuresFor } from '../src/models/feature-list.ts';
import { generateCustomer } from '../src/demo/generate/index.ts';
import type { EdgeFacts } from '../src/edge/customer-source.ts';
import type { EdgeDefinition } from '../src/edge/definitions.ts';
import { edgeDefinition } from '../test/support/edge-definition.ts';
import type { CryptoKey } from '../src/edge/log-proof.ts';
import {
  epochOf,
  issuerKeyAlgorithm,
  parseToken,
  tokenMode,
  tokenValid,
  TokenRequests,
} from '../src/edge/tokens.ts';
import { buildEdge, goalBytes } from '../scripts/build-edge.ts';
import { nativeBlindIssuer } from '../src/vault/edge/blind-sign.ts';
import { benchHeader, fmt } from './support.ts';

const end = '2026-11-01';
const runs = Number(process.env['BENCH_EDGE_RUNS'] ?? 30);
const tokens = Number(process.env['BENCH_EDGE_TOKENS'] ?? 64);

const expressions = [
  'spent(category: "groceries", within: 30d) > 250 GBP',
  'count(category: "dining", within: 90d) >= 6 and not holds("credit_card")',
  'recurring(category: "subscriptions", within: 180d) >= 2',
  'held_for("savings") > 1y or tenure() < 400d',
  'days_since_last(category: "travel") <= 120d',
  'spent(category: "home_inspection", within: 90d) > 0 GBP and not holds("mortgage")',
  'received(category: "salary", within: 90d) >= 6000 GBP',
  'average(category: "groceries", within: 90d) > 40 GBP',
  'max(category: "electronics", within: 1y) >= 500 GBP',
  'count(category: "fuel", within: 90d) >= 6',
  'spent(category: "childcare", within: 180d) > 0 GBP',
  'spent(category: "travel", within: 1y) > 2000 GBP and holds("current_account")',
  'min(category: "rent", within: 90d) > 900 GBP',
  'count(within: 30d) >= 40',
  'spent(category: "utilities", within: 90d) > 300 GBP',
  'recurring(within: 1y) >= 6',
  'sum(category: "transfers", direction: "credit", within: 30d) > 1000 GBP',
  'spent(category: "pets", within: 1y) > 100 GBP or spent(category: "baby", within: 1y) > 100 GBP',
  'days_since_last(category: "car_services") > 300d and count(category: "fuel", within: 90d) > 3',
  'spent(within: 30d) > 2500 GBP and not holds("investment")',
];

/** The customer of the first 50 whose number of transactions is closest to their mean: a typical one. */
function typicalCustomer() {
  const options = { seed: 2026, end, density: 'real' } as const;
  const sizes = Array.from({ length: 50 }, (_, i) => generateCustomer(options, i).transactions.length);
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const index = sizes.indexOf([...sizes].sort((a, b) => Math.abs(a - mean) - Math.abs(b - mean))[0]!);
  return generateCustomer(options, Number(process.env['BENCH_EDGE_CUSTOMER'] ?? index));
}

function factsOfGenerated(): EdgeFacts {
  const customer = typicalCustomer();
  return {
    holds: [],
    transactions: customer.transactions.map((t) => ({
      date: t.bookingDate,
      amountMinor: t.amountMinor,
      currency: t.currency,
      direction: t.direction === 'credit' ? 'C' : 'D',
      category: t.category ?? categorize(t),
      mcc: t.mcc === undefined ? null : Number(t.mcc),
      merchant: t.merchantName ?? null,
    })),
    products: customer.products.map((p) => ({ product: p.product, since: p.since, until: p.until ?? null })),
    firstOpened: customer.accounts.map((a) => a.openedOn).sort()[0] ?? null,
    birthMonth: null,
  };
}

const definitions: EdgeDefinition[] = expressions.map((expression, i) =>
  edgeDefinition(`edge-${String.fromCharCode(97 + i).repeat(22)}`, { expression }),
);

/** The same 20 definitions, each also requiring a frozen savings model's score (its features computed per visit). */
const modelDefinitions: EdgeDefinition[] = definitions.map((d, i) => ({
  ...d,
  id: `edge-${String.fromCharCode(97 + i).repeat(21)}m`,
  expression: `(${d.expression}) or propensity("savings") >= 0.4`,
  models: [
    {
      id: 'bench-savings-model',
      product: 'savings',
      featureListVersion: 1,
      weights: featuresFor('savings').map((_, j) => Math.sin(j * 1.7 + 0.3) * 6),
      bias: -1,
    },
  ],
}));

async function pageBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, 'edge-page.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'edgeBench',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

/** The issuer's side in Node: signing blinded requests (native, and the library's as the reference), checking tokens. */
async function issuerSide(count: number, epoch: string) {
  const pair = (await publicVerif.Issuer.generateKey(tokenMode, {
    modulusLength: 2048,
    publicExponent: Uint8Array.from([1, 0, 1]),
  })) as { privateKey: CryptoKey; publicKey: CryptoKey };
  const library = new publicVerif.Issuer(tokenMode, 'curtain-vault', pair.privateKey, pair.publicKey);
  const publicBytes = await publicVerif.getPublicKeyBytes(pair.publicKey);
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const native = nativeBlindIssuer(
    createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    publicBytes,
  );
  const publicKey = Buffer.from(publicBytes).toString('base64url');
  const client = await TokenRequests.create(epoch, publicKey, count);
  const parsed = client.requests.map((r) =>
    publicVerif.TokenRequest.deserialize(TOKEN_TYPES.BLIND_RSA, Buffer.from(r, 'base64url')),
  );
  let t = performance.now();
  const responses = parsed.map((r) => Buffer.from(native.issue(r)).toString('base64url'));
  const issueMs = performance.now() - t;
  const sample = Math.min(4, count);
  t = performance.now();
  for (const r of parsed.slice(0, sample)) await library.issue(r);
  const libraryMs = performance.now() - t;
  const finals = await client.finalise(responses);
  const spki = util.convertRSASSAPSSToEnc(Buffer.from(publicKey, 'base64url'));
  const key = await crypto.subtle.importKey('spki', spki, issuerKeyAlgorithm, true, ['verify']);
  t = performance.now();
  const valid = await Promise.all(finals.map((f) => tokenValid(parseToken(f)!, epoch, key)));
  const redeemMs = performance.now() - t;
  if (!valid.every(Boolean)) throw new Error('a token did not verify');
  return {
    publicKey,
    issuePerSecond: (count * 1000) / issueMs,
    libraryPerSecond: (sample * 1000) / libraryMs,
    redeemPerSecond: (finals.length * 1000) / redeemMs,
  };
}

console.log(benchHeader('edge'));
const bundle = await buildEdge();
console.log(
  `edge bundle: ${fmt(bundle.raw / 1024, 1)} kB, ${fmt(bundle.gzipped / 1024, 1)} kB gzipped (goal ≤ ${goalBytes / 1024} kB)`,
);
const facts = factsOfGenerated();
console.log(
  `one customer at real density: ${facts.transactions.length} transactions over two years to ${end}`,
);
const epoch = epochOf(end);
const issued = await issuerSide(tokens, epoch);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  // WebCrypto needs a secure context: an https page answered in place, with nothing on it.
  await page.route('https://edge.bench/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html>' }),
  );
  await page.goto('https://edge.bench/');
  await page.addScriptTag({ content: await pageBundle() });
  const matching = await page.evaluate(
    `edgeBench.benchMatching(${JSON.stringify(facts)}, ${JSON.stringify(definitions)}, ${JSON.stringify(end)}, ${runs})`,
  );
  const { matchMs, firstMs, referenceMs, matched } = matching as {
    matchMs: number;
    firstMs: number;
    referenceMs: number;
    matched: number;
  };
  console.log(
    `matching ${definitions.length} definitions in Chromium: ${fmt(matchMs)} ms median of ${runs} (first ${fmt(firstMs)} ms), ` +
      `${matched} matched; reference loop over the same rows ${fmt(referenceMs, 3)} ms (×${fmt(matchMs / Math.max(referenceMs, 0.001), 0)}); goal ≤ 50 ms`,
  );
  const withModels = await page.evaluate<{ matchMs: number; firstMs: number; matched: number }>(
    `edgeBench.benchMatching(${JSON.stringify(facts)}, ${JSON.stringify(modelDefinitions)}, ${JSON.stringify(end)}, ${runs})`,
  );
  console.log(
    `matching ${modelDefinitions.length} definitions each with a frozen model condition: ${fmt(withModels.matchMs)} ms median ` +
      `(first ${fmt(withModels.firstMs)} ms), ${withModels.matched} matched; ×${fmt(withModels.matchMs / Math.max(matchMs, 0.001), 2)} ` +
      `the segments alone; goal ≤ 50 ms`,
  );
  const insights = await page.evaluate<{ insightsMs: number; payments: number }>(
    `edgeBench.benchInsights(${JSON.stringify(facts)}, ${JSON.stringify(end)}, ${runs})`,
  );
  console.log(
    `insights on the device: ${fmt(insights.insightsMs)} ms median of ${runs} (${insights.payments} regular payments); ` +
      `×${fmt(insights.insightsMs / Math.max(matchMs, 0.001), 2)} the matching of 20 segments`,
  );
  const client = await page.evaluate<number>(
    `edgeBench.benchTokenRequests(${JSON.stringify(epoch)}, ${JSON.stringify(issued.publicKey)}, ${tokens}).then((r) => r.perSecond)`,
  );
  console.log(
    `Privacy Pass (blind RSA 2048): device blinds ${fmt(client, 0)} requests/s in Chromium; ` +
      `vault issues ${fmt(issued.issuePerSecond, 0)} tokens/s (native RSA; the library's JavaScript signing ${fmt(issued.libraryPerSecond, 1)}/s, ` +
      `×${fmt(issued.issuePerSecond / issued.libraryPerSecond, 0)}) and checks ${fmt(issued.redeemPerSecond, 0)} redemptions/s in Node`,
  );
} finally {
  await browser.close();
}
