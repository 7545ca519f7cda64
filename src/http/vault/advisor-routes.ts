// Advisors: open leads without identities; claiming one and showing it again reveal who, while consent stands.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  advisorLeadParams,
  advisorQueue,
  advisorQueueChoice,
  leadNote,
  leadStatusChange,
  leadWorkStatus,
  myLead,
  queuedLead,
  revealedLead,
} from '../../contracts/advisor.ts';
import { z } from 'zod';
import { errorBody, listOf } from '../../contracts/common.ts';
import type { VaultServices } from '../../vault/vault.ts';
import { refused } from '../../vault/responses/refusals.ts';
import { staffOf } from '../auth/access-control.ts';

const tags = ['advisor'];
const access = { access: ['advisor'] } as const;
const revealed = { 200: revealedLead, '4xx': errorBody };

const list = {
  config: access,
  schema: {
    summary: 'Open leads of the bank’s (or a partner’s) queue: no identity until one is claimed',
    tags,
    querystring: advisorQueue,
    response: { 200: listOf('leads', queuedLead), '4xx': errorBody },
  },
};

const claim = {
  config: access,
  schema: {
    summary: 'Take up a lead: verifies the customer’s consent receipt, then reveals whom to contact',
    description: 'The identity is in this response only; the claim is recorded in the transparency log.',
    tags,
    params: advisorLeadParams,
    body: advisorQueueChoice,
    response: revealed,
  },
};

const show = {
  config: access,
  schema: {
    summary: 'A lead the advisor took up, with whom to contact while the customer still agrees',
    description:
      'Checks consent, restrictions, objections and erasure again at every display: after a withdrawal the ' +
      'answer is IDENTITY_WITHHELD ("the customer withdrew consent") and nothing of the customer.',
    tags,
    params: advisorLeadParams,
    querystring: advisorQueue,
    response: revealed,
  },
};

const mine = {
  config: access,
  schema: {
    summary:
      'The leads this advisor took up: whom to contact while consent stands, status, notes and history',
    description:
      'Each identity is decided afresh (as GET /v1/leads/{lead}); after a withdrawal, restriction, objection ' +
      'or erasure the lead shows `withheld` and no identity or note text.',
    tags,
    querystring: advisorQueue,
    response: { 200: listOf('leads', myLead), '4xx': errorBody },
  },
};

const setStatus = {
  config: access,
  schema: {
    summary: 'Set the status of a lead this advisor took up (recorded in its history and the log)',
    tags,
    params: advisorLeadParams,
    body: leadStatusChange,
    response: {
      200: z.object({ leadId: z.string(), status: leadWorkStatus }).meta({ id: 'LeadStatus' }),
      '4xx': errorBody,
    },
  },
};

const addNote = {
  config: access,
  schema: {
    summary:
      'Add a note to a lead this advisor took up: sealed under the customer’s key, while consent stands',
    tags,
    params: advisorLeadParams,
    body: leadNote,
    response: { 200: z.object({ leadId: z.string() }).meta({ id: 'LeadNoted' }), '4xx': errorBody },
  },
};

export function advisorRoutes(vault: Pick<VaultServices, 'advisorQueue' | 'advisorLeads'>) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/leads', list, async (request) => ({
      leads: await vault.advisorQueue.list({ recipient: request.query.partner ?? 'bank' }),
    }));
    app.post('/v1/leads/:lead/claim', claim, async (request) => {
      const result = await vault.advisorQueue.claim(staffOf(request).handle, request.params.lead, {
        recipient: request.body?.partner ?? 'bank',
      });
      if (!result.ok) throw refused(result.error);
      return result.value;
    });
    app.get('/v1/leads/:lead', show, async (request) => {
      const result = await vault.advisorQueue.show(staffOf(request).handle, request.params.lead, {
        recipient: request.query.partner ?? 'bank',
      });
      if (!result.ok) throw refused(result.error);
      return result.value;
    });
    app.get('/v1/my-leads', mine, async (request) => ({
      leads: await vault.advisorLeads.mine(staffOf(request).handle, {
        recipient: request.query.partner ?? 'bank',
      }),
    }));
    app.post('/v1/leads/:lead/status', setStatus, async (request) => {
      const result = await vault.advisorLeads.setStatus(
        staffOf(request).handle,
        request.params.lead,
        request.body.status,
        { recipient: request.body.partner ?? 'bank' },
      );
      if (!result.ok) throw refused(result.error);
      return result.value;
    });
    app.post('/v1/leads/:lead/notes', addNote, async (request) => {
      const result = await vault.advisorLeads.addNote(
        staffOf(request).handle,
        request.params.lead,
        request.body.text,
        {
          recipient: request.body.partner ?? 'bank',
        },
      );
      if (!result.ok) throw refused(result.error);
      return result.value;
    });
    return Promise.resolve();
  };
}
