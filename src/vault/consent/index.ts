// The consent module: ledger, receipts, preferences, customer sets.
export { ConsentLedger } from './consent-ledger.ts';
export type {
  ConsentLedgerOptions,
  HistoryEntry,
  RecordSummary,
  RejectedDecision,
  SubjectRefFn,
} from './consent-ledger.ts';
export { CustomerSet } from './customer-set.ts';
export { PreferenceStore } from './preference-store.ts';
export type { CustomerPreferenceChange } from './preference-store.ts';
export { buildReceipt, signReceipt, verifyReceipt, receiptMediaType } from './receipts.ts';
export type {
  ConsentReceipt,
  PiiController,
  PurposeState,
  ReceiptProblem,
  ReceiptPurpose,
  ReceiptSettings,
} from './receipts.ts';
