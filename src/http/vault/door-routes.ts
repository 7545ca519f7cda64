// The vault's door over HTTP: internal routes that only the hub process, holding the door key, may call.
import type { FastifyInstance } from 'fastify';
import type {
  AudienceReleaseRequest,
  DeliveryRequest,
  HubAuditEvent,
  VaultDoor,
} from '../../core/vault-door.ts';

const tags = ['internal'];
const config = { access: 'door' } as const;
const object = { type: 'object' } as const;
const text = { type: 'string', minLength: 1, maxLength: 10_000 } as const;

const stringBody = (...required: string[]) => ({
  type: 'object',
  required,
  properties: Object.fromEntries(required.map((name) => [name, text])),
});

const check = {
  config,
  schema: { summary: 'VaultDoor.check', tags, body: stringBody('expression', 'purpose') },
};

const count = {
  config,
  schema: { summary: 'VaultDoor.count', tags, body: stringBody('expression', 'purpose', 'asker') },
};

const deliver = {
  config,
  schema: {
    summary: 'VaultDoor.deliver: runs to the end (resuming an interrupted run), then answers',
    tags,
    body: { ...object, required: ['campaignId', 'requestedBy', 'purpose', 'audience', 'offer'] },
  },
};

const releaseAudience = {
  config,
  schema: {
    summary: 'VaultDoor.releaseAudience',
    tags,
    body: { ...object, required: ['campaignId', 'requestedBy', 'purpose', 'audience'] },
  },
};

const results = {
  config,
  schema: { summary: 'VaultDoor.results', tags, body: stringBody('campaignId', 'requestedBy') },
};

const record = {
  config,
  schema: {
    summary: 'VaultDoor.record',
    tags,
    body: {
      type: 'object',
      required: ['events'],
      properties: { events: { type: 'array', maxItems: 1000, items: object } },
    },
  },
};

const kind = {
  config,
  schema: {
    summary: 'VaultDoor.kind: demo, real or undecided, as the vault records it',
    tags,
    body: { type: 'object', additionalProperties: false, properties: {} },
    response: {
      200: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string', enum: ['demo', 'real', 'undecided'] } },
      },
    },
  },
};

/** Each route answers the door method's Result as JSON: `{ ok: true, value }` or `{ ok: false, error }`. */
export function doorRoutes(door: VaultDoor) {
  return (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { expression: string; purpose: string } }>('/internal/door/check', check, (request) =>
      door.check(request.body.expression, request.body.purpose),
    );
    app.post<{ Body: { expression: string; purpose: string; asker: string } }>(
      '/internal/door/count',
      count,
      (request) => door.count(request.body.expression, request.body.purpose, request.body.asker),
    );
    app.post<{ Body: DeliveryRequest }>('/internal/door/deliver', deliver, (request) =>
      door.deliver(request.body),
    );
    app.post<{ Body: AudienceReleaseRequest }>(
      '/internal/door/release-audience',
      releaseAudience,
      (request) => door.releaseAudience(request.body),
    );
    app.post<{ Body: { campaignId: string; requestedBy: string } }>(
      '/internal/door/results',
      results,
      (request) => door.results(request.body.campaignId, request.body.requestedBy),
    );
    app.post<{ Body: { events: HubAuditEvent[] } }>(
      '/internal/door/record',
      record,
      async (request, reply) => {
        await door.record(request.body.events);
        return reply.status(204).send();
      },
    );
    app.post('/internal/door/kind', kind, async () => ({ kind: await door.kind() }));
    return Promise.resolve();
  };
}
