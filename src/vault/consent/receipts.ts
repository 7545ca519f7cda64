// Consent receipts: Kantara Consent Receipt v1.1 / ISO/IEC 29184 fields, signed as a compact JWS (EdDSA, kid).
import { randomUUID, type KeyObject } from 'node:crypto';
import {
  openSignedJson,
  signJson,
  type PublicSigningKey,
  type SignedJsonProblem,
} from '../identity/signed-json.ts';
import {
  purposeDefinitions,
  type ConsentChannel,
  type ConsentPurpose,
  type ConsentSource,
  type LawfulBasis,
} from '../../core/consent.ts';
import type { Result } from '../../core/result.ts';

export interface PiiController {
  readonly piiController: string;
  readonly contact: string;
  readonly address: string;
  readonly email: string;
  readonly phone: string;
  readonly piiControllerUrl?: string;
  readonly onBehalf?: boolean;
}

/** One purpose in a receipt: the Kantara fields plus Curtain's own, prefixed `curtain`. */
export interface ReceiptPurpose {
  readonly purpose: string;
  readonly purposeCategory: readonly string[];
  readonly consentType: 'EXPLICIT';
  readonly piiCategory: readonly string[];
  readonly primaryPurpose: boolean;
  readonly termination: string;
  readonly thirdPartyDisclosure: boolean;
  readonly curtainPurposeCode: ConsentPurpose;
  readonly curtainLawfulBasis: LawfulBasis;
  /** Channels granted when the receipt was issued; empty when everything was withdrawn. */
  readonly curtainGrantedChannels: readonly ConsentChannel[];
  readonly curtainNoticeVersion: string;
  readonly curtainDecidedAt: string;
  readonly curtainSource: ConsentSource;
}

export interface ConsentReceipt {
  readonly version: 'KI-CR-v1.1.0';
  readonly jurisdiction: string;
  /** Seconds since the epoch, of the latest decision covered. */
  readonly consentTimestamp: number;
  readonly collectionMethod: string;
  readonly consentReceiptID: string;
  /** The id of the receipt-signing key; its public half is published with the key inventory. */
  readonly publicKey: string;
  readonly language: string;
  /** A pseudonymous reference, never a name, an email or an internal id. */
  readonly piiPrincipalId: string;
  readonly piiControllers: readonly PiiController[];
  readonly policyUrl: string;
  readonly services: readonly { readonly service: string; readonly purposes: readonly ReceiptPurpose[] }[];
  readonly sensitive: boolean;
  readonly spiCat: readonly string[];
  /** Time of issue, seconds since the epoch. */
  readonly iat: number;
}

export interface ReceiptSettings {
  readonly jurisdiction: string;
  readonly language: string;
  readonly policyUrl: string;
  readonly service: string;
  readonly controllers: readonly PiiController[];
}

/** The current decision about one purpose, as the ledger reports it. */
export interface PurposeState {
  readonly purpose: ConsentPurpose;
  readonly grantedChannels: readonly ConsentChannel[];
  readonly noticeVersion: string;
  readonly decidedAt: Date;
  readonly source: ConsentSource;
}

const collectionMethods: Record<ConsentSource, string> = {
  console: 'Customer preference centre (web console)',
  api: 'Bank application through the Curtain API',
  gpc: 'Global Privacy Control signal (Sec-GPC: 1)',
  import: 'Imported from the bank’s earlier consent records',
};

export function buildReceipt(
  settings: ReceiptSettings,
  piiPrincipalId: string,
  keyId: string,
  states: readonly PurposeState[],
  issuedAt: Date,
): ConsentReceipt {
  const latest = states.reduce((a, b) => (b.decidedAt > a.decidedAt ? b : a));
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: settings.jurisdiction,
    consentTimestamp: Math.floor(latest.decidedAt.getTime() / 1000),
    collectionMethod: collectionMethods[latest.source],
    consentReceiptID: randomUUID(),
    publicKey: keyId,
    language: settings.language,
    piiPrincipalId,
    piiControllers: settings.controllers,
    policyUrl: settings.policyUrl,
    services: [
      {
        service: settings.service,
        purposes: states.map((state) => {
          const definition = purposeDefinitions[state.purpose];
          return {
            purpose: definition.title,
            purposeCategory: [definition.category],
            consentType: 'EXPLICIT',
            piiCategory: definition.dataCategories,
            primaryPurpose: false,
            termination: 'Until withdrawn by the customer, at any time, in the preference centre',
            thirdPartyDisclosure: definition.thirdPartyDisclosure,
            curtainPurposeCode: state.purpose,
            curtainLawfulBasis: definition.lawfulBasis,
            curtainGrantedChannels: state.grantedChannels,
            curtainNoticeVersion: state.noticeVersion,
            curtainDecidedAt: state.decidedAt.toISOString(),
            curtainSource: state.source,
          };
        }),
      },
    ],
    sensitive: false,
    spiCat: [],
    iat: Math.floor(issuedAt.getTime() / 1000),
  };
}

export const receiptMediaType = 'consent-receipt+json';

export function signReceipt(
  receipt: ConsentReceipt,
  key: { readonly id: string; readonly privateKey: KeyObject },
): Promise<string> {
  return signJson(receipt, receiptMediaType, key);
}

export type ReceiptProblem = SignedJsonProblem;

/** Verifies a receipt against published public keys (active and retired), chosen by the `kid` header. */
export function verifyReceipt(
  jws: string,
  publicKeys: readonly PublicSigningKey[],
): Promise<Result<ConsentReceipt, ReceiptProblem>> {
  return openSignedJson<ConsentReceipt>(jws, receiptMediaType, publicKeys);
}
