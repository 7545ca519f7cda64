// The vault's door over HTTP: internal routes that only the hub process, holding the door key, may call.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBody } from '../../contracts/common.ts';
import { doorMethods, type DoorMethod, type Message } from '../../contracts/door.ts';
import type { VaultDoor } from '../../core/vault-door.ts';

type Request<M extends DoorMethod> = z.output<(typeof doorMethods)[M]['request']>;
type AnswerSchema<M extends DoorMethod> = (typeof doorMethods)[M]['answer'];
/** The method's answer as the door gives it (read-only), or undefined for a 204. */
type Answer<M extends DoorMethod> = AnswerSchema<M> extends z.ZodType ? Message<AnswerSchema<M>> : undefined;

/**
 * Each route validates its body with the method's request contract and answers the method's Result as JSON
 * (`{ ok: true, value }` or `{ ok: false, error }`), serialised by its answer contract; `record`, `endReservation` and `roundAbort`
 * answer 204.
 */
export function doorRoutes(door: VaultDoor) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    function route<M extends DoorMethod>(method: M, handle: (body: Request<M>) => Promise<Answer<M>>) {
      const { path, summary, request, answer } = doorMethods[method];
      const response = answer === null ? { '4xx': errorBody } : { 200: answer, '4xx': errorBody };
      app.post(
        `/internal/door/${path}`,
        { config: { access: 'door' }, schema: { summary, tags: ['internal'], body: request, response } },
        async (req, reply) => {
          // Typed per method by `handle`: Fastify validated the body with the method's request contract and its
          // serialiser checks the answer against the answer contract (tsc cannot narrow the route's unions to M).
          const body: unknown = req.body;
          const answered: unknown = await handle(body as Request<M>);
          return answered === undefined ? reply.status(204).send() : answered;
        },
      );
    }

    route('check', (body) => door.check(body.expression, body.purpose));
    route('count', (body) => door.count(body.expression, body.purpose, body.asker));
    route('deliver', (body) => door.deliver(body));
    route('releaseAudience', (body) => door.releaseAudience(body));
    route('results', (body) => door.results(body.campaignId, body.requestedBy));
    route('reserve', (body) => door.reserve(body));
    route('endReservation', (body) => door.endReservation(body).then(() => undefined));
    route('stop', (body) => door.stop(body));
    route('record', (body) => door.record(body.events).then(() => undefined));
    route('kind', async () => ({ kind: await door.kind() }));
    route('identify', (body) => door.identify(body.nonce));
    route('roundBegin', (body) => door.roundBegin(body));
    route('roundShare', (body) => door.roundShare(body));
    route('roundMask', (body) => door.roundMask(body));
    route('roundUnmask', (body) => door.roundUnmask(body));
    route('roundFinish', (body) => door.roundFinish(body));
    route('roundAbort', (body) => door.roundAbort(body).then(() => undefined));
    return Promise.resolve();
  };
}
