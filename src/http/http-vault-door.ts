// The hub's side of the door when the vault runs in another process: the same interface, over authenticated HTTP.
import { CurtainError, errorCatalogue, type ErrorCode } from '../core/errors.ts';
import type { Result } from '../core/result.ts';
import type {
  AudienceReleaseRequest,
  CampaignResults,
  DeliveryReport,
  DeliveryRefusal,
  DeliveryRequest,
  DoorRefusal,
  HubAuditEvent,
  ProtectedCount,
  QuestionCheck,
  ReleasedAudience,
  VaultDoor,
  VaultKindAnswer,
} from '../core/vault-door.ts';
import { doorKeyHeader } from './auth/access-control.ts';

export interface HttpVaultDoorOptions {
  /** The vault's base URL, e.g. https://vault.bank.internal:8443. */
  readonly url: string;
  /** The shared door key (CURTAIN_DOOR_KEY), the same on both sides. */
  readonly key: string;
}

export class HttpVaultDoor implements VaultDoor {
  readonly #url: string;
  readonly #key: string;

  constructor(options: HttpVaultDoorOptions) {
    this.#url = options.url;
    this.#key = options.key;
  }

  check(expression: string, purpose: string): Promise<Result<QuestionCheck, DoorRefusal>> {
    return this.#call('check', { expression, purpose });
  }

  count(expression: string, purpose: string, asker: string): Promise<Result<ProtectedCount, DoorRefusal>> {
    return this.#call('count', { expression, purpose, asker });
  }

  async deliver(
    request: DeliveryRequest,
    onProgress?: (fractionDone: number) => void,
  ): Promise<Result<DeliveryReport, DeliveryRefusal>> {
    // The vault answers when the run ends; progress arrives as that one final step.
    const result = await this.#call<Result<DeliveryReport, DeliveryRefusal>>('deliver', request);
    if (result.ok) onProgress?.(result.value.fractionDone);
    return result;
  }

  releaseAudience(request: AudienceReleaseRequest): Promise<Result<ReleasedAudience, DeliveryRefusal>> {
    return this.#call('release-audience', request);
  }

  results(campaignId: string, requestedBy: string): Promise<Result<CampaignResults, DoorRefusal>> {
    return this.#call('results', { campaignId, requestedBy });
  }

  async record(events: readonly HubAuditEvent[]): Promise<void> {
    await this.#call('record', { events });
  }

  async kind(): Promise<VaultKindAnswer> {
    const answer = await this.#call<{ kind: VaultKindAnswer }>('kind', {});
    return answer.kind;
  }

  /** Whether the vault answers at all (the hub's readiness). */
  async reachable(): Promise<boolean> {
    const response = await fetch(new URL('/ready', this.#url)).catch(() => undefined);
    return response?.ok === true;
  }

  async #call<T>(method: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(`/internal/door/${method}`, this.#url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [doorKeyHeader]: this.#key },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new CurtainError('VAULT_UNAVAILABLE', `the vault cannot be reached: ${(error as Error).message}`);
    }
    if (response.status === 204) return undefined as T;
    const parsed = (await response.json()) as T & { error?: { code?: string; message?: string } };
    if (response.status === 401 || response.status === 403) {
      throw new CurtainError('VAULT_UNAVAILABLE', 'the vault refused the hub’s door key');
    }
    if (!response.ok) {
      const code = parsed.error?.code;
      const known = code !== undefined && code in errorCatalogue ? (code as ErrorCode) : 'VAULT_UNAVAILABLE';
      throw new CurtainError(
        known,
        `the vault refused the door call: ${parsed.error?.message ?? response.status}`,
      );
    }
    return parsed;
  }
}
