// The compliance services of the vault: subject requests carried out, erasure with proof, retention, Art. 30.
import type { CustomerPii } from '../../core/identity.ts';
import { piiFields } from '../../core/identity.ts';
import { CurtainError } from '../../core/errors.ts';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import type { Storage } from '../../storage/ports.ts';
import type { AccountDirectory } from '../accounts/account-directory.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import { exportCustomer, type AccessExport } from './access-export.ts';
import { renderAccessPage } from './access-page.ts';
import { fairLendingReport, type FairLendingReport } from './fair-lending.ts';
import { ErasureService, type ErasureOutcome, type ReceiptVerdict } from './erasure.ts';
import { restrict, liftRestriction, type RestrictionReason } from './restrictions.ts';
import { forgetStoredScores } from '../questions/stored-scores-store.ts';
import { RetentionService } from './retention.ts';
import type { TransactionRetention } from './transaction-retention.ts';
import { recordsOfProcessing, type RecordsOfProcessing } from './ropa.ts';
import { SubjectRequests, type SubjectRequest } from './subject-requests.ts';

export interface ComplianceServices {
  readonly storage: Storage;
  readonly keys: KeyProvider;
  readonly identity: IdentityStore;
  readonly accounts: AccountDirectory;
  readonly consent: ConsentLedger;
  readonly preferences: PreferenceStore;
  readonly audit: TransparencyLog;
  /** Releases the fair-lending report's counts: noised, charged to the asker, logged. */
  readonly guard: Pick<PrivacyGuard, 'release'>;
}

export interface ComplianceOptions {
  /** The data controller named in exports, receipts and records of processing. */
  readonly controller: string;
  /** The one transaction retention policy: the end of a legal hold, and the retention job's transactions. */
  readonly transactionRetention: TransactionRetention;
  readonly now?: () => Date;
}

export interface AccessResult {
  readonly request: SubjectRequest;
  readonly data: AccessExport;
  readonly html: string;
}

const restrictionOf = { restriction: 'restriction', objection: 'objection' } as const;

export class ComplianceService {
  readonly requests: SubjectRequests;
  readonly retention: RetentionService;
  readonly erasure: ErasureService;
  readonly #services: ComplianceServices;
  readonly #controller: string;
  readonly #now: () => Date;

  constructor(services: ComplianceServices, options: ComplianceOptions) {
    this.#services = services;
    this.#controller = options.controller;
    this.#now = options.now ?? (() => new Date());
    this.requests = new SubjectRequests(services.storage, services.identity, services.audit, this.#now);
    this.retention = new RetentionService(
      services.storage,
      services.audit,
      options.transactionRetention,
      this.#now,
    );
    this.erasure = new ErasureService(services, this.requests, {
      controller: options.controller,
      retentionDays: async (db) => (await options.transactionRetention.active(db)).days,
      now: this.#now,
    });
  }

  /** Everything the vault holds about one customer (no request: for the customer's own "my data" page). */
  exportCustomer(customerId: number, requestId?: string): Promise<AccessExport> {
    return exportCustomer(this.#services, customerId, {
      controller: this.#controller,
      now: this.#now(),
      ...(requestId === undefined ? {} : { requestId }),
    });
  }

  /** Answers a verified access request: the export as JSON and as a page. */
  async access(requestId: string): Promise<AccessResult> {
    const request = await this.requests.verified(requestId, 'access');
    const data = await this.exportCustomer(request.customerId, requestId);
    const subjectRef = await this.#subjectRef(request.customerId);
    const completed = await this.requests.complete(
      requestId,
      { transactions: data.transactions.length, auditEntries: data.auditEntries.length },
      subjectRef,
    );
    return { request: completed, data, html: renderAccessPage(data) };
  }

  /** Corrects identity fields; the log records which fields changed, never their values. */
  async rectify(requestId: string, changes: Partial<CustomerPii>): Promise<SubjectRequest> {
    const request = await this.requests.verified(requestId, 'rectification');
    const unknown = Object.keys(changes).filter((f) => !(piiFields as readonly string[]).includes(f));
    if (unknown.length > 0) throw new CurtainError('USAGE', `not an identity field: ${unknown.join(', ')}`);
    const { identity, storage, audit } = this.#services;
    const before = await identity.readPii(request.customerId);
    const subjectRef = await this.#subjectRef(request.customerId);
    const update = await identity.preparePiiUpdate(request.customerId, { ...before, ...changes });
    const changed = update.changed;
    return storage
      .transaction(async (tx) => {
        await update.write(tx);
        await audit.enqueue(tx, [
          { type: 'identity.rectified', subjectRef, details: { request: requestId, fields: changed } },
        ]);
        return this.requests.complete(requestId, { fields: changed }, subjectRef, tx);
      })
      .finally(() => audit.flush());
  }

  /** Restriction (Art. 18) or objection to profiling (Art. 21): out of every question and delivery from now. */
  async restrict(requestId: string, kind: 'restriction' | 'objection'): Promise<SubjectRequest> {
    const request = await this.requests.verified(requestId, kind);
    const { storage, audit } = this.#services;
    const subjectRef = await this.#subjectRef(request.customerId);
    return storage
      .transaction(async (tx) => {
        await restrict(tx, request.customerId, restrictionOf[kind], requestId, this.#now());
        // An objection to profiling (Art. 21) ends the customer's stored propensity scores at once.
        if (kind === 'objection') await forgetStoredScores(tx, [request.customerId]);
        await audit.enqueue(tx, [
          {
            type: 'processing.restricted',
            subjectRef,
            details: { request: requestId, reason: kind, lifted: false },
          },
        ]);
        return this.requests.complete(requestId, { reason: kind }, subjectRef, tx);
      })
      .finally(() => audit.flush());
  }

  /** Lifts a restriction or objection (the customer asked, or the reason ended); logged. */
  async lift(customerId: number, reason: RestrictionReason): Promise<boolean> {
    const lifted = await liftRestriction(this.#services.storage, customerId, reason, this.#now());
    if (lifted) {
      const subjectRef = await this.#subjectRef(customerId);
      await this.#services.audit.record([
        { type: 'processing.restricted', subjectRef, details: { reason, lifted: true } },
      ]);
    }
    return lifted;
  }

  erase(requestId: string, externalId?: string): Promise<ErasureOutcome> {
    return this.erasure.erase(requestId, externalId);
  }

  verifyErasureReceipt(jws: string): Promise<ReceiptVerdict> {
    return this.erasure.verifyReceipt(jws);
  }

  async recordsOfProcessing(): Promise<RecordsOfProcessing> {
    return recordsOfProcessing(this.#services.storage, await this.retention.policies(), {
      controller: this.#controller,
      now: this.#now(),
    });
  }

  /** The disparate-impact summary of a credit campaign across age bands, charged to `asker`'s budget. */
  fairLending(campaignId: string, asker: string): Promise<FairLendingReport> {
    const { storage, identity, guard } = this.#services;
    return fairLendingReport({ storage, identity, guard }, campaignId, asker);
  }

  async #subjectRef(customerId: number): Promise<string> {
    const ref = (await this.#services.identity.auditSubjects([customerId])).get(customerId);
    if (ref === undefined) throw new CurtainError('CUSTOMER_ERASED', 'the customer was erased');
    return ref;
  }
}
