// Ingest batches in the transparency log (an HMAC of the file under a vault key, row counts as bands only), and
// the log exported as the exact bytes that were hashed, with proofs in one encoding (base64), on both engines.
import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/log-entries.ts';
import { leafHash } from '../../src/audit/merkle.ts';
import { verifyInclusion } from '../../src/audit/verify.ts';
import { countBand, fileHmacKey } from '../../src/vault/ingest/batch-log.ts';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { openHarness, type Harness } from '../http/harness.ts';

const parsed = parseCsvMapping({
  account: { value: 'FR7630006000011234567890189' },
  defaultCurrency: 'EUR',
  dateFormat: 'DD MMM YYYY',
  monthLanguage: 'fr',
  decimalSeparator: ',',
  delimiter: ';',
  amount: { style: 'signed', column: 'montant' },
  columns: { bookingDate: 'date', description: 'libellé' },
});
if (!parsed.ok) throw new Error(parsed.error);
const mapping = parsed.value;
const file = Buffer.from(
  'date;montant;libellé\n02 nov. 2026;-42,10;PRLV EDF FACTURE ELECTRICITE\n03 nov. 2026;1800;VIREMENT SALAIRE\n' +
    '04 nov. 2026;-60;RETRAIT DAB\n31 févr. 2026;-1;X\n',
);

describe('count bands', () => {
  it('show orders of magnitude, never the count', () => {
    expect([0, 1, 9, 10, 99, 100, 12_004].map(countBand)).toEqual([
      '0',
      '1-9',
      '1-9',
      '10-99',
      '10-99',
      '100-999',
      '10000-99999',
    ]);
  });
});

describe.each(testBackends)('the log as bytes on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(() => h.dispose());

  it('records each batch with the file’s HMAC under a vault key and its row counts as bands', async () => {
    const summary = await h.vault.ingest.ingestStream(Readable.from([file]), {
      sourceName: 'releve-dupont.csv',
      mapping,
    });
    expect(summary).toMatchObject({ status: 'partial', stored: 3, quarantined: 1 });
    const size = h.vault.audit.head().size;
    const logged = (await h.vault.audit.entries(0, size))
      .map((e) => e.entry as AuditEntry)
      .filter((e) => e.type === 'ingest.batch' && e.details['batch'] === summary.batchId);
    expect(logged).toHaveLength(1);
    const details = logged[0]!.details;
    const key = fileHmacKey(h.vault.keys.secret('token'));
    expect(details).toEqual({
      subject: 'statements',
      batch: summary.batchId,
      format: 'csv',
      status: 'partial',
      sourceHmac: createHmac('sha256', key).update('releve-dupont.csv').digest('base64'),
      fileHmac: createHmac('sha256', key).update(file).digest('base64'),
      rows: { read: '1-9', stored: '1-9', duplicates: '0', quarantined: '1-9', pastRetention: '0' },
    });
    // Not a bare hash: who holds a guess of the file cannot confirm it from the log.
    expect(details['fileHmac']).not.toBe(createHash('sha256').update(file).digest('base64'));
    const text = JSON.stringify(logged[0]);
    expect(text).not.toContain('dupont');
    expect(text).not.toMatch(/"(?:read|stored|quarantined)":\s*\d/);
  });

  it('exports entries as the exact bytes that were hashed, over the API and through the log, with base64 proofs', async () => {
    const size = h.vault.audit.head().size;
    const response = await h.inject({
      method: 'GET',
      url: `/v1/audit/export?from=0&limit=${size}`,
      headers: h.staff.compliance,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.rawPayload.toString('utf8').split('\n').slice(0, -1);
    expect(lines).toHaveLength(size);
    expect(lines).toEqual(await h.vault.audit.exportEntries(0, size));
    const last = size - 1;
    const proven = await h.inject({
      method: 'GET',
      url: `/v1/audit/entries/${last}`,
      headers: h.staff.compliance,
    });
    const body = proven.json<{
      leafHash: string;
      proof: string[];
      head: { size: number; rootHash: string };
    }>();
    const leaf = leafHash(Buffer.from(lines[last]!, 'utf8'));
    expect(body.leafHash).toBe(leaf.toString('base64'));
    expect(
      verifyInclusion(
        leaf,
        last,
        body.head.size,
        body.proof.map((p) => Buffer.from(p, 'base64')),
        Buffer.from(body.head.rootHash, 'base64'),
      ),
    ).toEqual({ ok: true });
    const head = (
      await h.inject({ method: 'GET', url: '/v1/audit/head', headers: h.staff.compliance })
    ).json<{
      rootHash: string;
      checkpoint: string;
    }>();
    // The same encoding as the signed checkpoint's root line.
    expect(head.checkpoint.split('\n')[2]).toBe(head.rootHash);
  });
});
