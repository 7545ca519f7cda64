// A customer's own consent: give or withdraw it per purpose and channel, and a signed receipt of where it stands.
import type { FastifyInstance } from 'fastify';
import {
  consentChannels,
  consentPurposes,
  currentNotice,
  type ChannelScope,
  type ConsentPurpose,
} from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { customerOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { customerAccess as config, tags } from './customer-common.ts';
import { preferencesJson, type PreferenceVault } from './preference-routes.ts';

interface DecisionBody {
  purpose: ConsentPurpose;
  channel: ChannelScope;
  granted: boolean;
  notice?: string;
}

const decide = {
  config,
  schema: {
    summary: 'Give or withdraw my consent to a purpose, on one channel or all',
    tags,
    body: {
      type: 'object',
      required: ['purpose', 'channel', 'granted'],
      additionalProperties: false,
      properties: {
        purpose: { type: 'string', enum: [...consentPurposes] },
        channel: { type: 'string', enum: [...consentChannels, 'all'] },
        granted: { type: 'boolean' },
        notice: {
          type: 'string',
          description: 'the notice shown (default: the current one of the purpose)',
        },
      },
    },
    response: { '4xx': errorSchema },
  },
} as const;

const receipt = {
  config,
  schema: {
    summary: 'A signed receipt (compact JWS) of my current consent',
    tags,
    response: { '4xx': errorSchema },
  },
} as const;

async function recordDecision(vault: PreferenceVault, customerId: number, body: DecisionBody) {
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
  return (app: FastifyInstance): Promise<void> => {
    app.put<{ Body: DecisionBody }>('/v1/me/consent', decide, (request) =>
      recordDecision(vault, customerOf(request), request.body),
    );
    app.get('/v1/me/consent/receipt', receipt, (request) => receiptOf(vault, customerOf(request)));
    return Promise.resolve();
  };
}
