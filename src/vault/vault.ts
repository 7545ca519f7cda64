// What a vault is, as the rest of the program sees it: its services, wired by the composition root (src/app/).
import type { TransparencyLog } from '../audit/audit-log.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import type { PeerPins } from '../federated/peer-pin-store.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import type { BudgetRequests } from '../privacy/guard/budget-requests.ts';
import type { PolicyStore } from '../privacy/guard/policy-store.ts';
import type { PrivacyGuard } from '../privacy/guard/privacy-guard.ts';
import type { DataDirLock } from '../storage/data-dir-lock.ts';
import type { Storage } from '../storage/ports.ts';
import type { AccountDirectory } from './accounts/account-directory.ts';
import type { AvatarService } from './avatars/avatar-service.ts';
import type { ComplianceService } from './compliance/compliance-service.ts';
import type { ConsentLedger } from './consent/consent-ledger.ts';
import type { PreferenceStore } from './consent/preference-store.ts';
import type { DeliveryService } from './delivery/delivery-service.ts';
import type { EdgeService } from './edge/edge-service.ts';
import type { InboxService } from './delivery/inbox-service.ts';
import type { IdentityStore } from './identity/identity-store.ts';
import type { PushDevices } from './identity/push-devices.ts';
import type { InsightsService } from './insights/insights-service.ts';
import type { IngestService } from './ingest/ingest-service.ts';
import type { ImportService } from './import/import-service.ts';
import type { RelationshipRetention } from './import/relationship-retention.ts';
import type { QuestionService } from './questions/question-service.ts';
import type { VaultQuestionEngine } from './questions/vault-engine.ts';
import type { AdvisorQueue } from './responses/advisor-queue.ts';
import type { AdvisorLeads } from './responses/my-leads.ts';
import type { ResponseService } from './responses/response-service.ts';
import type { ModelRegistry } from '../models/registry/registry-service.ts';

export interface VaultServices {
  readonly storage: Storage;
  readonly keys: KeyProvider;
  readonly identity: IdentityStore;
  readonly accounts: AccountDirectory;
  readonly ingest: IngestService;
  /** Customers, accounts with owners, products held and consents from the bank's systems of record. */
  readonly imports: ImportService;
  readonly audit: TransparencyLog;
  readonly consent: ConsentLedger;
  readonly preferences: PreferenceStore;
  /** The privacy guard's policy: proposed by one person, active once another approves. */
  readonly policies: PolicyStore;
  /** The one privacy guard: every count that leaves the vault is noised, charged and logged by it. */
  readonly guard: PrivacyGuard;
  /** Requests for more ε: granted by an approver from unspent vault-wide ε, never above the vault's budget. */
  readonly budgetRequests: BudgetRequests;
  /** Questions: parsed, checked and evaluated here, answered through the guard. */
  readonly questions: QuestionService;
  /** Frozen propensity model versions: cards, two-person approval, retirement, stored scores. */
  readonly models: ModelRegistry;
  /** The peers' log keys this vault's operator pinned for federated rounds (its own among them). */
  readonly federationPeers: PeerPins;
  /** Which engine answers questions: SQL until the columnar store is loaded (`loadColumnar`). */
  readonly questionEngine: VaultQuestionEngine;
  /** Avatars per epoch and per-campaign tokens: only the vault can resolve them. */
  readonly avatars: AvatarService;
  /** Campaigns into the inbox, exactly once, and their notices on other channels, at least once. */
  readonly delivery: DeliveryService;
  /** What a customer reads: their own messages, with "why am I seeing this". */
  readonly inbox: InboxService;
  /** Answers to messages, and the consented introduction to an advisor. */
  readonly responses: ResponseService;
  /** Leads for advisors; identity only against a valid, per-lead consent receipt. */
  readonly advisorQueue: AdvisorQueue;
  /** An advisor's own claimed leads: identity while consent stands, status, sealed notes, history. */
  readonly advisorLeads: AdvisorLeads;
  /** The one door through which the hub reaches the vault. */
  readonly door: VaultDoor;
  /** The device a customer registered for push notices. */
  readonly pushDevices: PushDevices;
  /** Data subject requests, erasure with a signed receipt, retention, records of processing. */
  readonly compliance: ComplianceService;
  /** Former customers erased once the anti-money-laundering period after the relationship has passed. */
  readonly relationshipRetention: RelationshipRetention;
  /** The customer's own insights, behind `spending_insights`; no staff role or hub route reads them. */
  readonly insights: InsightsService;
  /** Edge mode: signed definitions for devices, report tokens and reports, admission and noised results. */
  readonly edge: EdgeService;
  /** Customers shredded again at open: erased after the backup this database was restored from. */
  readonly reshreddedAtOpen: number;
}

/** An opened vault: its services, and what it holds until closed. */
export interface Vault extends VaultServices {
  /** Present in embedded mode: the lock on the data directory, held until close. */
  readonly lock: DataDirLock | undefined;
  close(): Promise<void>;
}
