import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatementFormat } from '../../../core/transaction.ts';
import { generatedBankCsvMapping, parsers } from './index.ts';
import { chunkedStream, collect } from './test-support.ts';

const formats: StatementFormat[] = ['csv', 'camt053', 'ofx', 'fdx'];

describe('parsers', () => {
  it('has a parser for every format', () => {
    expect(Object.keys(parsers).sort()).toEqual([...formats].sort());
  });

  it('never throws on arbitrary bytes, and always ends', async () => {
    const fragments = fc.constantFrom(
      '<',
      '>',
      '</',
      '<OFX>',
      '<STMTTRN>',
      '<TRNAMT>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">',
      '<Stmt>',
      '<Ntry>',
      '{',
      '}',
      '[',
      '"accounts":',
      '"transactions":',
      ',',
      '"',
      '\n',
      '\r\n',
      '2024-01-01',
      '-1.00',
      '&amp;',
      '<![CDATA[',
      '<!--',
    );
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.array(fragments, { maxLength: 60 }).map((parts) => Buffer.from(parts.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(
        input,
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(...formats),
        async (bytes, size, format) => {
          const result = await collect(parsers[format], chunkedStream(bytes, size), {
            mapping: generatedBankCsvMapping,
          });
          for (const transaction of result.transactions) {
            expect(transaction.amountMinor).toBeGreaterThanOrEqual(0);
            expect(transaction.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
