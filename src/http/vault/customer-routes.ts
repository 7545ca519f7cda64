// A customer's own door: their inbox, answers, leads, consent and preferences; never anyone else's.
import type { FastifyInstance } from 'fastify';
import {
  consentChannels,
  consentPurposes,
  currentNotice,
  frequencyCaps,
  purposeDefinitions,
  type ChannelScope,
  type ConsentPurpose,
  type PreferenceChange,
} from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { InboxMessage } from '../../vault/delivery/inbox-service.ts';
import type { Lead } from '../../vault/responses/leads.ts';
import { responseKinds, type ResponseKind } from '../../vault/responses/response-service.ts';
import { customerOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { refused } from '../../vault/responses/refusals.ts';

type CustomerVault = Pick<VaultServices, 'inbox' | 'responses' | 'consent' | 'preferences'>;

const tags = ['customer'];
const access = { access: ['customer'] } as const;
const publicId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

const messageSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    campaignId: { type: 'string' },
    greeting: { type: 'string' },
    title: { type: 'string' },
    body: { type: 'string' },
    callToAction: { type: 'string' },
    category: { type: 'string' },
    partner: { type: ['string', 'null'] },
    validUntil: { type: 'string' },
    expired: { type: 'boolean' },
    deliveredAt: { type: 'string', format: 'date-time' },
    openedAt: { type: ['string', 'null'], format: 'date-time' },
    response: { type: ['string', 'null'], enum: [...responseKinds, null] },
    why: { type: 'string', description: '"Why am I seeing this?" in plain words' },
  },
} as const;

const leadSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    messageId: { type: 'string' },
    campaignId: { type: 'string' },
    offerId: { type: 'string' },
    offerTitle: { type: 'string' },
    recipient: { type: 'string', description: '"bank" or the partner’s code' },
    state: { type: 'string', enum: ['open', 'claimed', 'withdrawn'] },
    receipt: { type: 'string', description: 'the signed consent receipt (compact JWS)' },
    createdAt: { type: 'string', format: 'date-time' },
    withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
    claimedBy: { type: ['string', 'null'] },
    claimedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const messageJson = (m: InboxMessage) => ({
  id: m.publicId,
  campaignId: m.campaignId,
  greeting: m.greeting,
  title: m.title,
  body: m.body,
  callToAction: m.callToAction,
  category: m.category,
  partner: m.partner ?? null,
  validUntil: m.validUntil,
  expired: m.expired,
  deliveredAt: m.deliveredAt,
  openedAt: m.openedAt ?? null,
  response: m.response ?? null,
  why: m.why,
});

const leadJson = (lead: Lead) => ({
  ...lead,
  withdrawnAt: lead.withdrawnAt ?? null,
  claimedBy: lead.claimedBy ?? null,
  claimedAt: lead.claimedAt ?? null,
});

interface PreferencesBody {
  channels?: (typeof consentChannels)[number][] | null;
  frequencyCap?: (typeof frequencyCaps)[number] | null;
  quietHours?: { start: string; end: string; timeZone: string } | null;
  stopEverything?: boolean;
  notInterested?: { category: string; on: boolean }[];
  blockedPartners?: { partner: string; on: boolean }[];
}

function changesOf(body: PreferencesBody): PreferenceChange[] {
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

async function preferencesJson(vault: CustomerVault, customerId: number) {
  const [preferences, consent] = await Promise.all([
    vault.preferences.get(customerId),
    vault.consent.current(customerId),
  ]);
  return {
    preferences: {
      channels: preferences.channels ?? null,
      frequencyCap: preferences.frequencyCap ?? null,
      quietHours: preferences.quietHours ?? null,
      notInterestedCategories: preferences.notInterestedCategories,
      blockedPartners: preferences.blockedPartners,
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
        grantedChannels: state?.grantedChannels ?? [],
        decidedAt: state?.decidedAt ?? null,
      };
    }),
  };
}

export function customerRoutes(vault: CustomerVault) {
  return (app: FastifyInstance): Promise<void> => {
    app.get(
      '/v1/me/inbox',
      {
        config: access,
        schema: {
          summary: 'My messages, newest first',
          tags,
          response: {
            200: { type: 'object', properties: { messages: { type: 'array', items: messageSchema } } },
          },
        },
      },
      async (request) => ({ messages: (await vault.inbox.list(customerOf(request))).map(messageJson) }),
    );

    app.get<{ Params: { message: string } }>(
      '/v1/me/inbox/:message',
      {
        config: access,
        schema: {
          summary: 'Read one of my messages (marks it opened), with "why am I seeing this"',
          tags,
          params: { type: 'object', required: ['message'], properties: { message: publicId } },
          response: { 200: messageSchema, '4xx': errorSchema },
        },
      },
      async (request) => {
        const message = await vault.inbox.open(customerOf(request), request.params.message);
        if (message === undefined) throw new CurtainError('NOT_FOUND', 'no such message in your inbox');
        return messageJson(message);
      },
    );

    app.post<{ Params: { message: string }; Body: { answer: ResponseKind } }>(
      '/v1/me/inbox/:message/response',
      {
        config: access,
        schema: {
          summary: 'Answer a message: interested, not now, not interested (in offers like it), or stop all',
          description: '"interested" reveals nothing: it returns what connecting would reveal, and to whom.',
          tags,
          params: { type: 'object', required: ['message'], properties: { message: publicId } },
          body: {
            type: 'object',
            required: ['answer'],
            additionalProperties: false,
            properties: { answer: { type: 'string', enum: [...responseKinds] } },
          },
          response: { '4xx': errorSchema },
        },
      },
      async (request) => {
        const result = await vault.responses.respond(
          customerOf(request),
          request.params.message,
          request.body.answer,
        );
        if (!result.ok) throw refused(result.error);
        const { messageId, kind, standing, leadId, consentRequest } = result.value;
        return { messageId, kind, standing, leadId: leadId ?? null, consentRequest: consentRequest ?? null };
      },
    );

    app.post<{ Params: { message: string }; Body: { consent: boolean; notice?: string } }>(
      '/v1/me/inbox/:message/connect',
      {
        config: access,
        schema: {
          summary:
            'Ask to be contacted: with consent: true, my identity is revealed to this offer’s advisor only',
          tags,
          params: { type: 'object', required: ['message'], properties: { message: publicId } },
          body: {
            type: 'object',
            required: ['consent'],
            additionalProperties: false,
            properties: {
              consent: {
                type: 'boolean',
                description: 'I agree to reveal my name and contact details for this offer',
              },
              notice: {
                type: 'string',
                description: 'the identity_reveal notice shown (default: the current one)',
              },
            },
          },
          response: { 201: leadSchema, '4xx': errorSchema },
        },
      },
      async (request, reply) => {
        const result = await vault.responses.connect(customerOf(request), request.params.message, {
          consent: request.body.consent,
          noticeVersion: request.body.notice ?? currentNotice('identity_reveal').id,
          source: 'console',
        });
        if (!result.ok) throw refused(result.error);
        return reply.status(201).send(leadJson(result.value));
      },
    );

    app.get(
      '/v1/me/leads',
      {
        config: access,
        schema: {
          summary: 'My requests to be contacted, with their signed consent receipts',
          tags,
          response: { 200: { type: 'object', properties: { leads: { type: 'array', items: leadSchema } } } },
        },
      },
      async (request) => ({ leads: (await vault.responses.leadsOf(customerOf(request))).map(leadJson) }),
    );

    app.post<{ Params: { lead: string } }>(
      '/v1/me/leads/:lead/withdraw',
      {
        config: access,
        schema: {
          summary: 'Withdraw a request to be contacted before an advisor takes it up',
          tags,
          params: { type: 'object', required: ['lead'], properties: { lead: publicId } },
          response: { 200: leadSchema, '4xx': errorSchema },
        },
      },
      async (request) => {
        const result = await vault.responses.withdraw(customerOf(request), request.params.lead);
        if (!result.ok) throw refused(result.error);
        return leadJson(result.value);
      },
    );

    app.get(
      '/v1/me/preferences',
      {
        config: access,
        schema: {
          summary: 'My preference centre: consent per purpose and channel, frequency, quiet hours, stop all',
          tags,
        },
      },
      async (request) => preferencesJson(vault, customerOf(request)),
    );

    app.patch<{ Body: PreferencesBody }>(
      '/v1/me/preferences',
      {
        config: access,
        schema: {
          summary: 'Change my preferences: only the fields sent change (null clears a choice)',
          tags,
          body: {
            type: 'object',
            additionalProperties: false,
            properties: {
              channels: { type: ['array', 'null'], items: { type: 'string', enum: [...consentChannels] } },
              frequencyCap: { type: ['string', 'null'], enum: [...frequencyCaps, null] },
              quietHours: {
                type: ['object', 'null'],
                required: ['start', 'end', 'timeZone'],
                additionalProperties: false,
                properties: {
                  start: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
                  end: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
                  timeZone: { type: 'string', minLength: 1, maxLength: 64 },
                },
              },
              stopEverything: { type: 'boolean' },
              notInterested: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['category', 'on'],
                  properties: { category: { type: 'string' }, on: { type: 'boolean' } },
                },
              },
              blockedPartners: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['partner', 'on'],
                  properties: { partner: { type: 'string' }, on: { type: 'boolean' } },
                },
              },
            },
          },
          response: { '4xx': errorSchema },
        },
      },
      async (request) => {
        const customerId = customerOf(request);
        const changes = changesOf(request.body);
        const result = await vault.preferences.update(changes.map((change) => ({ customerId, change })));
        if (!result.ok) {
          throw new CurtainError(
            'USAGE',
            `invalid preference: ${result.error.map((e) => e.problem).join(', ')}`,
          );
        }
        return preferencesJson(vault, customerId);
      },
    );

    app.put<{ Body: { purpose: ConsentPurpose; channel: ChannelScope; granted: boolean; notice?: string } }>(
      '/v1/me/consent',
      {
        config: access,
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
      },
      async (request) => {
        const customerId = customerOf(request);
        const { purpose, channel, granted, notice } = request.body;
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
        if (!result.ok)
          throw new CurtainError('USAGE', `invalid decision: ${result.error[0]?.problem ?? '?'}`);
        return preferencesJson(vault, customerId);
      },
    );

    app.get(
      '/v1/me/consent/receipt',
      {
        config: access,
        schema: {
          summary: 'A signed receipt (compact JWS) of my current consent',
          tags,
          response: { '4xx': errorSchema },
        },
      },
      async (request) => {
        const receipt = await vault.consent.receiptFor(customerOf(request));
        if (!receipt.ok) throw new CurtainError('NOT_FOUND', 'you have not decided about any purpose yet');
        return { receipt: receipt.value };
      },
    );
    return Promise.resolve();
  };
}
