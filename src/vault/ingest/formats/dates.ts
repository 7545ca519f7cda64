// Calendar dates from statement text: fixed layouts such as DD.MM.YYYY, patterns with two-digit years and month
// names (DD MMM YY), ISO date-times and OFX date-times.

export const dateFormats = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'YYYYMMDD',
  'DD-MM-YYYY',
  'YYYY/MM/DD',
] as const;

export type DateFormat = (typeof dateFormats)[number];

/**
 * Two-digit years: YY at or above the pivot is 19YY, below it 20YY. The default 69 is POSIX strptime's
 * `%y` rule (69–99 → 1969–1999, 00–68 → 2000–2068).
 */
export const defaultTwoDigitYearPivot = 69;

export interface DatePatternOptions {
  /** See `defaultTwoDigitYearPivot`. */
  readonly twoDigitYearPivot?: number;
  /** A BCP 47 language whose month names `MMM` accepts, besides English ones ("de", "fr", "cs"…). */
  readonly monthLanguage?: string;
}

/** Reads a date in a fixed layout, returning YYYY-MM-DD, or undefined when the text is not a real date. */
export type DateReader = (text: string) => string | undefined;

const zero = 48;

function digitAt(text: string, index: number): number {
  const d = text.charCodeAt(index) - zero;
  return d >= 0 && d <= 9 ? d : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Checks a year, month and day and formats them; years 1000–9999 only, so typos such as 0024 are caught. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  return isRealDate(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : undefined;
}

/** Reads two digits at `index`, or -1. */
function twoDigits(text: string, index: number): number {
  const a = digitAt(text, index);
  const b = digitAt(text, index + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function fourDigits(text: string, index: number): number {
  const high = twoDigits(text, index);
  const low = twoDigits(text, index + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

const patternToken = /YYYY|YY|MMM+|MM|M|DD|D/g;

/** Why a date pattern cannot be used, or undefined when it can. */
export function datePatternProblem(pattern: string): string | undefined {
  const tokens = pattern.match(patternToken) ?? [];
  const years = tokens.filter((t) => t.startsWith('Y')).length;
  const months = tokens.filter((t) => t.startsWith('M')).length;
  const days = tokens.filter((t) => t.startsWith('D')).length;
  if (years !== 1 || months !== 1 || days !== 1) {
    return 'a date pattern needs exactly one year (YYYY or YY), one month (MM, M or MMM) and one day (DD or D)';
  }
  if (/[A-Za-z]/.test(pattern.replace(patternToken, ''))) {
    return 'a date pattern may hold only YYYY, YY, MM, M, MMM, DD, D and separators';
  }
  return undefined;
}

/** Lower case, without accents or a trailing dot: "Févr." and "fevr" compare equal. */
function foldMonthName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
}

/** Month names by folded name: long and short, standalone and inside a date (Czech "leden" and "ledna"). */
export function monthNames(language: string): ReadonlyMap<string, number> {
  const names = new Map<string, number>();
  for (const locale of language === 'en' ? ['en'] : ['en', language]) {
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2024, month, 15));
      for (const style of ['long', 'short'] as const) {
        const alone = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(date);
        const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: style, timeZone: 'UTC' });
        const inDate = parts.formatToParts(date).find((part) => part.type === 'month')?.value ?? alone;
        for (const name of [alone, inDate]) if (!/\d/.test(name)) names.set(foldMonthName(name), month + 1);
      }
    }
  }
  return names;
}

/**
 * Compiles a pattern such as "YYMMDD", "D.M.YY" or "DD MMM YYYY" into a reader. M and D take one or two
 * digits, MMM a month name (see `monthNames`), YY a two-digit year (see `defaultTwoDigitYearPivot`); a
 * space matches any run of white space; a time part after the date is ignored, as in `dateReader`.
 */
export function datePatternReader(pattern: string, options: DatePatternOptions = {}): DateReader {
  const problem = datePatternProblem(pattern);
  if (problem !== undefined) throw new Error(problem);
  const pivot = options.twoDigitYearPivot ?? defaultTwoDigitYearPivot;
  const names = monthNames(options.monthLanguage ?? 'en');
  const groups: string[] = [];
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(patternToken)) {
    source += escapeLiteral(pattern.slice(last, match.index));
    const token = match[0];
    groups.push(token);
    source += tokenSource[token] ?? '(\\p{L}+\\.?)';
    last = match.index + token.length;
  }
  source += escapeLiteral(pattern.slice(last));
  const regex = new RegExp(`^\\s*${source}(?:[T ].*)?$`, 'u');
  return (text) => {
    const found = regex.exec(text);
    if (found === null) return undefined;
    let year = -1;
    let month = -1;
    let day = -1;
    for (let i = 0; i < groups.length; i++) {
      const token = groups[i]!;
      const value = found[i + 1]!;
      if (token === 'YYYY') year = Number(value);
      else if (token === 'YY') year = Number(value) + (Number(value) >= pivot ? 1900 : 2000);
      else if (token.startsWith('D')) day = Number(value);
      else month = token.length >= 3 ? (names.get(foldMonthName(value)) ?? -1) : Number(value);
    }
    return isoDate(year, month, day);
  };
}

const tokenSource: Readonly<Record<string, string>> = {
  YYYY: '(\\d{4})',
  YY: '(\\d{2})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  DD: '(\\d{2})',
  D: '(\\d{1,2})',
};

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
}

/** The reader for a mapping's `dateFormat`: the fast fixed-layout reader where it applies, else a pattern. */
export function readerForFormat(format: string, options: DatePatternOptions = {}): DateReader {
  return (dateFormats as readonly string[]).includes(format)
    ? dateReader(format as DateFormat)
    : datePatternReader(format, options);
}

/**
 * Compiles a layout into a reader. Text longer than the layout is accepted when a time part follows
 * ('T' or a space): the date is taken as written, without time-zone conversion.
 */
export function dateReader(format: DateFormat): DateReader {
  const length = format.length;
  const yearAt = format.indexOf('YYYY');
  const monthAt = format.indexOf('MM');
  const dayAt = format.indexOf('DD');
  const literals: [index: number, code: number][] = [];
  for (let i = 0; i < length; i++) {
    if (!'YMD'.includes(format[i]!)) literals.push([i, format.charCodeAt(i)]);
  }
  const isPlainIso = format === 'YYYY-MM-DD';
  return (text) => {
    if (text.length !== length) {
      if (text.length < length) return undefined;
      const next = text.charCodeAt(length);
      if (next !== 84 /* T */ && next !== 32 /* space */) return undefined;
    }
    for (const [index, code] of literals) if (text.charCodeAt(index) !== code) return undefined;
    const year = fourDigits(text, yearAt);
    const month = twoDigits(text, monthAt);
    const day = twoDigits(text, dayAt);
    if (!isRealDate(year, month, day)) return undefined;
    if (isPlainIso) return text.length === length ? text : text.slice(0, length);
    return `${year}-${pad2(month)}-${pad2(day)}`;
  };
}

/** ISO 8601 date or date-time (camt, FDX): the date part as written. */
export const readIsoDate: DateReader = dateReader('YYYY-MM-DD');

const readCompactDate = dateReader('YYYYMMDD');

/** OFX date-time, e.g. 20240115120000.000[-5:EST]: the date part (first eight digits) as written. */
export const readOfxDate: DateReader = (text) => readCompactDate(text.length > 8 ? text.slice(0, 8) : text);
