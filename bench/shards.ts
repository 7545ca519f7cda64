// Benchmark: the same questions on one vault holding every customer and on a shard group of two holding them split.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleShardGroup } from '../src/app/shard-group.ts';
import {
  assembleVault,
  defaultVaultSettings,
  type VaultServices,
  type VaultSettings,
} from '../src/app/vault-process.ts';
import { LocalKeyFile } from '../src/keys/local-key-file.ts';
import { migrate } from '../src/storage/postgres-core/migrations.ts';
import type { Density } from '../src/demo/generate/index.ts';
import { loadDemoBank } from '../src/demo/load-demo-bank.ts';
import { seededRandomSource } from '../src/privacy/dp/random-source.ts';
import { openPgliteStorage } from '../src/storage/pglite/pglite-storage.ts';
import type { Storage } from '../src/storage/ports.ts';
import type { QuestionService } from '../src/vault/questions/question-service.ts';
import { benchDirectory, benchHeader, fmt, measure } from './support.ts';

const customers = Number(process.env['BENCH_SHARD_CUSTOMERS'] ?? 4_000);
const density = (process.env['BENCH_DENSITY'] ?? 'thin') as Density;
const shardCount = Number(process.env['BENCH_SHARDS'] ?? 2);
const end = '2026-11-01';
const now = () => new Date(`${end}T10:00:00Z`);
const bank = { customers, seed: 7, end, density };
const questions = [
  'count(within: 90d) > 0',
  'spent(category: "groceries", within: 30d) > 100 GBP',
  'count(within: 30d) > 20',
  'spent(category: "dining", within: 90d) > 50 GBP',
  'not holds("mortgage")',
];
/** The one vault and the group vault draw the same noise: equal exact counts must give equal answers. */
const settings: VaultSettings = { ...defaultVaultSettings, now };
const seeded = () => ({ ...settings, random: seededRandomSource('bench-shards') });

/** The median time of asking each question once, and the answers (a count, or the refusal's code). */
async function ask(questionsOf: QuestionService): Promise<{ ms: number; answers: string[] }> {
  const times: number[] = [];
  const answers: string[] = [];
  for (const expression of questions) {
    const asked = await measure(() => questionsOf.ask({ expression, purpose: 'bank_offers', asker: 'mia' }));
    times.push(asked.seconds * 1000);
    answers.push(asked.result.ok ? String(asked.result.value.count) : asked.result.error.code);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, answers };
}

async function main() {
  console.log(benchHeader('shards'));
  await mkdir(benchDirectory, { recursive: true });
  const root = await mkdtemp(join(benchDirectory, 'shards-'));
  const storages: Storage[] = [];
  const open = async (name: string, vaultSettings: VaultSettings): Promise<VaultServices> => {
    const storage = await openPgliteStorage({ dataDirectory: join(root, name) });
    storages.push(storage);
    const migrated = await migrate(storage);
    if (!migrated.ok) throw new Error(migrated.reason);
    return assembleVault(storage, await LocalKeyFile.open(join(root, `keys-${name}`)), vaultSettings);
  };
  try {
    console.log(`loading one vault of ${customers} customers (${density}) and ${shardCount} shards…`);
    const whole = await open('whole', seeded());
    const loadWhole = await measure(() => loadDemoBank(whole, bank));
    const groupVault = await open('group', seeded());
    const shards: VaultServices[] = [];
    for (let i = 0; i < shardCount; i++) shards.push(await open(`shard-${i}`, settings));
    const group = await assembleShardGroup(groupVault, shards, seeded());
    const loadShards = await measure(() => group.loadDemoBank(bank));
    const columnarWhole = await measure(() => whole.questionEngine.loadColumnar());
    const columnarShards = await measure(() =>
      Promise.all(shards.map((s) => s.questionEngine.loadColumnar())),
    );
    const one = await ask(whole.questions);
    const grouped = await ask(group.questions);
    const same = one.answers.every((answer, i) => answer === grouped.answers[i]);
    console.log(`answers, one vault: ${one.answers.join(', ')}`);
    console.log(`answers, the group: ${grouped.answers.join(', ')} (${same ? 'the same' : 'DIFFERENT'})`);
    console.log(`\n| work | one vault (${customers}) | ${shardCount} shards in one process | shards / one |`);
    console.log('| --- | --- | --- | --- |');
    const row = (name: string, a: number, b: number, digits: number) =>
      console.log(`| ${name} | ${fmt(a, digits)} | ${fmt(b, digits)} | ${fmt(b / a)}× |`);
    row('load the demo bank (s)', loadWhole.seconds, loadShards.seconds, 1);
    row('load the columnar store (s)', columnarWhole.seconds, columnarShards.seconds, 2);
    row(`question, median of ${questions.length} (ms)`, one.ms, grouped.ms, 1);
    if (!same) process.exitCode = 1;
  } finally {
    for (const storage of storages) await storage.close();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
