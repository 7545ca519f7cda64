// The customer's own insights over HTTP: computed now, and the insight messages of their inbox. Customers only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import { insightMessage, insightMessageDetail, insights, messageParams } from '../../contracts/insights.ts';
import { CurtainError } from '../../core/errors.ts';
import type { StoredInsightMessage } from '../../vault/insights/insights-store.ts';
import type { InsightsService } from '../../vault/insights/insights-service.ts';
import { customerOf } from '../auth/access-control.ts';
import { customerAccess, tags } from './customer-common.ts';

const mine = {
  config: customerAccess,
  // A HEAD could not say why it was refused (no consent): only GET.
  exposeHeadRoute: false,
  schema: {
    summary: 'My spending insights now: regular payments, month over month, balance forecast, suggestions',
    description:
      'Needs the consent "spending_insights". Computed in the vault from my own data; nobody else sees them.',
    tags,
    response: { 200: insights, '4xx': errorBody },
  },
};

const messages = {
  config: customerAccess,
  schema: {
    summary: 'My insight messages, newest first',
    tags,
    response: { 200: listOf('messages', insightMessage), '4xx': errorBody },
  },
};

const read = {
  config: customerAccess,
  schema: {
    summary: 'One of my insight messages, with the insights it was sent with (marks it opened)',
    tags,
    params: messageParams,
    response: { 200: insightMessageDetail, '4xx': errorBody },
  },
};

/** An insight message as its lists show it (here and in the inbox): the full insights only when opened. */
export const insightMessageJson = (m: StoredInsightMessage) => ({
  id: m.publicId,
  title: m.title,
  body: m.body,
  deliveredAt: m.deliveredAt.toISOString(),
  ...(m.openedAt === undefined ? {} : { openedAt: m.openedAt.toISOString() }),
});

export function insightsRoutes(service: InsightsService) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/me/insights', mine, (request) => service.forCustomer(customerOf(request)));
    app.get('/v1/me/insights/messages', messages, async (request) => ({
      messages: (await service.messages(customerOf(request))).map(insightMessageJson),
    }));
    app.get('/v1/me/insights/messages/:message', read, async (request) => {
      const found = await service.open(customerOf(request), request.params.message);
      if (found === undefined)
        throw new CurtainError('NOT_FOUND', 'no insight message with this id is yours');
      return { ...insightMessageJson(found), insights: found.insights as never };
    });
    return Promise.resolve();
  };
}
