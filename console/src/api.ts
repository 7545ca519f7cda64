// The console's only door to Curtain: fetch the HTTP API with the session cookie and the CSRF token.
import type { components } from './api/schema.gen.ts';

/** One problem of a segment, with its span and any suggestion (docs/segment-language.md). */
export type LanguageDiagnostic = components['schemas']['LanguageDiagnostic'];

/** An error the API answered with: its stable code (docs/errors.md) and, for segments, rendered diagnostics. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly rendered?: string,
    readonly diagnostics?: readonly LanguageDiagnostic[],
  ) {
    super(message);
  }
}

const csrfKey = 'curtain.csrf';

/** Remembered for the tab from the sign-in answer; the readable cookie is the fallback after a reload. */
export function rememberCsrf(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(csrfKey);
  else sessionStorage.setItem(csrfKey, token);
}

function csrfToken(): string | undefined {
  const stored = sessionStorage.getItem(csrfKey);
  if (stored !== null) return stored;
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('curtain_csrf='));
  return cookie === undefined ? undefined : decodeURIComponent(cookie.slice('curtain_csrf='.length));
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token !== undefined) headers['x-csrf-token'] = token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = (text === '' ? {} : JSON.parse(text)) as {
    error?: {
      code: string;
      message: string;
      rendered?: string;
      diagnostics?: readonly LanguageDiagnostic[];
    };
  };
  if (!response.ok) {
    // The server always answers an error with a coded body (docs/errors.md); one without is unexpected.
    const error = json.error ?? {
      code: 'INTERNAL',
      message: `the server answered ${response.status} ${response.statusText} without an error body`,
    };
    throw new ApiError(
      response.status,
      error.code,
      error.message,
      error.rendered,
      'diagnostics' in error ? error.diagnostics : undefined,
    );
  }
  return json as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);

/** The message of anything thrown, for an alert. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiError
    ? `${error.message} (${error.code})`
    : error instanceof Error
      ? error.message
      : String(error);
