// Benchmark: a campaign and questions across three regional vaults, against one vault holding as many customers.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { activeVerifierKey } from '../src/audit/door-identity.ts';
import { keyProofs } from '../src/app/regional-doors.ts';
import type { VaultServices } from '../src/app/vault-process.ts';
import type { Density } from '../src/demo/generate/index.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { HubService } from '../src/hub/hub-service.ts';
import { HubStorage } from '../src/hub/hub-storage.ts';
import { HttpVaultDoor } from '../src/http/http-vault-door.ts';
import { buildServer } from '../src/http/server.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import { migrate } from '../src/storage/postgres-core/migrations.ts';
import { benchDirectory, benchHeader, benchVault, fmt, measure } from './support.ts';

const perRegion = Number(process.env['BENCH_REGION_CUSTOMERS'] ?? 2_000);
const density = (process.env['BENCH_DENSITY'] ?? 'thin') as Density;
const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);
const doorKey = 'bench-door-key-0123456789abcdef0123456789';
const questions = [
  'count(within: 90d) > 0',
  'spent(category: "groceries", within: 30d) > 100',
  'count(within: 30d) > 20',
  'spent(category: "dining", within: 90d) > 50',
  'not holds("mortgage")',
];

interface Region {
  readonly region: string;
  readonly vault: VaultServices;
  readonly url: string;
  close(): Promise<void>;
}

async function openRegion(root: string, region: string, customers: number, seed: number): Promise<Region> {
  const storage = await openPgliteStorage({ dataDirectory: join(root, region) });
  const vault = await benchVault(storage, root, region, now);
  const loaded = await measure(() => loadDemoBank(vault, { customers, seed, end, density }));
  console.log(`  ${region}: ${customers} customers (${density}) loaded in ${fmt(loaded.seconds, 0)} s`);
  const server = await buildServer({ vault }, { logLevel: 'silent', doorKey, rateLimitPerMinute: false });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    region,
    vault,
    url,
    async close() {
      await server.close();
      await storage.close();
    },
  };
}

async function openHub(root: string, regions: readonly Region[]) {
  const storage = await openPgliteStorage({ dataDirectory: join(root, 'hub') });
  const migrated = await migrate(storage);
  if (!migrated.ok) throw new Error(migrated.reason);
  const open = ({ url }: { url: string }) => new HttpVaultDoor({ url, key: doorKey });
  const hub = new HubService(new HubStorage(storage), open(regions[0]!), {
    now,
    regional: { open, proofs: keyProofs },
  });
  await hub.addStaff('olga', ['operator']);
  await hub.addStaff('mia', ['marketer']);
  await hub.addStaff('abe', ['approver']);
  for (const r of regions) {
    const publicKey = activeVerifierKey(r.vault.keys, r.vault.audit.origin);
    await hub.registerVault({ region: r.region, url: r.url, publicKey }, 'olga');
  }
  await hub.addProduct({ code: 'saver', name: 'Easy saver', provider: 'bank', credit: false }, 'mia');
  const offer = await hub.addOffer(
    {
      productCode: 'saver',
      title: 'A saver that pays more',
      body: 'Instant access, no fees.',
      callToAction: 'Open a saver',
      category: 'savings',
      validUntil: '2027-06-30',
    },
    'mia',
  );
  return { hub, offerId: offer.id, close: () => storage.close() };
}

/** Drafts, approves and runs one campaign in `regions`; only the run is timed. */
async function campaignSeconds(hub: HubService, offerId: string, regions: string[]): Promise<number> {
  const draft = { name: `to ${regions.join('+')}`, offerId, audience: questions[0]!, startsAt: end, regions };
  const drafted = await hub.createCampaign(draft, 'mia');
  await hub.approve(drafted.id, 'abe');
  const run = await measure(() => hub.run(drafted.id, 'mia'));
  if (run.result.missing?.length !== 0) throw new Error(`regions missing: ${run.result.missing?.join(', ')}`);
  return run.seconds;
}

/** The median time of asking each question once (a first answer each: repeats are served from the ledger). */
async function questionMs(hub: HubService, regions: string[]): Promise<number> {
  const times: number[] = [];
  for (const expression of questions) {
    const asked = await measure(() => hub.askRegions({ expression, purpose: 'bank_offers', regions }, 'mia'));
    times.push(asked.seconds * 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function main() {
  console.log(benchHeader('regions'));
  await mkdir(benchDirectory, { recursive: true });
  const root = await mkdtemp(join(benchDirectory, 'regions-'));
  const opened: Region[] = [];
  try {
    console.log(`loading three regions of ${perRegion} customers and one vault of ${3 * perRegion}…`);
    for (const [i, region] of ['london', 'north', 'scotland'].entries()) {
      opened.push(await openRegion(root, region, perRegion, 11 + i));
    }
    opened.push(await openRegion(root, 'whole', 3 * perRegion, 7));
    const { hub, offerId, close } = await openHub(root, opened);
    const three = ['london', 'north', 'scotland'];
    const oneQ = await questionMs(hub, ['whole']);
    const threeQ = await questionMs(hub, three);
    const oneC = await campaignSeconds(hub, offerId, ['whole']);
    const threeC = await campaignSeconds(hub, offerId, three);
    console.log(
      `\n| work | one vault (${3 * perRegion} customers) | three regions (${perRegion} each) | three / one |`,
    );
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| question, median of ${questions.length} (ms) | ${fmt(oneQ, 0)} | ${fmt(threeQ, 0)} | ${fmt(threeQ / oneQ)}× |`,
    );
    console.log(`| campaign run, everyone (s) | ${fmt(oneC)} | ${fmt(threeC)} | ${fmt(threeC / oneC)}× |`);
    await close();
  } finally {
    for (const r of opened) await r.close();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
