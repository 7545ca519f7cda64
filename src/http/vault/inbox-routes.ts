// A customer's own inbox: their messages, reading one, answering it, and asking to be contacted about it.
import type { FastifyInstance } from 'fastify';
import { currentNotice } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { InboxMessage } from '../../vault/delivery/inbox-service.ts';
import { refused } from '../../vault/responses/refusals.ts';
import { responseKinds, type ResponseKind } from '../../vault/responses/response-service.ts';
import { customerOf } from '../auth/access-control.ts';
import { errorSchema } from '../schemas.ts';
import { customerAccess as config, publicId, tags } from './customer-common.ts';
import { leadJson, leadSchema } from './customer-lead-routes.ts';

type InboxVault = Pick<VaultServices, 'inbox' | 'responses'>;

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

interface ConnectBody {
  consent: boolean;
  notice?: string;
}

const messageParams = { type: 'object', required: ['message'], properties: { message: publicId } } as const;

const list = {
  config,
  schema: {
    summary: 'My messages, newest first',
    tags,
    response: {
      200: { type: 'object', properties: { messages: { type: 'array', items: messageSchema } } },
    },
  },
} as const;

const read = {
  config,
  schema: {
    summary: 'Read one of my messages (marks it opened), with "why am I seeing this"',
    tags,
    params: messageParams,
    response: { 200: messageSchema, '4xx': errorSchema },
  },
} as const;

const respond = {
  config,
  schema: {
    summary: 'Answer a message: interested, not now, not interested (in offers like it), or stop all',
    description: '"interested" reveals nothing: it returns what connecting would reveal, and to whom.',
    tags,
    params: messageParams,
    body: {
      type: 'object',
      required: ['answer'],
      additionalProperties: false,
      properties: { answer: { type: 'string', enum: [...responseKinds] } },
    },
    response: { '4xx': errorSchema },
  },
} as const;

const connect = {
  config,
  schema: {
    summary: 'Ask to be contacted: with consent: true, my identity is revealed to this offer’s advisor only',
    tags,
    params: messageParams,
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
} as const;

async function openMessage(vault: InboxVault, customerId: number, message: string) {
  const opened = await vault.inbox.open(customerId, message);
  if (opened === undefined) throw new CurtainError('NOT_FOUND', 'no such message in your inbox');
  return messageJson(opened);
}

async function answer(vault: InboxVault, customerId: number, message: string, given: ResponseKind) {
  const result = await vault.responses.respond(customerId, message, given);
  if (!result.ok) throw refused(result.error);
  const { messageId, kind, standing, leadId, consentRequest } = result.value;
  return { messageId, kind, standing, leadId: leadId ?? null, consentRequest: consentRequest ?? null };
}

async function connectAbout(vault: InboxVault, customerId: number, message: string, body: ConnectBody) {
  const result = await vault.responses.connect(customerId, message, {
    consent: body.consent,
    noticeVersion: body.notice ?? currentNotice('identity_reveal').id,
    source: 'console',
  });
  if (!result.ok) throw refused(result.error);
  return leadJson(result.value);
}

export function inboxRoutes(vault: InboxVault) {
  return (app: FastifyInstance): Promise<void> => {
    app.get('/v1/me/inbox', list, async (request) => ({
      messages: (await vault.inbox.list(customerOf(request))).map(messageJson),
    }));
    app.get<{ Params: { message: string } }>('/v1/me/inbox/:message', read, (request) =>
      openMessage(vault, customerOf(request), request.params.message),
    );
    app.post<{ Params: { message: string }; Body: { answer: ResponseKind } }>(
      '/v1/me/inbox/:message/response',
      respond,
      (request) => answer(vault, customerOf(request), request.params.message, request.body.answer),
    );
    app.post<{ Params: { message: string }; Body: ConnectBody }>(
      '/v1/me/inbox/:message/connect',
      connect,
      async (request, reply) =>
        reply
          .status(201)
          .send(await connectAbout(vault, customerOf(request), request.params.message, request.body)),
    );
    return Promise.resolve();
  };
}
