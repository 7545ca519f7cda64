// The transparency log on every backend: proofs against signed heads, batching, crashes, tampering.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/core/audit-event.ts';
import { TransparencyLog, type SignedHead } from '../../src/audit/audit-log.ts';
import { openCheckpoint, parseVerifierKey } from '../../src/audit/checkpoint.ts';
import { emptyRoot, leafHash, rootOfLeaves } from '../../src/audit/merkle.ts';
import { verifyConsistency, verifyInclusion } from '../../src/audit/verify.ts';
import type { SqlExecutor, Storage } from '../../src/storage/ports.ts';
import { LocalKeyFile } from '../../src/keys/local-key-file.ts';
import { testBackends } from '../support/backends.ts';

const origin = 'bank.example/curtain/log';

const event = (n: number, subjectRef?: string): AuditEvent => ({
  type: 'question.asked',
  ...(subjectRef === undefined ? {} : { subjectRef }),
  details: { n, question: 'q-spend-travel', epsilon: 0.1 },
});

/** Runs every statement through, except that armed statements matching `pattern` fail: a crash mid-batch. */
function faulty(storage: Storage, pattern: RegExp) {
  const fault = { armed: false };
  const wrap = (tx: SqlExecutor): SqlExecutor => ({
    query: <Row>(sql: string, parameters?: readonly unknown[]) => {
      if (fault.armed && pattern.test(sql)) {
        fault.armed = false;
        return Promise.reject(new Error('simulated crash'));
      }
      return tx.query<Row>(sql, parameters);
    },
    exec: (sql) => tx.exec(sql),
    copyFrom: (table, columns, chunks) => tx.copyFrom(table, columns, chunks),
    copyTo: (query) => tx.copyTo(query),
  });
  const wrapped: Storage = {
    ...wrap(storage),
    description: storage.description,
    capabilities: storage.capabilities,
    ping: () => storage.ping(),
    transaction: (work) => storage.transaction((tx) => work(wrap(tx))),
    close: () => storage.close(),
  };
  return { storage: wrapped, fault };
}

describe.each(testBackends)('transparency log on $name', (backend) => {
  let storage: Storage;
  let keys: LocalKeyFile;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    const created = await backend.createMigrated();
    storage = created.storage;
    const keyDir = await mkdtemp(join(tmpdir(), 'curtain-audit-keys-'));
    keys = await LocalKeyFile.open(keyDir);
    cleanups.push(created.dispose, () => rm(keyDir, { recursive: true, force: true }));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  const verifiers = (log: TransparencyLog) => log.publicKeys().map((k) => parseVerifierKey(k)!);

  it('starts with a signed head of the empty tree', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    expect(log.head()).toMatchObject({ size: 0, rootHash: emptyRoot });
    const opened = openCheckpoint(log.head().checkpoint, verifiers(log));
    expect(opened).toMatchObject({ ok: true, checkpoint: { origin, size: 0 } });
    expect(log.publicKeys()[0]).toContain(keys.signingKey('log-signing').id);
    expect(await log.entry(0)).toBeUndefined();
    expect(await log.verifyAll()).toEqual({ ok: true, size: 0, rootHash: emptyRoot });
  });

  it('proves every entry and every older head against the current head', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    const heads: SignedHead[] = [];
    for (const batch of [1, 2, 61, 64, 3, 130]) {
      const start = log.head().size;
      await log.record(Array.from({ length: batch }, (_, i) => event(start + i)));
      heads.push(log.head());
    }
    const head = log.head();
    expect(head.size).toBe(261);
    expect(openCheckpoint(head.checkpoint, verifiers(log))).toMatchObject({
      ok: true,
      checkpoint: { size: 261 },
    });
    for (const index of [0, 1, 63, 64, 100, 191, 192, 255, 256, 260]) {
      const proven = (await log.entry(index))!;
      expect(JSON.parse(proven.json)).toMatchObject({ type: 'question.asked', details: { n: index } });
      expect(proven.leafHash.equals(leafHash(Buffer.from(proven.json)))).toBe(true);
      expect(verifyInclusion(proven.leafHash, index, head.size, proven.proof, head.rootHash)).toEqual({
        ok: true,
      });
    }
    expect(await log.entry(261)).toBeUndefined();
    for (const old of heads) {
      const { proof } = await log.consistency(old.size);
      expect(verifyConsistency(old.size, head.size, proof, old.rootHash, head.rootHash)).toEqual({
        ok: true,
      });
    }
    await expect(log.consistency(262)).rejects.toThrow(RangeError);
    const { rows } = await storage.query<{ leaf_hash: Uint8Array }>(
      'SELECT leaf_hash FROM audit_entries ORDER BY idx',
    );
    const leaves = rows.map((r) => Buffer.from(r.leaf_hash));
    for (let m = 1; m <= head.size; m++) {
      const { proof } = await log.consistency(m);
      const oldRoot = rootOfLeaves(leaves.slice(0, m));
      expect(verifyConsistency(m, head.size, proof, oldRoot, head.rootHash)).toEqual({ ok: true });
      const proven = (await log.entry(m - 1))!;
      expect(verifyInclusion(proven.leafHash, m - 1, head.size, proven.proof, head.rootHash)).toEqual({
        ok: true,
      });
    }
    expect(await log.verifyAll()).toMatchObject({ ok: true, size: 261 });

    const reopened = await TransparencyLog.open(storage, keys, origin);
    expect(reopened.head()).toEqual(head);
    const proven = (await reopened.entry(200))!;
    expect(verifyInclusion(proven.leafHash, 200, head.size, proven.proof, head.rootHash)).toEqual({
      ok: true,
    });
  });

  it('coalesces concurrent callers into few batches with dense indexes', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await Promise.all(Array.from({ length: 100 }, (_, i) => log.record([event(i)])));
    expect(log.head().size).toBe(100);
    const { rows } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_heads');
    expect(rows[0]!.n).toBeLessThanOrEqual(3);
    const { rows: range } = await storage.query<{ lo: number; hi: number; n: number }>(
      'SELECT min(idx)::int AS lo, max(idx)::int AS hi, count(*)::int AS n FROM audit_entries',
    );
    expect(range[0]).toEqual({ lo: 0, hi: 99, n: 100 });
  });

  it('leaves no gap and no fork when a batch fails before its head commits', async () => {
    const { storage: flaky, fault } = faulty(storage, /INSERT INTO audit_heads/);
    const log = await TransparencyLog.open(flaky, keys, origin);
    await log.record(Array.from({ length: 60 }, (_, i) => event(i)));
    const before = log.head();
    fault.armed = true;
    await expect(log.record(Array.from({ length: 10 }, (_, i) => event(1000 + i)))).rejects.toThrow(
      'simulated crash',
    );
    expect(log.head()).toEqual(before);
    const { rows } = await storage.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entries');
    expect(rows[0]!.n).toBe(60);
    await log.record(Array.from({ length: 10 }, (_, i) => event(60 + i)));
    const head = log.head();
    expect(head.size).toBe(70);
    const proven = (await log.entry(63))!;
    expect(proven.entry.details['n']).toBe(63);
    expect(verifyInclusion(proven.leafHash, 63, 70, proven.proof, head.rootHash)).toEqual({ ok: true });
    const { proof } = await log.consistency(60);
    expect(verifyConsistency(60, 70, proof, before.rootHash, head.rootHash)).toEqual({ ok: true });
    expect(await log.verifyAll()).toMatchObject({ ok: true, size: 70 });
  });

  it('catches up with another writer on the same database', async () => {
    const first = await TransparencyLog.open(storage, keys, origin);
    const second = await TransparencyLog.open(storage, keys, origin);
    await first.record(Array.from({ length: 50 }, (_, i) => event(i)));
    await second.record(Array.from({ length: 50 }, (_, i) => event(50 + i)));
    await first.record([event(100)]);
    expect(first.head().size).toBe(101);
    const proven = (await first.entry(99))!;
    expect(proven.entry.details['n']).toBe(99);
    expect(verifyInclusion(proven.leafHash, 99, 101, proven.proof, first.head().rootHash)).toEqual({
      ok: true,
    });
    expect(await first.verifyAll()).toMatchObject({ ok: true, size: 101 });
  });

  it('names the entry whose stored JSON changed by one byte', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await log.record(Array.from({ length: 150 }, (_, i) => event(i)));
    await storage.query(
      `UPDATE audit_entries SET entry = replace(entry, '"n":137', '"n":138') WHERE idx = 137`,
    );
    expect(await log.verifyAll()).toEqual({
      ok: false,
      reason: 'entry 137 does not match its leaf hash',
      index: 137,
    });
  });

  it('finds a rewritten entry even when its leaf hash was rewritten too', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await log.record(Array.from({ length: 150 }, (_, i) => event(i)));
    const { rows } = await storage.query<{ entry: string }>(
      'SELECT entry FROM audit_entries WHERE idx = 140',
    );
    const forged = rows[0]!.entry.replace('"n":140', '"n":141');
    await storage.query('UPDATE audit_entries SET entry = $1, leaf_hash = $2 WHERE idx = 140', [
      forged,
      leafHash(Buffer.from(forged)),
    ]);
    expect(await log.verifyAll()).toMatchObject({
      ok: false,
      reason: expect.stringContaining('signed root') as unknown,
    });
    await storage.query('UPDATE audit_entries SET entry = $1, leaf_hash = $2 WHERE idx = 20', [
      forged,
      leafHash(Buffer.from(forged)),
    ]);
    expect(await log.verifyAll()).toMatchObject({ ok: false, index: 0 });
  });

  it('gives a customer their own entries, each with a proof', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    await log.record([event(0, 'ref-a'), event(1, 'ref-b'), event(2), event(3, 'ref-a')]);
    await log.record([event(4, 'ref-a')]);
    const mine = await log.entriesFor((ref) => ref === 'ref-a');
    expect(mine.map((e) => e.index)).toEqual([0, 3, 4]);
    for (const e of mine) {
      expect(e.entry.subjectRef).toBe('ref-a');
      expect(verifyInclusion(e.leafHash, e.index, e.head.size, e.proof, e.head.rootHash)).toEqual({
        ok: true,
      });
    }
  });

  it('refuses events that carry personal data', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    expect(() =>
      log.record([{ type: 'admin.action', details: { note: 'wrote to jane@example.com' } }]),
    ).toThrow(/personal data/);
    expect(() =>
      log.record([{ type: 'admin.action', details: { accounts: ['GB82 WEST 1234 5698 7654 32'] } }]),
    ).toThrow(/personal data/);
    expect(() => log.record([{ type: 'admin.action', details: { note: 'call 05978513 about it' } }])).toThrow(
      /personal data/,
    );
    expect(log.head().size).toBe(0);
  });

  it('takes UUIDs for the identifiers they are, even those whose digits look like a phone number', async () => {
    const log = await TransparencyLog.open(storage, keys, origin);
    const before = log.head().size;
    await log.record([
      { type: 'campaign.approved', details: { campaign: '05978513-d19f-4729-b0b0-d2006415ee89' } },
      { type: 'question.answered', details: { admission: 'delivery:8d90464d-0927-4734-975f-e1513085e66c' } },
    ]);
    expect(log.head().size).toBe(before + 2);
    expect(() =>
      log.record([
        { type: 'admin.action', details: { note: 'call 05978513 re 8d90464d-0927-4734-975f-e1513085e66c' } },
      ]),
    ).toThrow(/personal data/);
  });
});
