// A customer's preference centre: consent per purpose and channel, frequency, quiet hours, stop everything.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import {
  preferenceChanges,
  preferenceHistory as preferenceHistorySchema,
  preferences as preferencesSchema,
  type PreferenceChanges,
  type Preferences,
} from '../../contracts/preferences.ts';
import {
  consentPurposes,
  currentNotice,
  purposeDefinitions,
  type PreferenceChange,
} from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { preferenceHistory } from '../../vault/consent/preference-history.ts';
import { customerOf } from '../auth/access-control.ts';
import { customerAccess as config, tags } from './customer-common.ts';

export type PreferenceVault = Pick<VaultServices, 'consent' | 'preferences'>;
type HistoryVault = Pick<VaultServices, 'consent' | 'identity' | 'audit'>;

const read = {
  config,
  schema: {
    summary: 'My preference centre: consent per purpose and channel, frequency, quiet hours, stop all',
    tags,
    response: { 200: preferencesSchema },
  },
};

const change = {
  config,
  schema: {
    summary: 'Change my preferences: only the fields sent change (null clears a choice)',
    tags,
    body: preferenceChanges,
    response: { 200: preferencesSchema, '4xx': errorBody },
  },
};

const history = {
  config,
  schema: {
    summary: 'My consent decisions and preference changes, newest first (at most 100)',
    tags,
    response: { 200: preferenceHistorySchema },
  },
};

function changesOf(body: PreferenceChanges): PreferenceChange[] {
  const changes: PreferenceChange[] = [];
  if (body.channels !== undefined) changes.push({ kind: 'channels', channels: body.channels ?? undefined });
  if (body.frequencyCap !== undefined)
    changes.push({ kind: 'frequency_cap', cap: body.frequencyCap ?? undefined });
  if (body.quietHours !== undefined)
    changes.push({ kind: 'quiet_hours', quietHours: body.quietHours ?? undefined });
  if (body.stopEverything !== undefined) changes.push({ kind: 'stop_everything', on: body.stopEverything });
  for (const { category, on } of body.notInterested ?? [])
    changes.push({ kind: 'not_interested', category, on });
  for (const { partner, on } of body.blockedPartners ?? [])
    changes.push({ kind: 'never_from_partner', partner, on });
  return changes;
}

/** The preference centre as the console shows it; the consent routes answer with it too. */
export async function preferencesJson(vault: PreferenceVault, customerId: number): Promise<Preferences> {
  const [preferences, consent] = await Promise.all([
    vault.preferences.get(customerId),
    vault.consent.current(customerId),
  ]);
  return {
    preferences: {
      channels: preferences.channels === undefined ? null : [...preferences.channels],
      frequencyCap: preferences.frequencyCap ?? null,
      quietHours: preferences.quietHours ?? null,
      notInterestedCategories: [...preferences.notInterestedCategories],
      blockedPartners: [...preferences.blockedPartners],
      stopEverything: preferences.stopEverything,
    },
    consent: consentPurposes.map((purpose) => {
      const state = consent.find((s) => s.purpose === purpose);
      const definition = purposeDefinitions[purpose];
      return {
        purpose,
        title: definition.title,
        lawfulBasis: definition.lawfulBasis,
        notice: currentNotice(purpose),
        grantedChannels: [...(state?.grantedChannels ?? [])],
        decidedAt: state?.decidedAt ?? null,
      };
    }),
  };
}

async function updatePreferences(vault: PreferenceVault, customerId: number, body: PreferenceChanges) {
  const changes = changesOf(body);
  const result = await vault.preferences.update(changes.map((change) => ({ customerId, change })));
  if (!result.ok) {
    throw new CurtainError('USAGE', `invalid preference: ${result.error.map((e) => e.problem).join(', ')}`);
  }
  return preferencesJson(vault, customerId);
}

export function preferenceRoutes(vault: PreferenceVault & HistoryVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/me/preferences', read, (request) => preferencesJson(vault, customerOf(request)));
    app.get('/v1/me/preferences/history', history, async (request) => ({
      changes: await preferenceHistory(vault, customerOf(request)),
    }));
    app.patch('/v1/me/preferences', change, (request) =>
      updatePreferences(vault, customerOf(request), request.body),
    );
    return Promise.resolve();
  };
}
