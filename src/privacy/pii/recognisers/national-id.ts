// National identity numbers of a few markets, each with its own check: UK NINO, US SSN, DE Steuer-ID (digit rule
// and MOD 11,10), NL BSN (11-check), FR NIR (key mod 97). The weaker the check, the more the score leans on context.
import { isValidBsn, isValidNino, isValidNir, isValidSsn, isValidSteuerId } from '../checksums.ts';
import type { Candidate, ContextRule, Recogniser } from '../types.ts';

const negative = [
  'order',
  'ref',
  'reference',
  'invoice',
  'sku',
  'ean',
  'item',
  'mandate',
  'customer no',
  'vertragsnr',
  'bestellnr',
  'art.-nr',
  'artikel',
  'tracking',
  'build',
  'acct',
  'sort code',
];

const generic = ['id', 'identity', 'id document', 'document', 'passport', 'tax'];

function context(...positive: string[]): ContextRule {
  return { positive: [...positive, ...generic], negative, boost: 0.35, penalty: 0.6 };
}

/** A recogniser of one id: `shape` finds candidates, `valid` checks the compact form. */
function idRecogniser(
  name: string,
  shape: RegExp,
  valid: (compact: string, match: RegExpExecArray) => boolean,
  base: number,
  rule: ContextRule,
): Recogniser {
  return {
    entity: 'national_id',
    context: rule,
    find(text: string): Candidate[] {
      const found: Candidate[] = [];
      for (const m of text.matchAll(shape)) {
        const compact = m[0].replace(/[\s-]/g, '').toUpperCase();
        if (valid(compact, m))
          found.push({ start: m.index, end: m.index + m[0].length, base, recogniser: name });
      }
      return found;
    },
  };
}

const boundary = '(?<![\\p{L}\\p{N}])';
const end = '(?![\\p{L}\\p{N}])';

export const nationalIdRecognisers: readonly Recogniser[] = [
  idRecogniser(
    'national_id/nino',
    new RegExp(`${boundary}[A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d]${end}`, 'gu'),
    isValidNino,
    0.6,
    context('ni', 'nino', 'national insurance', 'ni number', 'ni no'),
  ),
  idRecogniser(
    'national_id/ssn',
    new RegExp(`${boundary}(\\d{3})-(\\d{2})-(\\d{4})${end}`, 'gu'),
    (_compact, m) => isValidSsn(m[1]!, m[2]!, m[3]!),
    0.5,
    context('ssn', 'social security', 'soc sec'),
  ),
  idRecogniser(
    'national_id/steuer_id',
    new RegExp(`${boundary}(?:\\d{11}|\\d{2} \\d{3} \\d{3} \\d{3})${end}`, 'gu'),
    isValidSteuerId,
    0.5,
    context(
      'steuer-id',
      'steuerid',
      'steueridentifikationsnummer',
      'idnr',
      'identifikationsnummer',
      'tin',
      'tax id',
    ),
  ),
  idRecogniser(
    'national_id/bsn',
    new RegExp(`${boundary}(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3} \\d{3} \\d{3})${end}`, 'gu'),
    (compact) => isValidBsn(compact.replace(/\./g, '')),
    0.3,
    context('bsn', 'burgerservicenummer', 'sofinummer', 'sofi'),
  ),
  idRecogniser(
    'national_id/nir',
    new RegExp(`${boundary}[12] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}${end}`, 'gu'),
    isValidNir,
    0.6,
    context('nir', 'sécurité sociale', 'securite sociale', 'sécu', 'secu', 'insee', 'carte vitale'),
  ),
];
