// Data subject requests (access, rectification, restriction, objection, erasure), the customer's own export, and
// erasure receipts: what compliance officers and customers send and get back.
import { z } from 'zod';
import { piiFields } from '../core/identity.ts';
import { rejectionReasonCodes } from '../core/request-rejections.ts';

export const requestKinds = ['access', 'rectification', 'restriction', 'objection', 'erasure'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const requestStatuses = ['received', 'verified', 'completed', 'rejected'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
/** GDPR: one calendar month (Art. 12(3)); CCPA: 45 days (§1798.130). */
export const requestRegimes = ['gdpr', 'ccpa'] as const;
export type RequestRegime = (typeof requestRegimes)[number];

/** What a customer asks for themself; access is their export, rectification goes through staff. */
export const customerRequestKinds = ['erasure', 'restriction', 'objection'] as const;

const regime = z.enum(requestRegimes).default('gdpr');
const externalId = z.string().min(1).max(128);

export const requestParams = z.strictObject({
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'a request id (UUID)'),
});

export const newSubjectRequest = z
  .strictObject({ kind: z.enum(requestKinds), regime })
  .meta({ id: 'NewSubjectRequest' });

export const myDataRequest = z
  .strictObject({ kind: z.enum(customerRequestKinds), regime })
  .meta({ id: 'MyDataRequest' });

export const subjectRequestFilter = z.strictObject({
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('only those not yet closed'),
});

export const requesterClaim = z
  .strictObject({
    externalId,
    email: z.string().min(3).max(320).optional(),
    dateOfBirth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD')
      .optional(),
  })
  .meta({ id: 'RequesterClaim' });

const filled = z.string().min(1);
const postalAddressChange = z
  .strictObject({
    street: filled.optional(),
    postalCode: filled.optional(),
    city: filled.optional(),
    country: filled.optional(),
  })
  .meta({ id: 'PostalAddressChange' });

/** Rectification's corrected fields: the identity fields, nothing else. */
const identityChanges = z.strictObject(
  Object.fromEntries(
    piiFields.map((field) => [
      field,
      field === 'address' ? postalAddressChange.optional() : filled.optional(),
    ]),
  ) as {
    [F in (typeof piiFields)[number]]: F extends 'address'
      ? z.ZodOptional<typeof postalAddressChange>
      : z.ZodOptional<typeof filled>;
  },
);

export const requestCompletion = z
  .strictObject({
    set: identityChanges.optional().describe('rectification: the corrected fields'),
    externalId: externalId.optional().describe('erasure: the external id, also looked for in plaintext'),
  })
  .meta({ id: 'RequestCompletion' });
export type RequestCompletion = z.output<typeof requestCompletion>;
export type IdentityChanges = NonNullable<RequestCompletion['set']>;

export const requestRejection = z
  .strictObject({
    reason: z
      .enum(rejectionReasonCodes)
      .describe('the lawful reason (src/core/request-rejections.ts), e.g. manifestly-unfounded'),
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('the officer’s own words; kept with the request, never written to the transparency log'),
  })
  .meta({ id: 'RequestRejection' });

/** A receipt id, as given when an erasure request is made. */
export const receiptParams = z.strictObject({
  receiptId: z.string().regex(/^[0-9a-f-]{36}$/, 'a receipt id (as given when the erasure was requested)'),
});

const jsonObject = z.record(z.string(), z.unknown());

/** A request as the API shows it: the internal customer id never leaves. */
export const subjectRequest = z
  .object({
    id: z.string(),
    kind: z.enum(requestKinds),
    regime: z.enum(requestRegimes),
    status: z.enum(requestStatuses),
    receivedAt: z.date(),
    dueAt: z.date().describe('the legal deadline'),
    verifiedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    rejection: z.string().nullable().describe('the reason code of a rejection'),
    rejectionNote: z.string().nullable().describe('the officer’s own words about a rejection'),
    receiptId: z
      .string()
      .nullable()
      .describe('erasure: the id that fetches the signed receipt later, without signing in'),
    outcome: jsonObject.nullable(),
  })
  .meta({ id: 'SubjectRequest' });

/** The export's lists, as the vault's read-only rows. */
const listed = <Item extends z.ZodType>(item: Item) => z.array(item).readonly();
const records = listed(jsonObject);
/** Rows of the vault's own shapes (consent states, preferences, log entries), passed as they are. */
const asStored = z.unknown();

const customerPii = z
  .object({
    givenName: z.string(),
    familyName: z.string(),
    email: z.string(),
    phone: z.string(),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }),
    dateOfBirth: z.string(),
    nationalId: z.string(),
    iban: z.string(),
    pushEndpoint: z.string().optional(),
  })
  .meta({ id: 'CustomerIdentity' });

/** Everything the vault holds about one customer (the right of access). */
export const accessExport = z
  .object({
    format: z.literal('curtain-access-export/1'),
    generatedAt: z.string(),
    requestId: z.string().optional(),
    controller: z.string(),
    identity: customerPii,
    accounts: records,
    productsHeld: records,
    transactions: records,
    consent: z.object({ current: listed(asStored), history: listed(asStored) }),
    preferences: asStored,
    suppressions: records,
    inbox: records,
    insights: records.describe('the spending insights sent to the customer’s inbox'),
    leads: records,
    restrictions: records,
    subjectRequests: records,
    auditEntries: listed(z.object({ index: z.number(), entry: asStored })),
    notes: listed(z.string()).describe('what is not included, and why'),
  })
  .meta({ id: 'AccessExport' });

/** What an erasure receipt states: what was done and what the scan found, in counts and names of tables. */
export const erasureStatement = z
  .object({
    receiptId: z.string(),
    requestId: z.string(),
    controller: z.string(),
    erasedAt: z.string(),
    method: z.literal('crypto-shred'),
    deleted: z.record(z.string(), z.number()).describe('rows deleted per table (derived data)'),
    legalHold: z.object({ id: z.string(), transactions: z.number(), heldUntil: z.string().nullable() }),
    scan: z.object({
      schemas: listed(z.string()),
      tables: z.number(),
      rowsScanned: z.number(),
      needleKinds: listed(z.string()),
      logSize: z.number(),
      matches: z.literal(0),
    }),
  })
  .meta({ id: 'ErasureStatement' });

export const requestCompleted = z
  .object({
    request: subjectRequest,
    export: accessExport.optional().describe('access: the export, personal data for the customer only'),
    page: z.string().optional().describe('access: the export as an HTML page'),
    receipt: z.string().optional().describe('erasure: the signed receipt (compact JWS)'),
    receiptHash: z.string().optional().describe('erasure: the receipt’s SHA-256 as logged'),
    logIndex: z.number().optional().describe('erasure: where the transparency log holds it'),
    statement: erasureStatement.optional().describe('erasure: what the receipt states'),
  })
  .meta({ id: 'RequestCompleted' });

export const erasureReceiptCheck = z
  .strictObject({ receipt: z.string().min(1).max(20_000) })
  .meta({ id: 'ErasureReceiptCheck' });

export const erasureReceiptVerdict = z
  .object({
    ok: z.boolean(),
    receipt: erasureStatement.optional(),
    logIndex: z.number().optional(),
    treeSize: z.number().optional(),
    reason: z.string().optional().describe('why the receipt does not hold'),
  })
  .meta({ id: 'ErasureReceiptVerdict' });

/** Where an erasure stands, for whoever holds its receipt id (the erased customer cannot sign in any more). */
export const erasureReceiptLookup = z
  .object({
    receiptId: z.string(),
    status: z.enum(requestStatuses),
    receivedAt: z.date(),
    dueAt: z.date().describe('the legal deadline'),
    closedAt: z.date().nullable(),
    rejection: z.string().nullable().describe('the reason code, when the erasure was refused'),
    rejectionNote: z.string().nullable(),
    receipt: z.string().optional().describe('the signed receipt (compact JWS), once erased'),
    verdict: erasureReceiptVerdict.optional().describe('the receipt checked: signature and log inclusion'),
  })
  .meta({ id: 'ErasureReceiptLookup' });
