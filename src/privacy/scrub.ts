// Free-text PII scrubber: emails, IBANs, card numbers and phone numbers become tokens (`scrubFreeText`), and memo
// and counterparty fields also lose names, national ids, addresses and dates of birth (`scrubMemo`).
import { luhnValid } from './pii/checksums.ts';
import { redactPii } from './pii/detector.ts';

export { luhnValid };

export type PiiKind = 'email' | 'iban' | 'card' | 'phone';

export const piiTokens: Readonly<Record<PiiKind, string>> = {
  email: '[email]',
  iban: '[iban]',
  card: '[card]',
  phone: '[phone]',
};

/**
 * Replaces emails, IBANs (mod-97 valid), payment card numbers (Luhn valid, 13–19 digits) and phone
 * numbers with `[email]`, `[iban]`, `[card]`, `[phone]`. Idempotent. Text without '@' and with
 * fewer than seven digits is returned as is without running any pattern (the common case).
 */
export function scrubFreeText(text: string): string {
  let signals = piiSignals(text);
  if (signals < 7) return text;
  // Each pass replaces digits or '@' by a token holding neither, so this ends; repeating until
  // nothing changes makes the result a fixed point (one pass can expose a boundary for another).
  for (;;) {
    const next = scrubOnce(text, signals);
    if (next === text) return text;
    text = next;
    signals = piiSignals(text);
    if (signals < 7) return text;
  }
}

// Verdicts of `scrubMemo` per distinct text: merchant names and memo lines repeat across millions of rows.
const memoCache = new Map<string, string>();
const maxMemoCache = 50_000;

/**
 * Scrubs a memo or counterparty field at ingest: everything the PII detector finds (names, emails, phones, IBANs,
 * cards, national ids, postal addresses, dates of birth) becomes a token ("[name]", "[address]", …), then the
 * patterns of `scrubFreeText` run over the rest. Merchant names stay intact ("John Lewis" is a shop); `allow`
 * adds the bank's own merchant catalogue. Idempotent.
 */
export function scrubMemo(text: string, allow?: readonly string[]): string {
  if (allow !== undefined) return scrubFreeText(redactPii(text, { allow }));
  let scrubbed = memoCache.get(text);
  if (scrubbed === undefined) {
    scrubbed = scrubFreeText(redactPii(text));
    if (memoCache.size >= maxMemoCache) memoCache.clear();
    memoCache.set(text, scrubbed);
  }
  return scrubbed;
}

/** True when `scrubFreeText` would change the text. */
export function containsPii(text: string): boolean {
  const signals = piiSignals(text);
  return signals >= 7 && scrubOnce(text, signals) !== text;
}

// A UUID identifies a campaign, offer or request, never a person, though its digit groups can look like a
// phone number (about 1.5% of random ones do).
const uuids = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;

/** `containsPii` of machine-written text (log events, what the hub holds): UUIDs, alone or in labels, set aside. */
export function containsPiiBesidesIds(text: string): boolean {
  return containsPii(text.replace(uuids, 'uuid'));
}

/**
 * The cheap pre-check, one pass over the characters. Infinity if there is an '@' (emails);
 * otherwise the number of digits (phones need seven, card numbers thirteen), raised to seven when
 * two letters and two digits start a word, as an IBAN does (a BBAN may be mostly letters).
 */
function piiSignals(text: string): number {
  let digits = 0;
  let ibanLike = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (!ibanLike && i >= 2 && isAsciiLetter(text.charCodeAt(i - 1)))
        ibanLike = ibanStartsAt(text, i - 2, 0);
    } else if (c === 64) {
      return Infinity;
    }
  }
  return ibanLike && digits < 7 ? 7 : digits;
}

/** Two letters starting a word, then two digits: where an IBAN could start. `floor`: a boundary. */
function ibanStartsAt(text: string, start: number, floor: number): boolean {
  return (
    isAsciiLetter(text.charCodeAt(start)) &&
    isAsciiLetter(text.charCodeAt(start + 1)) &&
    isDigit(text.charCodeAt(start + 2)) &&
    isDigit(text.charCodeAt(start + 3)) &&
    (start === floor || !isWordChar(text, start - 1))
  );
}

function scrubOnce(text: string, signals: number): string {
  return scrubNumbers(signals === Infinity ? text.replace(emailPattern, piiTokens.email) : text);
}

// ---------------------------------------------------------------------------------------------
// Emails. The lookbehind anchors the local part at a boundary, which keeps matching linear.

const emailPattern =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// ---------------------------------------------------------------------------------------------
// IBANs: two letters, two check digits, then exactly the country's length of letters and digits,
// single spaces allowed between them; valid only if the mod-97 check holds.

const ibanLengths = new Map<string, number>(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 ' +
    'DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 ' +
    'IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 ' +
    'MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 ' +
    'SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/** Mod-97 check of a compact, upper-case IBAN. */
export function isValidIban(iban: string): boolean {
  const length = ibanLengths.get(iban.slice(0, 2));
  if (length === undefined || iban.length !== length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    remainder = c <= 57 ? (remainder * 10 + (c - 48)) % 97 : (remainder * 100 + (c - 55)) % 97;
  }
  return remainder === 1;
}

/** Value of an IBAN character in the mod-97 check: 0–9, A=10 … Z=35; -1 for anything else. */
function ibanValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

function mod97Step(remainder: number, value: number): number {
  return value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
}

/** End of a valid IBAN starting at `start`, or -1. Checks mod-97 without building a string. */
function ibanEnd(text: string, start: number): number {
  const length = ibanLengths.get(text.slice(start, start + 2).toUpperCase());
  if (length === undefined) return -1;
  let remainder = 0;
  let count = 4;
  let i = start + 4;
  while (count < length && i < text.length) {
    if (text.charCodeAt(i) === 32) i++;
    const value = ibanValue(text.charCodeAt(i));
    if (value < 0) return -1;
    remainder = mod97Step(remainder, value);
    count++;
    i++;
  }
  if (count !== length) return -1;
  for (let k = start; k < start + 4; k++) remainder = mod97Step(remainder, ibanValue(text.charCodeAt(k)));
  return remainder === 1 ? i : -1;
}

// ---------------------------------------------------------------------------------------------
// Numbers. One scan finds runs of digit groups joined by short gaps of " -./()" (at most one of
// "-./" per gap). Per run, in this order:
// - IBAN: the run starts right after two letters (the check digits) and the text from those letters
//   is a valid IBAN of the country's length;
// - card: a window of whole groups joined by single spaces or dashes, 13–19 digits, Luhn valid;
// - phone: starts at a group that begins with 0 (trunk prefix, or 00 + country code), after a '+',
//   after a word like "Tel:", or is a North American 3-3-4; spans 7–15 digits (E.164).
// Date-shaped groups (2024-01-15, 15.01.2024, 01/2024) are never part of a phone; runs that do not
// start with 0 (references, amounts, postcodes) are no phone.

interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly token: string;
}

/** The digit groups of `text` between `start` and `end`. */
function groupsIn(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let i = start;
  while (i < end) {
    while (i < end && !isDigit(text.charCodeAt(i))) i++;
    const from = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i > from) groups.push({ start: from, end: i, digits: text.slice(from, i) });
  }
  return groups;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function scrubNumbers(text: string): string {
  let out = '';
  let copied = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (i - 2 >= copied && ibanStartsAt(text, i - 2, copied)) {
      const end = ibanEnd(text, i - 2);
      if (end > 0) {
        out += text.slice(copied, i - 2) + piiTokens.iban;
        copied = i = end;
        continue;
      }
    }
    // The run starting at i, and its digit count.
    let runEnd = i;
    let digitCount = 0;
    for (;;) {
      while (runEnd < n && isDigit(text.charCodeAt(runEnd))) {
        runEnd++;
        digitCount++;
      }
      let r = runEnd;
      while (r < n && r - runEnd < 3 && isGapChar(text.charCodeAt(r))) r++;
      if (r < n && r > runEnd && isDigit(text.charCodeAt(r)) && isGap(text.slice(runEnd, r))) {
        runEnd = r;
        continue;
      }
      break;
    }
    const start = i;
    i = runEnd;
    if (digitCount < 7) continue;
    const spans = runSpans(text, start, runEnd, digitCount, copied);
    for (const span of spans) {
      out += text.slice(copied, span.start) + span.token;
      copied = span.end;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Cards and phones in the run [start, end), in order. `floor`: text before it is already replaced. */
function runSpans(text: string, start: number, end: number, digitCount: number, floor: number): Span[] {
  let prefixStart = start;
  if (prefixStart - 1 >= floor && text[prefixStart - 1] === '(') prefixStart--;
  let plus = false;
  if (prefixStart - 1 >= floor && text[prefixStart - 1] === '+') {
    plus = true;
    prefixStart--;
  } else if (prefixStart - 2 >= floor && text[prefixStart - 1] === ' ' && text[prefixStart - 2] === '+') {
    plus = true;
    prefixStart -= 2;
  }
  const boundary = prefixStart === floor || !isWordChar(text, prefixStart - 1);
  const leadingZero = text.charCodeAt(start) === 48;
  // Fast path: one group of 7–12 digits is a phone only after '+' or a word like "Tel".
  if (end - start === digitCount && digitCount < 13 && !plus && !leadingZero) {
    if (!boundary || !afterPhoneWord(text, prefixStart)) return [];
  }

  const groups = groupsIn(text, start, end);
  const taken = new Array<boolean>(groups.length).fill(false);
  const spans: Span[] = [];
  // A number written after '+' is a phone number, never a card.
  if (digitCount >= 13 && !plus) {
    for (let k = 0; k < groups.length; k++) {
      let digits = '';
      let found = -1;
      for (let j = k; j < groups.length && digits.length + groups[j]!.digits.length <= 19; j++) {
        if (j > k && !isCardGap(gapBefore(text, groups, j))) break;
        digits += groups[j]!.digits;
        if (digits.length >= 13 && luhnValid(digits)) found = j;
      }
      if (found < 0) continue;
      spans.push({ start: groups[k]!.start, end: groups[found]!.end, token: piiTokens.card });
      for (let j = k; j <= found; j++) taken[j] = true;
      k = found;
    }
  }

  markDates(text, groups, taken);
  for (let k = 0; k < groups.length; k++) {
    if (taken[k] === true || (k === 0 && !boundary)) continue;
    const anyStart = k === 0 && (plus || (!leadingZero && afterPhoneWord(text, prefixStart)));
    const last = phoneWindow(groups, taken, k, anyStart);
    if (last < 0) continue;
    let from = k === 0 ? prefixStart : groups[k]!.start;
    if (k > 0 && text[from - 1] === '(') from--;
    const to = groups[last]!.end;
    // An opening parenthesis belongs to the phone only if it is closed inside it.
    if (text[from] === '(' && !text.slice(from, to).includes(')')) from++;
    spans.push({ start: from, end: to, token: piiTokens.phone });
    k = last;
  }
  return spans.length > 1 ? spans.sort((a, b) => a.start - b.start) : spans;
}

function isCardGap(gap: string): boolean {
  return gap === ' ' || gap === '-';
}

const phoneWords = new Set([
  'tel',
  'telefon',
  'telephone',
  'phone',
  'fon',
  'fax',
  'mobil',
  'mobile',
  'handy',
  'cell',
]);

/** "Tel. ", "phone: ", "Mobil Nr. " right before `end`. */
function afterPhoneWord(text: string, end: number): boolean {
  let i = end;
  for (let words = 0; words < 2; words++) {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === ':' || text[i - 1] === '.')) i--;
    const wordEnd = i;
    while (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) i--;
    const word = text.slice(i, wordEnd).toLowerCase();
    if (phoneWords.has(word)) return i === 0 || !isWordChar(text, i - 1);
    if (word !== 'nr' && word !== 'no') return false;
  }
  return false;
}

function isGapChar(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41;
}

function isGap(gap: string): boolean {
  if (gap.length === 0 || gap.length > 3 || gap.includes('  ')) return false;
  let punctuation = 0;
  for (const c of gap) {
    if (c === '-' || c === '.' || c === '/') punctuation++;
    else if (c !== ' ' && c !== '(' && c !== ')') return false;
  }
  return punctuation <= 1;
}

function isWordChar(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(text[index] ?? '');
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The text between group k - 1 and group k. */
function gapBefore(text: string, groups: readonly Group[], k: number): string {
  return text.slice(groups[k - 1]!.end, groups[k]!.start);
}

/** Marks groups that form a date: never part of a phone number. */
function markDates(text: string, groups: readonly Group[], blocked: boolean[]): void {
  for (let k = 0; k + 1 < groups.length; k++) {
    const a = groups[k]!.digits.length;
    const b = groups[k + 1]!.digits.length;
    const s1 = gapBefore(text, groups, k + 1);
    if (s1.length !== 1 || !'-./'.includes(s1)) continue;
    if (k + 2 < groups.length && gapBefore(text, groups, k + 2) === s1) {
      const c = groups[k + 2]!.digits.length;
      if ((a <= 2 && b <= 2 && (c === 2 || c === 4)) || (a === 4 && b <= 2 && c <= 2)) {
        blocked[k] = blocked[k + 1] = blocked[k + 2] = true;
        continue;
      }
    }
    if (a <= 2 && b === 4 && /^(?:19|20)/.test(groups[k + 1]!.digits) && s1 !== '-') {
      blocked[k] = blocked[k + 1] = true;
    }
  }
}

/** Index of the last group of a phone starting at group k, or -1. */
function phoneWindow(
  groups: readonly Group[],
  blocked: readonly boolean[],
  k: number,
  anyStart: boolean,
): number {
  const first = groups[k]!.digits;
  // "000…" is no dialling prefix (country codes start 1–9): a reference with leading zeros.
  if (anyStart || (first.charCodeAt(0) === 48 && !first.startsWith('000'))) {
    let digits = 0;
    let last = -1;
    for (let j = k; j < groups.length && blocked[j] !== true; j++) {
      digits += groups[j]!.digits.length;
      if (digits > 15) break;
      if (digits >= 7) last = j;
    }
    return last;
  }
  // North American 3-3-4, optionally after a country code 1: "(202) 555-0143", "1-800-555-0199".
  const shape = first === '1' ? k + 1 : k;
  const a = groups[shape];
  const b = groups[shape + 1];
  const c = groups[shape + 2];
  if (a === undefined || b === undefined || c === undefined) return -1;
  if (blocked[shape] === true || blocked[shape + 1] === true || blocked[shape + 2] === true) return -1;
  if (a.digits.length !== 3 || b.digits.length !== 3 || c.digits.length !== 4) return -1;
  if (a.digits.charCodeAt(0) < 50) return -1;
  return shape + 2;
}
