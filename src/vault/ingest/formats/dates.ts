// Calendar dates from statement text: fixed layouts such as DD.MM.YYYY, ISO date-times and OFX date-times.

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
