// What a statement parser yields: formats differ, this shape does not.
import type { CategoryCode } from './taxonomy.ts';

export type Direction = 'debit' | 'credit';

/** Where in a source file something was found, for error messages and the quarantine. */
export interface SourceLocation {
  readonly line?: number;
  readonly column?: number;
  /** XML/SGML element path, e.g. "Stmt[1]/Ntry[3]/Amt", or a JSON pointer. */
  readonly element?: string;
}

export function describeLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.column !== undefined) parts.push(`column ${location.column}`);
  if (location.element !== undefined) parts.push(location.element);
  return parts.join(', ') || 'unknown position';
}

/** The statement's own account: how it is matched to an account in the vault. */
export interface AccountIdentifier {
  /** 'iban' for IBANs, 'bban' for other account numbers (OFX ACCTID, CSV mapping). */
  readonly scheme: 'iban' | 'bban';
  /** Normalised: upper case, no spaces. */
  readonly value: string;
  /** Bank identifier (BIC or routing number) when the format carries one. */
  readonly bankId?: string;
  readonly currency?: string;
}

/** One booked transaction as read from a file, before categorisation, scrubbing and storage. */
export interface StatementTransaction {
  readonly account: AccountIdentifier;
  /** Absolute amount in minor units of `currency`; the sign lives in `direction`. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly direction: Direction;
  /** ISO date, YYYY-MM-DD. */
  readonly bookingDate: string;
  readonly valueDate?: string;
  readonly merchantName?: string;
  /** ISO 18245 merchant category code, four digits. */
  readonly mcc?: string;
  /** Free text: remittance information, OFX MEMO, CSV description. Scrubbed before storage. */
  readonly description?: string;
  /** Other people's data: tokenised before storage, never stored in plaintext. */
  readonly counterpartyName?: string;
  readonly counterpartyAccount?: string;
  /**
   * The bank's own unique reference for this entry (camt AcctSvcrRef, OFX FITID, FDX transactionId).
   * When present it is the deduplication key; otherwise a content hash with an occurrence ordinal is used.
   */
  readonly bankReference?: string;
  /** A category the bank itself gave (a CSV category column through the mapping's code table): wins over the rules. */
  readonly category?: CategoryCode;
  readonly location: SourceLocation;
}

/** A row the parser could not read: goes to the quarantine, the rest of the file goes on. */
export interface RejectedRow {
  readonly location: SourceLocation;
  readonly field: string;
  /** Stable machine code, e.g. "amount.invalid", "date.invalid", "currency.unknown". */
  readonly code: string;
  /** Human explanation; never contains customer values beyond what the field name reveals. */
  readonly reason: string;
  /** Short excerpt of the raw input, scrubbed of PII before storage. */
  readonly excerpt?: string;
}

/** The file as a whole is something other than a bank statement, or unreadable. */
export interface FileNotice {
  readonly kind: 'not-a-statement' | 'investment-statement' | 'invalid-file' | 'empty-statement';
  readonly message: string;
  readonly location?: SourceLocation;
}

/**
 * A statement's booked balance of one account at the end of a day (camt.053 CLBD, or OPBD of the next day;
 * OFX LEDGERBAL), with the credit line the statement states, if any.
 */
export interface StatementBalance {
  readonly account: AccountIdentifier;
  /** Signed minor units: negative when overdrawn. */
  readonly amountMinor: number;
  /** YYYY-MM-DD: the balance holds at the end of this day. */
  readonly asOf: string;
  readonly overdraftLimitMinor?: number;
}

export type StatementEvent =
  | { readonly kind: 'transaction'; readonly transaction: StatementTransaction }
  | { readonly kind: 'reject'; readonly reject: RejectedRow }
  | { readonly kind: 'notice'; readonly notice: FileNotice }
  /** A statement (one account) starts: lets the pipeline resolve the account once. */
  | { readonly kind: 'account'; readonly account: AccountIdentifier; readonly ownerName?: string }
  | { readonly kind: 'balance'; readonly balance: StatementBalance };

export type StatementFormat = 'csv' | 'camt053' | 'ofx' | 'fdx';
