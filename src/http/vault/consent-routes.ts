// A customer's own consent: give or withdraw it per purpose and channel, and a signed receipt of where it stands.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/common.ts';
import {
  consentChange,
  preferences,
  signedConsentReceipt,
  type ConsentChange,
} from '../../contracts/preferences.ts';
import { currentNotice } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { customerOf } from '../auth/access-control.ts';
import { customerAccess as config, tags } from './customer-common.ts';
import { preferencesJson, type PreferenceVault } from './preference-routes.ts';

const decide = {
  config,
  schema: {
    summary: 'Give or withdraw my consent to a purpose, on one channel or all',
    tags,
    body: consentChange,
    response: { 200: preferences, '4xx': errorBody },
  },
};

const receipt = {
  config,
  schema: {
    summary: 'A signed receipt (compact JWS) of my current consent',
    tags,
    response: { 200: signedConsentReceipt, '4xx': errorBody },
  },
};

async function recordDecision(vault: PreferenceVault, customerId: number, body: ConsentChange) {
  const { purpose, channel, granted, notice } = body;
  const result = await vault.consent.record([
    {
      customerId,
      purpose,
      channel,
      granted,
      source: 'console',
      noticeVersion: notice ?? currentNotice(purpose).id,
      decidedAt: new Date(),
    },
  ]);
  if (!result.ok) throw new CurtainError('USAGE', `invalid decision: ${result.error[0]?.problem ?? '?'}`);
  return preferencesJson(vault, customerId);
}

async function receiptOf(vault: Pick<VaultServices, 'consent'>, customerId: number) {
  const signed = await vault.consent.receiptFor(customerId);
  if (!signed.ok) throw new CurtainError('NOT_FOUND', 'you have not decided about any purpose yet');
  return { receipt: signed.value };
}

export function consentRoutes(vault: PreferenceVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.put('/v1/me/consent', decide, (request) => recordDecision(vault, customerOf(request), request.body));
    app.get('/v1/me/consent/receipt', receipt, (request) => receiptOf(vault, customerOf(request)));
    return Promise.resolve();
  };
}
