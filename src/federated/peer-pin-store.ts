// The vault's own pins for federated rounds: each peer region's log key, set by this vault's operator.
import type { AuditSink } from '../core/audit-event.ts';
import { CurtainError } from '../core/errors.ts';
import type { Storage } from '../storage/ports.ts';
import { parseVerifierKey } from '../audit/checkpoint.ts';

export interface PeerPin {
  readonly region: string;
  readonly publicKey: string;
  readonly pinnedBy: string;
  readonly pinnedAt: string;
}

const regionPattern = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * The keys this vault checks peers' key bundles against. The hub pins the same keys at registration, but the
 * vault never takes them from the hub: a hub that relayed a key of its own could otherwise sit in the middle.
 */
export class PeerPins {
  readonly #storage: Storage;
  readonly #audit: AuditSink;

  constructor(storage: Storage, audit: AuditSink) {
    this.#storage = storage;
    this.#audit = audit;
  }

  /** Pins (or re-pins, after a peer's key rotation) a region's verifier key; the log records who did it. */
  async pin(region: string, publicKey: string, actor: string): Promise<PeerPin> {
    if (!regionPattern.test(region)) {
      throw new CurtainError('USAGE', 'region: lower-case letters, digits, "_" or "-", at most 32');
    }
    if (parseVerifierKey(publicKey) === undefined) {
      throw new CurtainError('USAGE', 'publicKey: a log verifier key, <name>+<key hash>+<key>');
    }
    const { rows } = await this.#storage.query<{ pinned_at: Date }>(
      `INSERT INTO federation_peers (region, public_key, pinned_by) VALUES ($1, $2, $3)
       ON CONFLICT (region) DO UPDATE SET public_key = EXCLUDED.public_key, pinned_by = EXCLUDED.pinned_by,
         pinned_at = now()
       RETURNING pinned_at`,
      [region, publicKey, actor],
    );
    await this.#audit.record([
      { type: 'admin.action', details: { action: 'federation.peer.pinned', region, by: actor } },
    ]);
    return { region, publicKey, pinnedBy: actor, pinnedAt: rows[0]!.pinned_at.toISOString() };
  }

  /** Region → pinned verifier key. */
  async all(): Promise<Map<string, string>> {
    const { rows } = await this.#storage.query<{ region: string; public_key: string }>(
      'SELECT region, public_key FROM federation_peers ORDER BY region',
    );
    return new Map(rows.map((row) => [row.region, row.public_key]));
  }
}
