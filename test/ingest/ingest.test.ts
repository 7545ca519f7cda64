// Ingestion on every backend: real sample statements, idempotence, duplicates kept, quarantine, no plaintext PII.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultServices } from '../../src/app/vault-process.ts';
import type { IngestSummary } from '../../src/vault/ingest/ingest-service.ts';
import { parseCsvMapping } from '../../src/vault/ingest/formats/csv-mapping.ts';
import { testBackends } from '../support/backends.ts';
import { createTestVault } from '../support/test-vault.ts';
import { dumpEveryTable } from '../support/table-dump.ts';

const fixtures = join(import.meta.dirname, '../fixtures/statements');

async function statementFiles(): Promise<string[]> {
  const entries = await readdir(fixtures, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(xml|ofx|json)$/i.test(e.name) && !/mapping/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const parsedMapping = parseCsvMapping({
  account: { column: 'account' },
  currencyColumn: 'currency',
  amount: { style: 'signed', column: 'amount' },
  columns: {
    bookingDate: 'date',
    merchantName: 'merchant',
    description: 'memo',
    counterpartyName: 'counterparty',
  },
});
if (!parsedMapping.ok) throw new Error(parsedMapping.error);
const simpleMapping = parsedMapping.value;

function csv(lines: readonly string[]): Readable {
  return Readable.from([`account,date,amount,currency,merchant,memo,counterparty\n${lines.join('\n')}\n`]);
}

describe.each(testBackends)('ingest on $name', (backend) => {
  let vault: VaultServices & { dispose(): Promise<void> };
  const firstRun = new Map<string, IngestSummary>();

  beforeAll(async () => {
    // The samples are real statements from as far back as the 2000s: a retention long enough to keep them.
    vault = await createTestVault(backend, { transactionRetentionDays: 36_500 });
  });
  afterAll(async () => vault.dispose());

  it('stores each sample statement, or says clearly why not', async () => {
    for (const file of await statementFiles()) {
      const summary = await vault.ingest.ingestStream(createReadStream(file), {
        sourceName: relative(fixtures, file),
      });
      firstRun.set(file, summary);
      expect(summary.read, file).toBe(summary.stored + summary.duplicates + summary.quarantined);
      if (summary.stored + summary.duplicates === 0) {
        // Several samples are variants of one statement (duplicates); the rest, with no
        // transactions at all, are not statements, investment statements, or invalid: each says so.
        expect(summary.notices.length, `${file} stored nothing and said nothing`).toBeGreaterThan(0);
      }
    }
    const name = (suffix: string) => [...firstRun.entries()].find(([f]) => f.endsWith(suffix))?.[1];
    expect(name('camt053.v2.wrong.xml')?.status).toBe('failed');
    expect(name('signon_success.ofx')?.status).toBe('failed');
    expect(name('error_message.ofx')?.status).toBe('failed');
    expect(name('vanguard.ofx')?.notices.some((n) => n.kind === 'investment-statement')).toBe(true);
    for (const bank of [
      'bank_medium.ofx',
      'checking.ofx',
      'anzcc.ofx',
      'camt053.v2.minimal.xml',
      'camt053.v4.xml',
    ]) {
      expect(name(bank)?.stored, bank).toBeGreaterThan(0);
    }
  });

  it('adds nothing when every sample is ingested a second time', async () => {
    for (const [file, first] of firstRun) {
      const again = await vault.ingest.ingestStream(createReadStream(file), {
        sourceName: relative(fixtures, file),
      });
      expect(again.stored, file).toBe(0);
      expect(again.duplicates, file).toBe(first.stored + first.duplicates);
    }
  });

  it('keeps two genuine identical payments, and adds nothing for an overlapping statement', async () => {
    const day1 = 'NL91ABNA0417164300,2024-03-01,-4.50,EUR,Corner Coffee,,';
    const day2 = 'NL91ABNA0417164300,2024-03-02,-12.00,EUR,Bakery Jansen,,';
    const day3 = 'NL91ABNA0417164300,2024-03-03,-30.00,EUR,Fuel Stop,,';
    const first = await vault.ingest.ingestStream(csv([day1, day1, day2]), {
      sourceName: 'a.csv',
      mapping: simpleMapping,
    });
    expect(first.stored).toBe(3);
    const overlapping = await vault.ingest.ingestStream(csv([day1, day1, day2, day3]), {
      sourceName: 'b.csv',
      mapping: simpleMapping,
    });
    expect(overlapping).toMatchObject({ read: 4, stored: 1, duplicates: 3 });
  });

  it('quarantines bad rows with line, field and reason, and keeps the good ones', async () => {
    const summary = await vault.ingest.ingestStream(
      csv([
        'NL91ABNA0417164300,2024-04-01,-1.00,EUR,Good One,,',
        'NL91ABNA0417164300,2024-13-45,-2.00,EUR,Bad Date,,',
        'NL91ABNA0417164300,2024-04-02,lots,EUR,Bad Amount,,',
        'NL91ABNA0417164300,2024-04-03,-3.00,EUR,Good Two,,',
      ]),
      { sourceName: 'bad.csv', mapping: simpleMapping },
    );
    expect(summary).toMatchObject({ read: 4, stored: 2, quarantined: 2 });
    const { rows } = await vault.storage.query<{ location: string; field: string; reason_code: string }>(
      'SELECT location, field, reason_code FROM quarantine WHERE batch_id = $1 ORDER BY id',
      [summary.batchId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.location).toContain('line 3');
    expect(rows[1]!.location).toContain('line 4');
    expect(rows.map((r) => r.field).join(' ')).toMatch(/date/i);
    expect(rows.map((r) => r.field).join(' ')).toMatch(/amount/i);
  });

  it('never stores counterparty names, account numbers or PII in free text in plaintext', async () => {
    const summary = await vault.ingest.ingestStream(
      csv([
        'GB82WEST12345698765432,2024-05-01,-250.00,GBP,,Rent for May mail landlord.bigsby@example.com,Bartholomew Bigsby',
        'GB82WEST12345698765432,2024-05-02,-20.00,GBP,,Refund to DE89370400440532013000 card 4111 1111 1111 1111,Ophelia Thistlewood',
      ]),
      { sourceName: 'pii.csv', mapping: simpleMapping },
    );
    expect(summary.stored).toBe(2);
    const dump = await dumpEveryTable(vault.storage);
    for (const secret of [
      'Bigsby',
      'BIGSBY',
      'Thistlewood',
      'THISTLEWOOD',
      'landlord.bigsby@example.com',
      'DE89370400440532013000',
      '4111 1111 1111 1111',
      'GB82WEST12345698765432',
    ]) {
      expect(dump).not.toContain(secret);
    }
    const { rows } = await vault.storage.query<{ counterparty_token: Uint8Array | null }>(
      'SELECT counterparty_token FROM transactions WHERE batch_id = $1',
      [summary.batchId],
    );
    expect(rows.every((r) => r.counterparty_token?.length === 16)).toBe(true);
  });

  it('counts uncategorised rows instead of hiding them', async () => {
    const summary = await vault.ingest.ingestStream(
      csv(['NL91ABNA0417164300,2024-06-01,-9.99,EUR,Zzqx Unknown Vendor,,']),
      { sourceName: 'unknown.csv', mapping: simpleMapping },
    );
    expect(summary.uncategorised).toBe(1);
  });
});
