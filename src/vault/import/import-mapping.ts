// The column mapping of a system-of-record export (customers, accounts, products or consents), checked per kind.
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.ts';
import { dateFormats } from '../ingest/formats/dates.ts';

export const importKinds = ['customers', 'accounts', 'products', 'consents'] as const;
export type ImportKind = (typeof importKinds)[number];

/** The fields each kind of file can map, and those it must. */
export const importFields = {
  customers: {
    required: ['externalId', 'givenName', 'familyName', 'dateOfBirth'],
    optional: [
      'email',
      'phone',
      'street',
      'postalCode',
      'city',
      'country',
      'nationalId',
      'status',
      'leftOn',
      'deceased',
      'vulnerable',
      'doNotMarket',
      'collections',
      'insolvency',
      'kycStatus',
    ],
  },
  accounts: {
    required: ['accountNumber', 'ownerExternalId'],
    optional: ['role', 'kind', 'product', 'currency', 'openedOn', 'closedOn', 'ownerRemovedOn'],
  },
  products: {
    required: ['ownerExternalId', 'product', 'since'],
    optional: ['until'],
  },
  consents: {
    required: ['ownerExternalId', 'purpose', 'granted', 'decidedAt', 'noticeVersion', 'evidence'],
    optional: ['channel'],
  },
} as const satisfies Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>;

const columnRef = z.union([z.string().min(1), z.int().min(0)], {
  error: 'expected a column name or a 0-based column index',
});

export const importMappingSchema = z
  .strictObject({
    delimiter: z.string().length(1).default(','),
    quote: z.string().length(1).default('"'),
    header: z.boolean().default(true),
    skipLines: z.int().min(0).default(0),
    encoding: z.enum(['utf-8', 'latin1', 'windows-1252', 'utf-16le']).default('utf-8'),
    dateFormat: z.enum(dateFormats).default('YYYY-MM-DD'),
    /** Cell values that mean yes in flag columns (compared case-insensitively); anything else is no. */
    trueValues: z.array(z.string().min(1)).min(1).default(['1', 'true', 'yes', 'y']),
    /** Field name → column. */
    columns: z.record(z.string(), columnRef),
    /** Field name → the bank's own code → Curtain's value (status, role, kind, product, purpose, channel …). */
    codes: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  })
  .refine((m) => m.delimiter !== m.quote, {
    error: 'the quote must differ from the delimiter',
    path: ['quote'],
  });

export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** Validates a mapping for one kind of file (parsed JSON or JSON text); errors name the offending field. */
export function parseImportMapping(kind: ImportKind, json: unknown): Result<ImportMapping, string> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return err('mapping is not valid JSON');
    }
  }
  const parsed = importMappingSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    });
    return err(`invalid ${kind} mapping: ${problems.join('; ')}`);
  }
  const { required, optional } = importFields[kind];
  const known = new Set<string>([...required, ...optional]);
  const columns = Object.keys(parsed.data.columns);
  const unknown = columns.filter((field) => !known.has(field));
  if (unknown.length > 0) {
    return err(
      `invalid ${kind} mapping: columns.${unknown[0]}: unknown field; one of ${[...known].join(', ')}`,
    );
  }
  const missing = required.filter((field) => !columns.includes(field));
  if (missing.length > 0) return err(`invalid ${kind} mapping: columns.${missing[0]}: required`);
  if (!parsed.data.header) {
    const named = Object.entries(parsed.data.columns).find(([, ref]) => typeof ref === 'string');
    if (named) return err(`invalid ${kind} mapping: columns.${named[0]}: column names need a header row`);
  }
  return ok(parsed.data);
}
