// The guard's policy in the vault: versions proposed by one person, active once another approves; all logged.
import { CurtainError } from '../../core/errors.ts';
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import {
  defaultGuardPolicy,
  parseGuardPolicy,
  policyToJson,
  type GuardPolicy,
  type GuardPolicyJson,
} from './policy.ts';

export interface ActivePolicy {
  /** 0 is the built-in default, before any approved change. */
  readonly version: number;
  readonly policy: GuardPolicy;
}

export interface PolicyVersion {
  readonly version: number;
  readonly status: 'proposed' | 'active' | 'superseded' | 'rejected';
  readonly policy: GuardPolicyJson;
  readonly reason: string;
  readonly proposedBy: string;
  readonly decidedBy: string | null;
}

interface PolicyRow {
  version: number;
  status: PolicyVersion['status'];
  policy: GuardPolicyJson;
  reason: string;
  proposed_by: string;
  decided_by: string | null;
}

export class PolicyStore {
  readonly #storage: Storage;
  readonly #audit: TransactionalAuditSink<SqlExecutor>;

  constructor(storage: Storage, audit: TransactionalAuditSink<SqlExecutor>) {
    this.#storage = storage;
    this.#audit = audit;
  }

  async active(): Promise<ActivePolicy> {
    const { rows } = await this.#storage.query<{ version: number; policy: unknown }>(
      "SELECT version, policy FROM privacy_policies WHERE status = 'active'",
    );
    const row = rows[0];
    if (row === undefined) return { version: 0, policy: defaultGuardPolicy };
    const parsed = parseGuardPolicy(row.policy);
    if (!parsed.ok)
      throw new CurtainError('CONFIG_INVALID', `the active privacy policy is invalid: ${parsed.error}`);
    return { version: row.version, policy: parsed.value };
  }

  async list(): Promise<PolicyVersion[]> {
    const { rows } = await this.#storage.query<PolicyRow>(
      'SELECT version, status, policy, reason, proposed_by, decided_by FROM privacy_policies ORDER BY version',
    );
    return rows.map((r) => ({
      version: r.version,
      status: r.status,
      policy: r.policy,
      reason: r.reason,
      proposedBy: r.proposed_by,
      decidedBy: r.decided_by,
    }));
  }

  /** Proposes a change: the fields given replace those of the active policy. */
  async propose(change: Partial<GuardPolicyJson>, by: string, reason: string): Promise<PolicyVersion> {
    const current = await this.active();
    const candidate = { ...policyToJson(current.policy), ...change };
    const parsed = parseGuardPolicy(candidate);
    if (!parsed.ok) throw new CurtainError('POLICY_INVALID', parsed.error);
    const json = policyToJson(parsed.value);
    const version = await this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<{ next: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM privacy_policies',
      );
      const next = rows[0]!.next;
      await tx.query(
        `INSERT INTO privacy_policies (version, policy, status, reason, proposed_by)
         VALUES ($1, $2, 'proposed', $3, $4)`,
        [next, JSON.stringify(json), reason, by],
      );
      await this.#audit.enqueue(tx, [
        {
          type: 'admin.action',
          details: {
            action: 'privacy_policy.proposed',
            version: next,
            from: policyToJson(current.policy),
            to: json,
          },
        },
      ]);
      return next;
    });
    await this.#audit.flush();
    return { version, status: 'proposed', policy: json, reason, proposedBy: by, decidedBy: null };
  }

  /** Approves a proposed version; the approver must not be its proposer. */
  async approve(version: number, by: string): Promise<ActivePolicy> {
    return this.#decide(version, by, 'active');
  }

  async reject(version: number, by: string): Promise<void> {
    await this.#decide(version, by, 'rejected');
  }

  async #decide(version: number, by: string, status: 'active' | 'rejected'): Promise<ActivePolicy> {
    const before = await this.active();
    await this.#storage.transaction(async (tx) => {
      const { rows } = await tx.query<PolicyRow>(
        'SELECT version, status, policy, reason, proposed_by, decided_by FROM privacy_policies WHERE version = $1 FOR UPDATE',
        [version],
      );
      const row = rows[0];
      if (row === undefined) throw new CurtainError('NOT_FOUND', `no privacy policy version ${version}`);
      if (row.status !== 'proposed') {
        throw new CurtainError(
          'POLICY_APPROVAL_REFUSED',
          `version ${version} is ${row.status}, not proposed`,
        );
      }
      if (row.proposed_by === by) {
        throw new CurtainError(
          'POLICY_APPROVAL_REFUSED',
          `version ${version} was proposed by ${by}; another person must decide on it`,
        );
      }
      if (status === 'active') {
        await tx.query("UPDATE privacy_policies SET status = 'superseded' WHERE status = 'active'");
      }
      await tx.query(
        'UPDATE privacy_policies SET status = $2, decided_by = $3, decided_at = now() WHERE version = $1',
        [version, status, by],
      );
      await this.#audit.enqueue(tx, [
        {
          type: 'admin.action',
          details: {
            action: status === 'active' ? 'privacy_policy.approved' : 'privacy_policy.rejected',
            version,
            from: policyToJson(before.policy),
            to: row.policy,
          },
        },
      ]);
    });
    await this.#audit.flush();
    return status === 'active' ? this.active() : before;
  }
}
