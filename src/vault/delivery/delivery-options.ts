// What delivery is built from: the vault services it uses and its options (the composition root fills both).
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import type { QuestionEngine } from '../../language/plan.ts';
import type { KeyProvider } from '../../keys/key-provider.ts';
import type { RandomSource } from '../../privacy/dp/random-source.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { AvatarService } from '../avatars/avatar-service.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { PreferenceStore } from '../consent/preference-store.ts';
import type { IdentityStore } from '../identity/identity-store.ts';
import type { QuestionService } from '../questions/question-service.ts';
import type { FaultHook } from './faults.ts';
import type { NoticeAdapters } from './notice-sender.ts';

/** The vault services delivery uses; `VaultServices` (vault.ts) has them all. */
export interface DeliveryServices {
  readonly storage: Storage;
  readonly keys: KeyProvider;
  readonly identity: IdentityStore;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  readonly consent: ConsentLedger;
  readonly preferences: PreferenceStore;
  readonly questions: Pick<QuestionService, 'check'>;
  readonly questionEngine: QuestionEngine;
  /** Tokens and k-anonymous interests for audiences released to choose offers. */
  readonly avatars: AvatarService;
  /** The active policy's k, for the interests' k-anonymity. */
  readonly policies: Pick<PolicyStore, 'active'>;
}

export interface DeliveryServiceOptions {
  /** The vault's currency, for the "why am I seeing this" text. */
  readonly currency: string;
  /** The origin of the customer's inbox (notices link to `<origin>/inbox/<id>`); its host names message ids. */
  readonly inboxOrigin: string;
  readonly adapters?: NoticeAdapters;
  readonly now?: () => Date;
  /** Recipients per inbox transaction; default 5,000. */
  readonly batchSize?: number;
  readonly fault?: FaultHook;
  /** The order of the frozen audience and the sample under `maxMessages`; cryptographic by default. */
  readonly random?: RandomSource;
  /** Attempts per notice before it is given up as failed; default 5. */
  readonly maxNoticeAttempts?: number;
  /** The wait after a notice's first failed attempt, doubled for each further one; default 1 minute. */
  readonly noticeRetryBaseMs?: number;
}
