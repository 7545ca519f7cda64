// The catalogue of stable error codes, with their HTTP status and CLI exit code (see docs/errors.md).

export const errorCatalogue = {
  CONFIG_INVALID: { status: 500, exit: 78, summary: 'A configuration value is missing or malformed.' },
  DATA_DIR_BUSY: { status: 409, exit: 75, summary: 'Another process holds the data directory.' },
  STORAGE_UNAVAILABLE: { status: 503, exit: 69, summary: 'The database cannot be reached.' },
  MIGRATION_FAILED: {
    status: 500,
    exit: 70,
    summary: 'A schema migration failed or the schema is newer than this code.',
  },
  KEY_UNAVAILABLE: { status: 500, exit: 77, summary: 'A key is missing, unreadable or was destroyed.' },
  CUSTOMER_NOT_FOUND: { status: 404, exit: 66, summary: 'No customer matches the reference.' },
  CUSTOMER_ERASED: { status: 410, exit: 66, summary: 'The customer was erased; their data cannot be read.' },
  INGEST_FORMAT_UNKNOWN: { status: 400, exit: 65, summary: 'The file format could not be recognised.' },
  INGEST_FILE_INVALID: { status: 422, exit: 65, summary: 'The file is not a well-formed statement.' },
  INGEST_NOT_A_STATEMENT: {
    status: 422,
    exit: 65,
    summary: 'The file is valid but holds no bank statement.',
  },
  MAPPING_INVALID: { status: 400, exit: 64, summary: 'The CSV column mapping is invalid.' },
  USAGE: { status: 400, exit: 64, summary: 'The command or request was malformed.' },
  INPUT_INVALID: {
    status: 400,
    exit: 65,
    summary:
      'A request holds a control character or bytes that are not UTF-8; where is named, never the value.',
  },
  NOT_FOUND: { status: 404, exit: 66, summary: 'The requested record does not exist.' },
  AUDIT_MISMATCH: { status: 500, exit: 1, summary: 'The transparency log does not match its signed head.' },
  QUESTION_INVALID: {
    status: 400,
    exit: 65,
    summary: 'The question does not parse or does not pass the checker; the place is shown.',
  },
  QUESTION_PURPOSE_UNKNOWN: {
    status: 400,
    exit: 64,
    summary: 'The purpose of the question is not configured.',
  },
  PRIVACY_TOO_FEW: {
    status: 422,
    exit: 3,
    summary: 'The audience is smaller than the (noised) threshold k; nothing about it is released.',
  },
  PRIVACY_DIFFERENCING: {
    status: 422,
    exit: 3,
    summary:
      'The audience differs from one released earlier in the period, to anyone, by fewer than about k people.',
  },
  PRIVACY_BUDGET_EXHAUSTED: {
    status: 429,
    exit: 3,
    summary: 'The asker’s or the vault’s privacy budget for the period is spent; the reset time is given.',
  },
  POLICY_INVALID: {
    status: 400,
    exit: 65,
    summary: 'A proposed privacy policy is malformed or below a floor.',
  },
  POLICY_APPROVAL_REFUSED: {
    status: 403,
    exit: 77,
    summary: 'A policy change must be approved by someone other than its proposer.',
  },
  BUDGET_REQUEST_STATE: {
    status: 409,
    exit: 75,
    summary:
      'A request for more ε cannot take this step: one is already open, it was decided, its period ended, or it is the decider’s own.',
  },
  BUDGET_GRANT_EXCEEDS_VAULT: {
    status: 409,
    exit: 3,
    summary:
      'A grant may only move unspent vault-wide ε to a person; this one is larger than what is left unspent and ungranted.',
  },
  HUB_FORBIDDEN: {
    status: 403,
    exit: 77,
    summary: 'The hub staff member lacks the role for the action, or may not approve their own campaign.',
  },
  HUB_INVALID: {
    status: 422,
    exit: 65,
    summary: 'A product, offer, segment or campaign is malformed, holds a placeholder or personal data.',
  },
  CONSENT_REQUIRED: {
    status: 403,
    exit: 77,
    summary: 'The action needs the customer’s explicit consent to the current notice, which was not given.',
  },
  LEAD_REFUSED: {
    status: 409,
    exit: 65,
    summary:
      'The lead cannot be made, withdrawn or claimed in its state (expired offer, claimed, withdrawn, another queue).',
  },
  IDENTITY_WITHHELD: {
    status: 403,
    exit: 77,
    summary:
      'The customer withdrew consent, or a restriction or objection is in force: nothing of the customer is shown.',
  },
  RECEIPT_INVALID: {
    status: 422,
    exit: 65,
    summary:
      'A consent receipt does not verify or does not match what it is shown for; nothing was revealed.',
  },
  HUB_CAMPAIGN_STATE: {
    status: 409,
    exit: 65,
    summary: 'The campaign is not in a state that allows the action (not approved, not due, already ended).',
  },
  SUBJECT_REQUEST_STATE: {
    status: 409,
    exit: 65,
    summary:
      'The data subject request is not in a state that allows the action (not verified, already closed).',
  },
  SUBJECT_REQUEST_OPEN: {
    status: 409,
    exit: 65,
    summary:
      'A request of the same kind is already open (or, for a restriction or objection, already in force); nothing new was recorded.',
  },
  SUBJECT_NOT_VERIFIED: {
    status: 403,
    exit: 77,
    summary: 'The requester’s identity did not match the customer’s records; nothing was done or disclosed.',
  },
  ERASURE_INCOMPLETE: {
    status: 500,
    exit: 1,
    summary:
      'The verification scan after an erasure still found the customer’s personal data; no receipt issued.',
  },
  ERASURE_RECEIPT_INVALID: {
    status: 422,
    exit: 65,
    summary: 'An erasure receipt does not verify or is not in the transparency log.',
  },
  AUTH_REQUIRED: {
    status: 401,
    exit: 77,
    summary: 'The request carries no valid API key or session (or the session expired); sign in.',
  },
  AUTH_FORBIDDEN: {
    status: 403,
    exit: 77,
    summary: 'The signed-in staff member or customer does not hold a role the route allows.',
  },
  CSRF_INVALID: {
    status: 403,
    exit: 77,
    summary:
      'A state-changing request of a console session lacks its x-csrf-token header, or it does not match.',
  },
  RATE_LIMITED: {
    status: 429,
    exit: 75,
    summary: 'Too many requests from this client; retry after the delay given.',
  },
  DEMO_DISABLED: {
    status: 403,
    exit: 77,
    summary: 'A demo-only sign-in was asked of a server that does not run a generated demo bank.',
  },
  VAULT_IS_DEMO: {
    status: 409,
    exit: 65,
    summary: 'Real data was sent to a demo vault; the message says how to start a real vault.',
  },
  VAULT_IS_REAL: {
    status: 409,
    exit: 65,
    summary: 'The demo generator was asked to write into a real vault, or into one holding other data.',
  },
  STAFF_LAST_HOLDER: {
    status: 409,
    exit: 65,
    summary: 'The change would leave no one able to play a role that a two-person rule needs.',
  },
  DELIVERY_AUDIENCE_TOO_SMALL: {
    status: 422,
    exit: 3,
    summary: 'A campaign’s (noised) audience is under the noised threshold k: nothing was sent to anyone.',
  },
  DELIVERY_INVALID: {
    status: 422,
    exit: 65,
    summary: 'A delivery does not match the audience the vault released for it, or is malformed.',
  },
  VAULT_UNAVAILABLE: {
    status: 503,
    exit: 69,
    summary: 'The hub cannot reach the vault over its door, or the vault refused the hub’s door key.',
  },
  VAULT_TIMEOUT: {
    status: 504,
    exit: 69,
    summary: 'The vault did not answer a door call within the door’s timeout.',
  },
  DOOR_CONTRACT: {
    status: 502,
    exit: 69,
    summary: 'The vault answered something the door contract does not allow.',
  },
  MODEL_STATE: {
    status: 409,
    exit: 65,
    summary:
      'The model version is not in a state that allows the action (not approved yet, already approved, retired).',
  },
  MODEL_APPROVAL_REFUSED: {
    status: 403,
    exit: 77,
    summary: 'A model version must be approved by someone other than the person who trained it.',
  },
  MODEL_FEATURES_MISMATCH: {
    status: 409,
    exit: 65,
    summary:
      'The model version was trained on another feature list than the vault computes; it cannot score.',
  },
  EDGE_SEGMENT_SENSITIVE: {
    status: 422,
    exit: 65,
    summary:
      'An edge campaign’s segment names a sensitive category, MCC or merchant, or one of unknown sensitivity; publishing it would show that to everyone.',
  },
  EDGE_TOKENS_ISSUED: {
    status: 409,
    exit: 65,
    summary:
      'This customer was issued the epoch’s report tokens already; every customer gets the same number.',
  },
  EDGE_OFFER_NOT_MATCHED: {
    status: 409,
    exit: 65,
    summary:
      'The customer asked about an edge offer that, checked again with their own facts, does not match them.',
  },
  EDGE_OFFER_WITHHELD: {
    status: 409,
    exit: 65,
    summary:
      'The customer asked about an edge offer that their current state turns away: a restriction or an objection, a marketing exclusion, stop everything, not interested in its kind, or its partner blocked.',
  },
  EDGE_REPORT_REFUSED: {
    status: 400,
    exit: 65,
    summary:
      'An edge report carries no valid, unspent token of the current epoch, or names no published campaign.',
  },
  VAULT_KEY_MISMATCH: {
    status: 502,
    exit: 69,
    summary: 'A vault did not prove that it holds the key the hub pinned when it registered it.',
  },
  SHARD_GROUP_UNSUPPORTED: {
    status: 501,
    exit: 69,
    summary:
      'A shard group was asked for something only a single vault does yet (tokens to choose offers, rounds), or mixes kinds.',
  },
  VAULT_REGION_UNKNOWN: {
    status: 404,
    exit: 66,
    summary: 'A question or campaign names a region no registered vault serves.',
  },
  FEDERATED_ROUND_ABORTED: {
    status: 409,
    exit: 75,
    summary:
      'A federated round stopped: too few vaults took part, a key bundle failed its pinned key, or a step came twice.',
  },
  FEDERATED_ROUND_STATE: {
    status: 409,
    exit: 65,
    summary:
      'The federated round is not in a state that allows the action (approving twice, running unapproved).',
  },
  INTERNAL: { status: 500, exit: 70, summary: 'An unexpected failure; see the logs.' },
} as const satisfies Record<string, { status: number; exit: number; summary: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** An expected, documented failure. Messages never contain customer values. */
export class CurtainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: ErrorCode, message: string, details: Record<string, string | number> = {}) {
    super(message);
    this.name = 'CurtainError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }
}
