// The declarative column mapping that tells the CSV parser how a bank's export is laid out.
import { z } from 'zod';
import { isCurrencyCode } from '../../../core/money.ts';
import { err, ok, type Result } from '../../../core/result.ts';
import { isCategoryCode, type CategoryCode } from '../../../core/taxonomy.ts';
import { datePatternProblem, defaultTwoDigitYearPivot } from './dates.ts';

/** A column by header name, or by 0-based position. */
const columnRef = z.union([z.string().min(1), z.int().min(0)], {
  error: 'expected a column name or a 0-based column index',
});

export type ColumnRef = z.infer<typeof columnRef>;

const currencyCode = z.string().refine(isCurrencyCode, { error: 'expected an ISO 4217 currency code' });

const signedAmount = z.strictObject({
  /** One column holding a signed amount. */
  style: z.literal('signed'),
  column: columnRef,
  /** What a negative amount means: 'debit' for most banks, 'credit' for card issuers that show charges as positive. */
  negativeIs: z.enum(['debit', 'credit']).default('debit'),
});

const debitCreditColumns = z.strictObject({
  /** Separate columns for money out and money in; one of them is filled per row. */
  style: z.literal('debit-credit-columns'),
  debitColumn: columnRef,
  creditColumn: columnRef,
});

const directionColumn = z.strictObject({
  /** An unsigned amount plus a column with a debit or credit marker such as "D"/"C" or "DBIT"/"CRDT". */
  style: z.literal('direction-column'),
  column: columnRef,
  directionColumn: columnRef,
  /** Compared case-insensitively after trimming. */
  debitMarkers: z.array(z.string().min(1)).min(1),
  creditMarkers: z.array(z.string().min(1)).min(1),
});

const account = z
  .strictObject({
    /** The column holding the account number or IBAN of each row. */
    column: columnRef.optional(),
    /** One account for the whole file, for exports that do not repeat it on each row. */
    value: z.string().min(1).optional(),
    /** 'auto' treats values shaped like an IBAN as IBANs and anything else as a domestic number. */
    scheme: z.enum(['iban', 'bban', 'auto']).default('auto'),
    bankId: z.string().min(1).optional(),
  })
  .refine((a) => (a.column === undefined) !== (a.value === undefined), {
    error: 'give exactly one of "column" and "value"',
  });

const columns = z.strictObject({
  bookingDate: columnRef,
  valueDate: columnRef.optional(),
  merchantName: columnRef.optional(),
  mcc: columnRef.optional(),
  description: columnRef.optional(),
  counterpartyName: columnRef.optional(),
  counterpartyAccount: columnRef.optional(),
  bankReference: columnRef.optional(),
  /** The bank's own category or transaction-type code, translated by `categoryCodes`. */
  category: columnRef.optional(),
});

const dateFormat = z.string().refine((pattern) => datePatternProblem(pattern) === undefined, {
  error: (issue) => datePatternProblem(String(issue.input)) ?? 'invalid date pattern',
});

const monthLanguage = z.string().refine(
  (language) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([language]).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'expected a language whose month names this system knows, such as "de", "fr" or "cs"' },
);

/** The bank's codes (compared case-insensitively after trimming) to taxonomy categories. */
const categoryCodeTable = z.record(
  z.string().min(1),
  z.string().refine(isCategoryCode, { error: 'expected a category of the taxonomy (docs/categories.md)' }),
);

export const csvMappingSchema = z
  .strictObject({
    delimiter: z.string().length(1).default(','),
    quote: z.string().length(1).default('"'),
    /** Whether the first row (after `skipLines`) names the columns. */
    header: z.boolean().default(true),
    /** Physical lines before the header or the first row, such as a bank's title block. */
    skipLines: z.int().min(0).default(0),
    encoding: z.enum(['utf-8', 'latin1', 'windows-1252', 'utf-16le']).default('utf-8'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    /** Characters to ignore inside amounts, such as "." in "1.234,56" or " " and "'" elsewhere. */
    groupSeparators: z.string().default(''),
    /** A date pattern: YYYY or YY, MM, M or MMM (a month name), DD or D, and separators. */
    dateFormat: dateFormat.default('YYYY-MM-DD'),
    /** YY at or above the pivot is 19YY, below it 20YY (POSIX's rule by default). */
    twoDigitYearPivot: z.int().min(0).max(100).default(defaultTwoDigitYearPivot),
    /** The language of month names (MMM), besides English. */
    monthLanguage: monthLanguage.default('en'),
    /** 'major': "12.34" is twelve euros thirty-four; 'minor': "1234" is the same amount in cents. */
    amountUnits: z.enum(['major', 'minor']).default('major'),
    account,
    currencyColumn: columnRef.optional(),
    /** Used for rows without a currency value and files without a currency column. */
    defaultCurrency: currencyCode.optional(),
    amount: z.discriminatedUnion('style', [signedAmount, debitCreditColumns, directionColumn]),
    columns,
    /** How the bank's codes in `columns.category` map to the taxonomy; unknown codes fall back to the rules. */
    categoryCodes: categoryCodeTable.optional(),
  })
  .superRefine((mapping, context) => {
    if ((mapping.columns.category === undefined) !== (mapping.categoryCodes === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['categoryCodes'],
        message: 'a category column and a "categoryCodes" table go together: give both or neither',
      });
    }
    if (mapping.delimiter === mapping.quote) {
      context.addIssue({
        code: 'custom',
        path: ['quote'],
        message: 'the quote must differ from the delimiter',
      });
    }
    if (mapping.groupSeparators.includes(mapping.decimalSeparator)) {
      context.addIssue({
        code: 'custom',
        path: ['groupSeparators'],
        message: 'a group separator cannot also be the decimal separator',
      });
    }
    if (!mapping.header) {
      for (const [path, ref] of columnRefs(mapping)) {
        if (typeof ref === 'string') {
          context.addIssue({
            code: 'custom',
            path: path.split('.'),
            message: 'column names need a header row: use a 0-based index or set "header": true',
          });
        }
      }
    }
  });

export type CsvMapping = z.output<typeof csvMappingSchema>;

/** The table of `categoryCodes`, keyed by the upper-cased, trimmed code. */
export function categoryCodeLookup(mapping: CsvMapping): ReadonlyMap<string, CategoryCode> {
  const table = new Map<string, CategoryCode>();
  for (const [code, category] of Object.entries(mapping.categoryCodes ?? {})) {
    if (isCategoryCode(category)) table.set(code.trim().toUpperCase(), category);
  }
  return table;
}
/** What a mapping file may omit: every field with a default. */
export type CsvMappingInput = z.input<typeof csvMappingSchema>;

/** Every column the mapping refers to, with the mapping path that names it (for error messages). */
export function columnRefs(mapping: CsvMapping): [path: string, ref: ColumnRef][] {
  const refs: [string, ColumnRef | undefined][] = [
    ['account.column', mapping.account.column],
    ['currencyColumn', mapping.currencyColumn],
  ];
  const amount = mapping.amount;
  switch (amount.style) {
    case 'signed':
      refs.push(['amount.column', amount.column]);
      break;
    case 'debit-credit-columns':
      refs.push(['amount.debitColumn', amount.debitColumn], ['amount.creditColumn', amount.creditColumn]);
      break;
    case 'direction-column':
      refs.push(['amount.column', amount.column], ['amount.directionColumn', amount.directionColumn]);
      break;
    default:
      amount satisfies never;
  }
  for (const [name, ref] of Object.entries(mapping.columns)) refs.push([`columns.${name}`, ref]);
  return refs.filter((entry): entry is [string, ColumnRef] => entry[1] !== undefined);
}

/** Validates a mapping (parsed JSON or JSON text); errors name the offending field. */
export function parseCsvMapping(json: unknown): Result<CsvMapping, string> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return err('mapping is not valid JSON');
    }
  }
  const parsed = csvMappingSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  return err(`invalid CSV mapping: ${problems.join('; ')}`);
}

/** The export of the demo-bank generator (and of the benchmark's reference bank). */
export const generatedBankCsvMapping: CsvMapping = {
  delimiter: ',',
  quote: '"',
  header: true,
  skipLines: 0,
  encoding: 'utf-8',
  decimalSeparator: '.',
  groupSeparators: '',
  dateFormat: 'YYYY-MM-DD',
  twoDigitYearPivot: defaultTwoDigitYearPivot,
  monthLanguage: 'en',
  amountUnits: 'major',
  account: { column: 'account_iban', scheme: 'iban' },
  currencyColumn: 'currency',
  amount: { style: 'signed', column: 'amount', negativeIs: 'debit' },
  columns: {
    bookingDate: 'booking_date',
    valueDate: 'value_date',
    merchantName: 'merchant',
    mcc: 'mcc',
    description: 'description',
    counterpartyName: 'counterparty_name',
    counterpartyAccount: 'counterparty_iban',
    bankReference: 'reference',
  },
};

/** The header row of that export, exactly. */
export const generatedBankCsvHeader =
  'account_iban,booking_date,value_date,amount,currency,merchant,mcc,description,counterparty_name,counterparty_iban,reference';
