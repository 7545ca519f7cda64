import { readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { fixtureBytes, fixtureDirectory } from './test-support.ts';

const head = (relative: string) => fixtureBytes(relative).subarray(0, 4096);

describe('detectFormat', () => {
  it('recognises every fixture by its content', () => {
    const expected = {
      camt053: 'camt053',
      'camt053-curtain': 'camt053',
      ofx: 'ofx',
      csv: 'csv',
      fdx: 'fdx',
    } as const;
    for (const [folder, format] of Object.entries(expected)) {
      for (const file of readdirSync(`${fixtureDirectory}${folder}`)) {
        if (file.startsWith('LICENSE') || file.endsWith('.mapping.json')) continue;
        expect(detectFormat(head(`${folder}/${file}`), 'upload.bin'), `${folder}/${file}`).toBe(format);
      }
    }
  });

  it('sniffs content before trusting the extension', () => {
    expect(detectFormat(Buffer.from('OFXHEADER:100\nDATA:OFXSGML\n'), 'statement.csv')).toBe('ofx');
    expect(detectFormat(Buffer.from('\ufeff{"accounts": []}'), 'x.txt')).toBe('fdx');
    expect(detectFormat(Buffer.from('  [ {"transactionId": 1} ]'), 'x')).toBe('fdx');
    expect(
      detectFormat(
        Buffer.from('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">'),
        'a.ofx',
      ),
    ).toBe('camt053');
    expect(
      detectFormat(Buffer.from('<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="211"?><OFX>'), 'a.xml'),
    ).toBe('ofx');
    expect(detectFormat(Buffer.from('date;amount\n01.01.2024;1,00\n'), 'export')).toBe('csv');
    expect(detectFormat(iconv.encode('\ufeffdate\tamount\n', 'utf-16le'), 'export')).toBe('csv');
  });

  it('uses the extension when the content leaves it open', () => {
    expect(detectFormat(Buffer.alloc(0), 'empty.ofx')).toBe('ofx');
    expect(detectFormat(Buffer.alloc(0), 'empty.csv')).toBe('csv');
    expect(detectFormat(Buffer.alloc(0), 'empty')).toBeUndefined();
    expect(detectFormat(Buffer.from('<html><body></body></html>'), 'page.xml')).toBe('camt053');
    expect(detectFormat(Buffer.from('<html><body></body></html>'), 'page.html')).toBeUndefined();
  });

  it('refuses binary files', () => {
    expect(
      detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), 'statement.zip'),
    ).toBeUndefined();
    expect(
      detectFormat(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01]), 'statement.csv'),
    ).toBeUndefined();
  });
});
