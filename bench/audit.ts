// Benchmark: transparency-log appends against raw SHA-256 of the same bytes, and proof times on a large log.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import type { AuditEvent } from '../src/core/audit-event.ts';
import { TransparencyLog } from '../src/audit/audit-log.ts';
import { leafHash } from '../src/audit/merkle.ts';
import { verifyConsistency, verifyInclusion } from '../src/audit/verify.ts';
import type { Storage } from '../src/storage/ports.ts';
import { migrate } from '../src/storage/postgres-core/migrations.ts';
import { LocalKeyFile } from '../src/keys/local-key-file.ts';
import { benchHeader, fmt, measure, onEachEngine } from './support.ts';

const entries = Number(process.env['BENCH_AUDIT_ENTRIES'] ?? 10_000_000);
const batch = 10_000;
const probes = 2_000;
const types = ['question.asked', 'message.sent', 'response.recorded', 'consent.changed'] as const;

// The callers' keyed subject references, computed once before timing: producing them is not the log's work.
const subjects = 200_000;
const subjectRefs = Array.from({ length: subjects }, (_, i) =>
  createHash('sha256').update(`subject ${i}`).digest('base64url'),
);

/** A fixed, generated event: a keyed subject reference, campaign ids, a hash; no PII. */
function event(i: number): AuditEvent {
  return {
    type: types[i % types.length]!,
    subjectRef: subjectRefs[i % subjects]!,
    details: { campaign: `cmp-${i % 97}`, channel: 'inbox', templateHash: `tpl-${i % 13}`, epsilon: 0.05 },
  };
}

/** Cheap deterministic sequence for probe positions. */
function positions(seed: number, below: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x % below;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function timeEach(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

async function run(engine: string, storage: Storage, root: string) {
  try {
    const migrated = await migrate(storage);
    if (!migrated.ok) throw new Error(migrated.reason);
    const keys = await LocalKeyFile.open(join(root, `keys-${engine}`));
    const log = await TransparencyLog.open(storage, keys, 'bench.example/curtain/log');

    // Reference: SHA-256 of the same canonical bytes the log hashes, in this run, on the first batches.
    const sample = Math.min(entries, 200_000);
    const at = new Date().toISOString();
    const sampleJson = Array.from({ length: sample }, (_, i) => canonicalize({ at, ...event(i) })!);
    const reference = await measure(() => {
      for (const json of sampleJson) createHash('sha256').update(json).digest();
      return Promise.resolve(sample);
    });
    const referencePerSecond = sample / reference.seconds;

    console.log(`\nappending ${entries} events on ${engine} in batches of ${batch}…`);
    const append = await measure(async () => {
      for (let start = 0; start < entries; start += batch) {
        const n = Math.min(batch, entries - start);
        // Several callers at once, as services would: the log coalesces them into one transaction.
        const callers = 4;
        const per = Math.ceil(n / callers);
        await Promise.all(
          Array.from({ length: callers }, (_, c) =>
            log.record(
              Array.from({ length: Math.max(0, Math.min(per, n - c * per)) }, (_, i) =>
                event(start + c * per + i),
              ),
            ),
          ),
        );
        if ((start / batch) % 100 === 99) console.log(`  ${start + n} appended`);
      }
    });
    const appendsPerSecond = entries / append.seconds;
    const head = log.head();

    const reopen = await measure(() => TransparencyLog.open(storage, keys, 'bench.example/curtain/log'));
    const reopened = reopen.result;

    const indexes = positions(7, head.size);
    const inclusion = await timeEach(probes, async () => reopened.entry(indexes()));
    const sizes = positions(11, head.size);
    const consistency = await timeEach(probes, async () => reopened.consistency(1 + sizes()));

    // Spot checks (not timed): the proofs measured are proofs that verify.
    for (const index of [0, Math.floor(head.size / 2), head.size - 1]) {
      const p = (await reopened.entry(index))!;
      const v = verifyInclusion(leafHash(Buffer.from(p.json)), index, head.size, p.proof, head.rootHash);
      if (!v.ok) throw new Error(`inclusion proof of ${index} does not verify: ${v.reason}`);
    }
    const old = Math.max(1, Math.floor(head.size / 3));
    const oldRoot = await storage.query<{ root_hash: Uint8Array }>(
      'SELECT root_hash FROM audit_heads WHERE tree_size = $1',
      [old - (old % batch) || batch],
    );
    const oldSize = old - (old % batch) || batch;
    const c = await reopened.consistency(oldSize);
    const cv = verifyConsistency(oldSize, head.size, c.proof, oldRoot.rows[0]!.root_hash, head.rootHash);
    if (!cv.ok) throw new Error(`consistency proof does not verify: ${cv.reason}`);

    console.log(`\n${engine}:\n| measure | value | reference | ratio |`);
    console.log(`| --- | --- | --- | --- |`);
    console.log(
      `| batched appends (${entries}, batches of ${batch}) | ${fmt(appendsPerSecond, 0)} /s | ` +
        `SHA-256 of the same bytes ${fmt(referencePerSecond, 0)} /s | ${fmt(appendsPerSecond / referencePerSecond, 3)}× |`,
    );
    console.log(
      `| inclusion proof + entry at ${head.size} | mean ${fmt(mean(inclusion), 3)} ms, p50 ${fmt(percentile(inclusion, 0.5), 3)}, ` +
        `p99 ${fmt(percentile(inclusion, 0.99), 3)} ms | goal < 1 ms | |`,
    );
    console.log(
      `| consistency proof to ${head.size} | mean ${fmt(mean(consistency), 3)} ms, p50 ${fmt(percentile(consistency, 0.5), 3)}, ` +
        `p99 ${fmt(percentile(consistency, 0.99), 3)} ms | goal < 1 ms | |`,
    );
    console.log(
      `| open (load tiles) at ${head.size} | ${fmt(reopen.seconds, 2)} s, peak RSS ${fmt(append.peakRssMb, 0)} MB | | |`,
    );
    console.log(
      '\nratio = appends per second / SHA-256 hashes per second of the same canonical JSON; goal ≥ 50,000 appends/s.',
    );
  } finally {
    await storage.close();
  }
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

console.log(benchHeader('transparency-log'));
await onEachEngine('audit-', run);
