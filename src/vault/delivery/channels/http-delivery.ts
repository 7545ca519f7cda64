// POSTs one body with retries: exponential backoff with jitter on network errors, 429 and 5xx; never a redirect.
import type { SendResult } from './channel.ts';

export interface RetryOptions {
  /** Attempts in all, the first included; default 5. */
  readonly maxAttempts?: number;
  /** The wait before the second attempt, doubled for each further one; default 500 ms. */
  readonly baseDelayMs?: number;
  /** The longest backoff between two attempts; default 30 s. */
  readonly maxDelayMs?: number;
  /**
   * The longest `Retry-After` the adapter sleeps through; a longer one ends the send with a retryable failure
   * that carries `retryAfterMs`, for the caller to reschedule. Default 60 s.
   */
  readonly maxRetryAfterMs?: number;
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
}

/** Seams for tests: how to wait, and where the jitter comes from (a number in [0, 1)). */
export interface RetryClock {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export interface HttpRequest {
  readonly url: URL;
  readonly body: string;
  /** Headers for one attempt (1-based), so that a signature can be made fresh for each. */
  readonly headers: (attempt: number) => Record<string, string>;
}

const defaults = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 10_000,
} satisfies Required<RetryOptions>;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Failure {
  readonly retryable: boolean;
  readonly reason: string;
  readonly retryAfterMs?: number;
}

export function resolveRetryOptions(options: RetryOptions = {}): Required<RetryOptions> {
  const resolved = { ...defaults, ...options };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new RangeError('maxAttempts must be a positive integer.');
  }
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs', 'timeoutMs'] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) throw new RangeError(`${key} must be ≥ 0.`);
  }
  return resolved;
}

/** Backoff before attempt `attempt + 1`: base · 2^(attempt−1), capped, then scaled into [½, 1) by jitter. */
export function backoffMs(attempt: number, options: Required<RetryOptions>, random: () => number): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

/** Reads `Retry-After` as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function postWithRetry(
  request: HttpRequest,
  options: Required<RetryOptions>,
  clock: RetryClock = {},
): Promise<SendResult> {
  const sleep = clock.sleep ?? wait;
  const random = clock.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const failure = await attemptOnce(request, attempt, options.timeoutMs);
    if (failure === undefined) return { ok: true, attempts: attempt };
    const base = {
      ok: false,
      retryable: failure.retryable,
      reason: failure.reason,
      attempts: attempt,
    } as const;
    const retryAfter = failure.retryAfterMs;
    const last = retryAfter === undefined ? base : { ...base, retryAfterMs: retryAfter };
    if (!failure.retryable || attempt >= options.maxAttempts || (retryAfter ?? 0) > options.maxRetryAfterMs) {
      return last;
    }
    await sleep(Math.max(backoffMs(attempt, options, random), retryAfter ?? 0));
  }
}

async function attemptOnce(
  request: HttpRequest,
  attempt: number,
  timeoutMs: number,
): Promise<Failure | undefined> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      body: request.body,
      headers: { 'content-type': 'application/json', ...request.headers(attempt) },
      // A redirect could lead off the configured host: it is a failure, never followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { retryable: true, reason: networkReason(error) };
  }
  // The body is not needed; reading it to the end frees the connection for reuse.
  await response.arrayBuffer().catch(() => undefined);
  const status = response.status;
  if (status >= 200 && status < 300) return undefined;
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return retryAfterMs === undefined
      ? { retryable: true, reason: `http ${status}` }
      : { retryable: true, reason: `http ${status}`, retryAfterMs };
  }
  if (status >= 300 && status < 400) return { retryable: false, reason: `http ${status} redirect refused` };
  return { retryable: false, reason: `http ${status}` };
}

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `network ${cause.code}` : 'network';
}
