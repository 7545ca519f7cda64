// The log's entries are the canonical JSON (RFC 8785) of the events it recorded, byte for byte as the
// `canonicalize` library writes them, and hash to their stored leaves; personal data is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, JsonValue } from '../core/audit-event.ts';
import type { Storage } from '../storage/ports.ts';
import { openPgliteStorage } from '../storage/pglite/pglite-storage.ts';
import { migrate } from '../storage/postgres-core/migrations.ts';
import { LocalKeyFile } from '../keys/local-key-file.ts';
import { TransparencyLog } from './audit-log.ts';
import { leafHash } from './merkle.ts';
import { verifyInclusion } from './verify.ts';

// Short strings with few digits and no '@' (no personal data), with quotes, escapes, tabs, non-ASCII (no NUL:
// PostgreSQL text refuses it in subject_ref).
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', '-', '1', '"', '\\', '\t', '\n', '\u0001', 'é', '😀', '\u2028', ' '),
  maxLength: 6,
});
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(text, tie('json'), { maxKeys: 4 }),
  ),
}));
const event: fc.Arbitrary<AuditEvent> = fc.record(
  {
    type: fc.constantFrom('question.asked', 'message.sent', 'admin.action'),
    subjectRef: text,
    details: fc.dictionary(text, json as fc.Arbitrary<JsonValue>, { maxKeys: 5 }),
  },
  { requiredKeys: ['type', 'details'] },
);

describe('transparency log entries', () => {
  let directory: string;
  let storage: Storage;
  let log: TransparencyLog;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'curtain-audit-log-'));
    storage = await openPgliteStorage({ dataDirectory: join(directory, 'db') });
    const migrated = await migrate(storage);
    if (!migrated.ok) throw new Error(migrated.reason);
    log = await TransparencyLog.open(storage, await LocalKeyFile.open(join(directory, 'keys')), 'test/log');
  });
  afterAll(async () => {
    await storage.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('stores the canonical JSON of random events, with leaves and proofs that verify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 40 }), async (events) => {
        const start = log.head().size;
        await log.record(events);
        const head = log.head();
        expect(head.size).toBe(start + events.length);
        for (const [i, recorded] of events.entries()) {
          const proven = (await log.entry(start + i))!;
          const { at } = proven.entry;
          const expected = canonicalize({ at, ...recorded });
          expect(proven.json).toBe(expected);
          expect(proven.leafHash).toEqual(leafHash(Buffer.from(expected!, 'utf8')));
          expect(verifyInclusion(proven.leafHash, start + i, head.size, proven.proof, head.rootHash)).toEqual(
            {
              ok: true,
            },
          );
        }
      }),
      { numRuns: 15 },
    );
    expect(await log.verifyAll()).toMatchObject({ ok: true, size: log.head().size });
  });

  it('refuses a NaN in one caller without failing the others of its batch', async () => {
    const size = log.head().size;
    const good = log.record([{ type: 'admin.action', details: { n: 1 } }]);
    const bad = log.record([{ type: 'admin.action', details: { n: NaN } }]);
    await expect(bad).rejects.toThrow(/NaN/);
    await good;
    expect(log.head().size).toBe(size + 1);
  });

  it('refuses personal data in keys, values and nested arrays, each time it is seen', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => log.record([{ type: 'admin.action', details: { 'jane@example.com': 1 } }])).toThrow(
        /personal data/,
      );
      expect(() =>
        log.record([{ type: 'admin.action', details: { a: [{ b: ['call 020 7946 0018'] }] } }]),
      ).toThrow(/personal data/);
    }
  });
});
