// Maps errors to HTTP responses in one place: stable codes, no customer values, no stack traces.
import type { FastifyInstance } from 'fastify';
import { CurtainError } from '../core/errors.ts';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export function registerErrorMapping(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof CurtainError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: 'USAGE', message: (error as Error).message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unexpected failure');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'unexpected failure; see the server log' } });
  });
}
