// Postal addresses: a house number and a street ("12 High Street", "12 rue de la Paix", "Hauptstraße 5"), extended
// by a town and a postcode when they follow; a postcode and town after the street make it surer.
import type { Candidate, Recogniser } from '../types.ts';

const word = "[\\p{Lu}][\\p{L}'’.-]*";
const englishStreet =
  'Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Gardens|Way|Boulevard|Blvd|Place|Pl|Court|Ct|Crescent|' +
  'Terrace|Grove|Square|Sq|Hill|Row|Walk|Mews|Park|Parade|View|Rise|Green';
const frenchStreet = 'rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours';
const continentalSuffix =
  'straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|straat|laan|plein|gracht|kade|singel|' +
  'dijk|hof|pad|steeg|markt|park|plantsoen';

const ukPostcode = '[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}';
const townWord = `${word}(?![\\p{L}\\p{N}])`;
const town = `${townWord}(?:[ -](?:upon|under|on|le|la|sur|am|an|der|${townWord}))*`;
/** ", Leeds LS1 4AB", ", Springfield, IL 62704", ", 75001 Paris", ", 2308 XL Doornik", ", G16 3ZA". */
const tail = new RegExp(
  `(?:,? (?:\\d{5} ${town}|\\d{4} ?[A-Z]{2} ${town}|${ukPostcode}|[A-Z]{2} \\d{5}(?:-\\d{4})?|${town}(?: ${ukPostcode})?)){1,2}`,
  'yu',
);

const numberFirst = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:Flat|Apt|Apartment|Unit|Suite) \\d{1,4}[A-Za-z]?,? )?\\d{1,4}[A-Za-z]?,? ` +
    `(?:(?:${word} ){0,3}(?:${englishStreet})\\.?|(?:${frenchStreet}) [^,;\\n\\d]{2,40}?)(?=[,;.]|$| \\p{Lu}|\\s*\\()`,
  'gu',
);

const streetFirst = new RegExp(
  `(?<![\\p{L}\\p{N}])${word}(?:[ -]${word}){0,3} \\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`,
  'gu',
);
const continentalPostcode = /, (?:\d{5}|\d{4} ?[A-Z]{2}) /y;
const hasContinentalSuffix = new RegExp(`(?:${continentalSuffix}) \\d`, 'iu');

function withTail(text: string, end: number): number {
  tail.lastIndex = end;
  const m = tail.exec(text);
  return m === null ? end : end + m[0].length;
}

export const addressRecogniser: Recogniser = {
  entity: 'address',
  context: {
    positive: [
      'lives at',
      'address',
      'adresse',
      'anschrift',
      'moved to',
      'deliver to',
      'ship to',
      'wohnt',
      'woont',
      'habite',
      'residence',
      'home',
    ],
    negative: ['store', 'branch', 'parking', 'opening', 'visit', 'event'],
    boost: 0.3,
    penalty: 0.4,
  },
  find(text: string): Candidate[] {
    if (!/\d/.test(text)) return [];
    const found: Candidate[] = [];
    for (const m of text.matchAll(numberFirst)) {
      const streetEnd = m.index + m[0].length;
      const end = withTail(text, streetEnd);
      found.push({ start: m.index, end, base: end > streetEnd ? 0.75 : 0.55, recogniser: 'address' });
    }
    for (const m of text.matchAll(streetFirst)) {
      const streetEnd = m.index + m[0].length;
      continentalPostcode.lastIndex = streetEnd;
      const postcode = continentalPostcode.test(text);
      if (!postcode && !hasContinentalSuffix.test(m[0])) continue;
      const end = postcode ? withTail(text, streetEnd) : streetEnd;
      found.push({ start: m.index, end, base: postcode ? 0.75 : 0.5, recogniser: 'address' });
    }
    return found;
  },
};
