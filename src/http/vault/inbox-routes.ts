// A customer's own inbox: their messages, reading one, answering it, and asking to be contacted about it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { insightMessage } from '../../contracts/insights.ts';
import {
  connectConsent,
  inboxAnswer,
  inboxAnswerOutcome,
  inboxMessage,
  lead,
  messageParams,
  type ConnectConsent,
  type ResponseKind,
} from '../../contracts/customer.ts';
import { currentNotice } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { VaultServices } from '../../vault/vault.ts';
import type { InboxMessage } from '../../vault/delivery/inbox-service.ts';
import { refused } from '../../vault/responses/refusals.ts';
import { customerOf } from '../auth/access-control.ts';
import { customerAccess as config, tags } from './customer-common.ts';
import { leadJson } from './customer-lead-routes.ts';
import { insightMessageJson } from './insights-routes.ts';

type InboxVault = Pick<VaultServices, 'inbox' | 'responses' | 'insights'>;

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

const inbox = listOf('messages', inboxMessage)
  .extend({
    insights: z
      .array(insightMessage)
      .describe(
        'my spending insights as sent (only with the consent "spending_insights"), newest first; ' +
          'each one opens at /v1/me/insights/messages/{message}',
      ),
  })
  .meta({ id: 'Inbox' });

const list = {
  config,
  schema: {
    summary: 'My messages, newest first: offers, and my spending insights apart',
    tags,
    response: { 200: inbox },
  },
};

const read = {
  config,
  schema: {
    summary: 'Read one of my messages (marks it opened), with "why am I seeing this"',
    tags,
    params: messageParams,
    response: { 200: inboxMessage, '4xx': errorBody },
  },
};

const respond = {
  config,
  schema: {
    summary: 'Answer a message: interested, not now, not interested (in offers like it), or stop all',
    description: '"interested" reveals nothing: it returns what connecting would reveal, and to whom.',
    tags,
    params: messageParams,
    body: inboxAnswer,
    response: { 200: inboxAnswerOutcome, '4xx': errorBody },
  },
};

const connect = {
  config,
  schema: {
    summary: 'Ask to be contacted: with consent: true, my identity is revealed to this offer’s advisor only',
    tags,
    params: messageParams,
    body: connectConsent,
    response: { 201: lead, '4xx': errorBody },
  },
};

async function openMessage(vault: InboxVault, customerId: number, message: string) {
  const opened = await vault.inbox.open(customerId, message);
  if (opened === undefined) throw new CurtainError('NOT_FOUND', 'no such message in your inbox');
  return messageJson(opened);
}

async function answer(vault: InboxVault, customerId: number, message: string, given: ResponseKind) {
  const result = await vault.responses.respond(customerId, message, given);
  if (!result.ok) throw refused(result.error);
  const { messageId, kind, standing, leadId, consentRequest } = result.value;
  const request =
    consentRequest === undefined ? null : { ...consentRequest, reveals: [...consentRequest.reveals] };
  return { messageId, kind, standing, leadId: leadId ?? null, consentRequest: request };
}

async function connectAbout(vault: InboxVault, customerId: number, message: string, body: ConnectConsent) {
  const result = await vault.responses.connect(customerId, message, {
    consent: body.consent,
    noticeVersion: body.notice ?? currentNotice('identity_reveal').id,
    source: 'console',
  });
  if (!result.ok) throw refused(result.error);
  return leadJson(result.value);
}

export function inboxRoutes(vault: InboxVault) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/me/inbox', list, async (request) => {
      const customerId = customerOf(request);
      const [offers, insights] = await Promise.all([
        vault.inbox.list(customerId),
        vault.insights.messages(customerId),
      ]);
      return { messages: offers.map(messageJson), insights: insights.map(insightMessageJson) };
    });
    app.get('/v1/me/inbox/:message', read, (request) =>
      openMessage(vault, customerOf(request), request.params.message),
    );
    app.post('/v1/me/inbox/:message/response', respond, (request) =>
      answer(vault, customerOf(request), request.params.message, request.body.answer),
    );
    app.post('/v1/me/inbox/:message/connect', connect, async (request, reply) =>
      reply
        .status(201)
        .send(await connectAbout(vault, customerOf(request), request.params.message, request.body)),
    );
    return Promise.resolve();
  };
}
