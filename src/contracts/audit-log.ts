// The transparency log's contracts: the signed head, entries a page at a time, proofs and the full check.
import { z } from 'zod';
import { auditEventTypes } from '../core/audit-event.ts';
import { isoDateTime } from './common.ts';

const base64 = z.string().describe('standard base64');
const index = z.coerce.number().int().min(0);

export const auditHead = z
  .object({
    size: z.number().int().min(0),
    rootHash: base64,
    checkpoint: z.string().describe('the checkpoint as a signed note'),
    keyId: z.string(),
  })
  .meta({ id: 'AuditHead' });

export const signedAuditHead = auditHead
  .extend({ publicKeys: z.array(z.string()).describe('the keys that verify checkpoints') })
  .meta({ id: 'SignedAuditHead' });

export const auditEntry = z
  .object({
    at: z.string(),
    type: z.string(),
    subjectRef: z.string().optional().describe('an unlinkable reference, never a customer id'),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const indexedAuditEntry = z
  .object({ index: z.number().int().min(0), entry: auditEntry })
  .meta({ id: 'IndexedAuditEntry' });

export const auditEntries = z
  .object({
    size: z.number().int().min(0),
    matched: z.number().int().min(0).describe('entries under the head that match the filters, in all'),
    entries: z.array(indexedAuditEntry),
  })
  .meta({ id: 'AuditEntries' });

const eventTypes = z
  .string()
  .max(2000)
  .transform((text) => text.split(',').filter((t) => t !== ''))
  .pipe(
    z.array(
      z.enum(auditEventTypes, {
        error: (i) => `types: "${String(i.input)}" is not an event kind of the log`,
      }),
    ),
  )
  .describe('event kinds, comma-separated (any of them)');

export const auditPage = z.strictObject({
  from: index.default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('matches to skip'),
  order: z.enum(['oldest', 'newest']).default('oldest'),
  types: eventTypes.optional(),
  actor: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'actor: a staff handle (letters, digits, ".", "_", "@" or "-", 1–64)')
    .optional()
    .describe('a staff handle the entry names as the one who acted'),
  since: isoDateTime.optional().describe('entries logged at or after this instant'),
  until: isoDateTime.optional().describe('entries logged before this instant'),
  q: z.string().trim().min(1).max(200).optional().describe('text anywhere in the entry, case-insensitive'),
});

export const auditExportPage = z.strictObject({
  from: index.default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export const auditEntryParams = z.strictObject({ index });

export const provenAuditEntry = z
  .object({
    index: z.number().int().min(0),
    entry: auditEntry,
    json: z.string().describe('the exact bytes that were hashed (UTF-8)'),
    leafHash: base64,
    proof: z.array(base64).describe('inclusion proof (RFC 9162 §2.1.3) against head'),
    head: auditHead,
  })
  .meta({ id: 'ProvenAuditEntry' });

export const consistencyQuery = z.object({ from: index });

export const consistencyProof = z
  .object({ oldSize: z.number().int().min(0), proof: z.array(base64), head: auditHead })
  .meta({ id: 'ConsistencyProof' });

export const auditVerdict = z
  .union([
    z.object({ ok: z.literal(true), size: z.number().int().min(0), rootHash: base64 }),
    z.object({ ok: z.literal(false), reason: z.string(), index: z.number().int().optional() }),
  ])
  .meta({ id: 'AuditVerdict' });
