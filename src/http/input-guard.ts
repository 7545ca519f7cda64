// Bytes no request carries past the door: control characters and invalid UTF-8 are refused with INPUT_INVALID.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { codePointName, firstControlCharacter } from '../core/control-characters.ts';
import { CurtainError } from '../core/errors.ts';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const maxDepth = 64;

/** Where in a value the first forbidden character is, e.g. `body.offer.title`, and which one. */
function findControl(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') {
    const found = firstControlCharacter(value);
    return found === undefined
      ? undefined
      : `${path} holds the control character ${codePointName(found.code)} at position ${found.index + 1}`;
  }
  if (value === null || typeof value !== 'object' || depth > maxDepth) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = findControl(item, `${path}[${index}]`, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  // A statement upload is a stream of bytes for the parsers, which quarantine row by row.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const named = firstControlCharacter(key) === undefined ? `${path}.${key}` : `${path} (a key)`;
    const problem = findControl(key, named, depth + 1) ?? findControl(item, named, depth + 1);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function refuse(problem: string | undefined): void {
  if (problem !== undefined) throw new CurtainError('INPUT_INVALID', problem);
}

/**
 * Installs, before any other hook: a check of headers, the query string and path parameters when a request
 * arrives (so that access control never reads them), a JSON body parser that refuses invalid UTF-8 instead
 * of replacing it, and a check of the parsed body. Tab, line feed and carriage return are allowed.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    for (const [name, value] of Object.entries(request.headers)) refuse(findControl(value, `header ${name}`));
    refuse(findControl(request.query, 'query'));
    refuse(findControl(request.params, 'path'));
    return Promise.resolve();
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = fatalUtf8.decode(body as Buffer);
    } catch {
      done(new CurtainError('INPUT_INVALID', 'body: not valid UTF-8'), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    refuse(findControl(request.body, 'body'));
    return Promise.resolve();
  });
}
