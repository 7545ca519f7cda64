// The hub's segment contracts: a question as the editor sends it, its check and protected count, named segments.
import { z } from 'zod';
import { questionPurposes } from '../core/question-purposes.ts';
import { code, errorBody, id, privacyCost, text } from './common.ts';
import { languageDiagnostic } from './questions.ts';

/** A segment expression (docs/segment-language.md): the vault's questions take as much. */
export const expression = text(10_000).describe('a segment expression (docs/segment-language.md)');

const purposeCodes = questionPurposes.map((p) => p.code) as [string, ...string[]];

/** A purpose a named segment is checked under (core/question-purposes.ts). */
export const purpose = z.enum(purposeCodes, `one of ${purposeCodes.join(', ')}`);

/** What the editor sends to check or count; the vault judges the purpose and answers with its own refusal. */
export const segmentQuestion = z.strictObject({ expression, purpose: code }).meta({ id: 'SegmentQuestion' });

export const segmentCheck = z
  .object({ explanation: z.string().describe('the segment in plain words, as a customer reads it') })
  .meta({ id: 'SegmentCheck' });

export const segmentCount = z
  .object({
    count: z.int().describe('noised, never exact'),
    repeated: z.boolean(),
    epsilon: z.string().describe('ε charged, a rational such as "1/4"'),
    budget: privacyCost,
  })
  .meta({ id: 'SegmentCount' });

/** A segment as a marketer names and saves it. */
export const segmentInput = z
  .strictObject({ name: text(120), expression, purpose })
  .meta({ id: 'NewSegment' });

export const segment = z
  .object({
    id: z.string(),
    name: z.string(),
    expression: z.string(),
    purpose: z.string(),
    createdBy: z.string(),
    explanation: z.string().optional().describe('the segment in plain words (when it is saved)'),
  })
  .meta({ id: 'Segment' });

export const segmentOfferParams = z.strictObject({
  segment: id.describe('a segment’s name or id'),
  offer: id,
});

export const segmentOfferLink = z.object({ segment: z.string(), offerId: z.string(), linked: z.boolean() });

export const offersQuery = z.strictObject({ segment: id.optional().describe('a segment’s name or id') });

/** A refusal by the vault: its code, its message, the checker's diagnostics and what it cost in ε. */
export const doorRefusalBody = z
  .object({
    error: errorBody.shape.error.extend({
      rendered: z.string().optional().describe('the checker’s diagnostics, with the line and a caret'),
      diagnostics: z
        .array(languageDiagnostic)
        .readonly()
        .optional()
        .describe('every problem of the segment, with its span and any suggestion'),
      budget: privacyCost.optional(),
    }),
  })
  .meta({ id: 'HubRefusal' });

export type SegmentQuestion = z.input<typeof segmentQuestion>;
export type SegmentDraft = z.input<typeof segmentInput>;
export type Segment = Omit<z.output<typeof segment>, 'explanation'>;
