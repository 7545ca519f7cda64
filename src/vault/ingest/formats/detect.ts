// Guesses a statement file's format from its first bytes, with the file name's extension as a hint.
import type { StatementFormat } from '../../../core/transaction.ts';

const extensionHints: Readonly<Record<string, StatementFormat>> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  xml: 'camt053',
  camt: 'camt053',
  ofx: 'ofx',
  qfx: 'ofx',
  json: 'fdx',
};

function extensionOf(fileName: string): StatementFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? undefined : extensionHints[fileName.slice(dot + 1).toLowerCase()];
}

/** The head as text: UTF-16 when it starts with a byte-order mark, else Latin-1 (exact for ASCII markers). */
function headText(firstBytes: Buffer): string {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return firstBytes.subarray(2).toString('utf16le');
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) {
    const swapped = Buffer.from(firstBytes.subarray(2, firstBytes.length - (firstBytes.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  const text = firstBytes.toString('latin1');
  return text.startsWith('\xef\xbb\xbf') ? text.slice(3) : text;
}

/** Control characters other than tab, line breaks and form feed: a binary file, not a statement. */
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) return true;
  }
  return false;
}

/**
 * Sniffs the content: an OFX header or <OFX> element, an ISO 20022 camt namespace, a JSON object or
 * array; other text is CSV. The extension decides only what the content leaves open (an empty
 * file, XML of an unknown kind).
 */
export function detectFormat(firstBytes: Buffer, fileName: string): StatementFormat | undefined {
  const hint = extensionOf(fileName);
  const text = headText(firstBytes);
  const start = text.trimStart();
  if (start === '') return hint;
  if (/^OFXHEADER\s*:/m.test(text.slice(0, 2048)) || /<\?OFX\b|<OFX>/i.test(text)) return 'ofx';
  if (start.startsWith('{') || start.startsWith('[')) return 'fdx';
  if (start.startsWith('<')) {
    if (/urn:iso:std:iso:20022:tech:xsd:camt\./.test(text) || /<(?:\w+:)?BkToCstmrStmt\b/.test(text))
      return 'camt053';
    return hint === 'camt053' || hint === 'ofx' ? hint : undefined;
  }
  if (looksBinary(start)) return undefined;
  return hint === 'ofx' || hint === 'camt053' || hint === 'fdx' ? hint : 'csv';
}
