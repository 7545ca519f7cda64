// A customer's preference centre and consent: what they change, and the centre as they see it.
import { z } from 'zod';
import { consentChannels, consentPurposes, frequencyCaps, lawfulBases } from '../core/consent.ts';
import { code } from './common.ts';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM');
const channel = z.enum(consentChannels);

export const quietHours = z
  .strictObject({ start: timeOfDay, end: timeOfDay, timeZone: z.string().min(1).max(64) })
  .meta({ id: 'QuietHours', description: 'no offer between start and end (may wrap midnight)' });

const toggle = <Key extends string>(key: Key) =>
  z.strictObject({ [key]: code, on: z.boolean() } as { [K in Key]: typeof code } & { on: z.ZodBoolean });

/** Only the fields sent change; null clears a choice. */
export const preferenceChanges = z
  .strictObject({
    channels: z.array(channel).max(consentChannels.length).nullable().optional(),
    frequencyCap: z.enum(frequencyCaps).nullable().optional(),
    quietHours: quietHours.nullable().optional(),
    stopEverything: z.boolean().optional(),
    notInterested: z.array(toggle('category')).max(100).optional(),
    blockedPartners: z.array(toggle('partner')).max(100).optional(),
  })
  .meta({ id: 'PreferenceChanges' });
export type PreferenceChanges = z.output<typeof preferenceChanges>;

/** A decision about a purpose, on one channel or all. */
export const consentChange = z
  .strictObject({
    purpose: z.enum(consentPurposes),
    channel: z.enum([...consentChannels, 'all']),
    granted: z.boolean(),
    notice: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('the notice shown (default: the current one of the purpose)'),
  })
  .meta({ id: 'ConsentChange' });
export type ConsentChange = z.output<typeof consentChange>;

export const consentNotice = z
  .object({ id: z.string(), publishedOn: z.string(), language: z.string(), text: z.string() })
  .meta({ id: 'ConsentNotice' });

/** Where one purpose stands for the customer. */
export const consentRecord = z
  .object({
    purpose: z.enum(consentPurposes),
    title: z.string(),
    lawfulBasis: z.enum(Object.keys(lawfulBases) as [keyof typeof lawfulBases]),
    notice: consentNotice.describe('the notice shown today'),
    grantedChannels: z.array(channel),
    decidedAt: z.date().nullable(),
  })
  .meta({ id: 'ConsentRecord' });

export const preferences = z
  .object({
    preferences: z.object({
      channels: z.array(channel).nullable().describe('null: any consented channel'),
      frequencyCap: z.enum(frequencyCaps).nullable().describe('null: the bank’s default'),
      quietHours: quietHours.nullable(),
      notInterestedCategories: z.array(z.string()),
      blockedPartners: z.array(z.string()),
      stopEverything: z.boolean(),
    }),
    consent: z.array(consentRecord),
  })
  .meta({ id: 'Preferences' });
export type Preferences = z.output<typeof preferences>;

export const signedConsentReceipt = z
  .object({ receipt: z.string().describe('a Kantara consent receipt, signed (compact JWS)') })
  .meta({ id: 'SignedConsentReceipt' });

export const preferenceChangeKinds = [
  'consent',
  'channels',
  'frequency_cap',
  'quiet_hours',
  'stop_everything',
  'not_interested',
  'never_from_partner',
] as const;

/** One change in a customer's preference centre, as they see it in their history. */
export const preferenceHistoryItem = z
  .object({
    at: z.date(),
    kind: z.enum(preferenceChangeKinds),
    purpose: z.enum(consentPurposes).nullable().describe('consent: the purpose decided about'),
    channel: z.enum([...consentChannels, 'all']).nullable(),
    on: z.boolean().nullable().describe('given or withdrawn, on or off, set or cleared'),
    value: z.string().nullable().describe('the cap, the category, the partner or the channels'),
  })
  .meta({ id: 'PreferenceHistoryItem' });

export const preferenceHistory = z
  .object({ changes: z.array(preferenceHistoryItem) })
  .meta({ id: 'PreferenceHistory' });
