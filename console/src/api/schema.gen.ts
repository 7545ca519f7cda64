// GENERATED from the OpenAPI document (/openapi.json) by scripts/api-types.ts: do not edit.
// Regenerate with `npm run api:types`; test/build/api-types.test.ts fails when this file is stale.
// Console code names these types by route through console/src/api/types.ts, not by component name.

export interface paths {
  readonly '/health': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Liveness and database reachability
     * @description No authentication.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly engine?: string;
              /** @enum {string} */
              readonly status?: 'ok' | 'unavailable';
            };
          };
        };
        /** @description Default Response */
        readonly 503: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly engine?: string;
              /** @enum {string} */
              readonly status?: 'ok' | 'unavailable';
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/check': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.check
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly expression: string;
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/count': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.count
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly asker: string;
            readonly expression: string;
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/deliver': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.deliver: runs to the end (resuming an interrupted run), then answers
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': Record<string, never>;
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/kind': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.kind: demo, real or undecided, as the vault records it
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': Record<string, never>;
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @enum {string} */
              readonly kind: 'demo' | 'real' | 'undecided';
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/record': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.record
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly events: readonly Record<string, never>[];
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/release-audience': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.releaseAudience
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': Record<string, never>;
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/internal/door/results': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.results
     * @description Internal: the hub process only, with the door key (x-curtain-door-key).
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly campaignId: string;
            readonly requestedBy: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/metrics': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Prometheus metrics (text exposition format)
     * @description Roles: operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/ready': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Readiness: migrated and able to serve
     * @description No authentication.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly engine?: string;
              /** @enum {string} */
              readonly status?: 'ok' | 'unavailable';
            };
          };
        };
        /** @description Default Response */
        readonly 503: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly engine?: string;
              /** @enum {string} */
              readonly status?: 'ok' | 'unavailable';
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/consistency': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Proof that the current tree extends an earlier tree of `from` entries
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query: {
          readonly from: number;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/entries': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Entries of the log in order, a page at a time (no PII: subjects are unlinkable references)
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          readonly from?: number;
          readonly limit?: number;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/entries/{index}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One entry with its inclusion proof (RFC 9162) against the current signed head
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly index: number;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/export': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Entries as the exact canonical bytes that were hashed, one per line (NDJSON): leaf hash = SHA-256(0x00 ‖ line)
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          readonly from?: number;
          readonly limit?: number;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/head': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The latest signed checkpoint of the transparency log, with the keys that verify it
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/verify': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Recompute the whole tree and check it against the latest signed head
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/auth/demo': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * DEMO ONLY: whether demo sign-in is on, and whom the demo picker offers
     * @description No authentication.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly customers?: readonly string[];
              readonly demo?: boolean;
              readonly notice?: string;
              readonly staff?: readonly string[];
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/auth/demo/customer': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * DEMO ONLY: sign in as a generated demo customer, without a credential
     * @description No authentication.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly externalId: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @description send it as x-csrf-token on POST, PUT, PATCH and DELETE */
              readonly csrfToken: string;
              /** Format: date-time */
              readonly expiresAt: string;
              readonly handle?: string;
              /** @enum {string} */
              readonly kind: 'staff' | 'customer';
              readonly roles: readonly string[];
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/auth/demo/staff': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * DEMO ONLY: sign in as a demo staff member, without a credential
     * @description No authentication.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly handle: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @description send it as x-csrf-token on POST, PUT, PATCH and DELETE */
              readonly csrfToken: string;
              /** Format: date-time */
              readonly expiresAt: string;
              readonly handle?: string;
              /** @enum {string} */
              readonly kind: 'staff' | 'customer';
              readonly roles: readonly string[];
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/auth/me': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Who the request is signed in as (a customer is not named: the console needs only the role)
     * @description Roles: marketer, approver, partner, advisor, compliance, operator, customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly handle?: string;
              /** @enum {string} */
              readonly kind?: 'staff' | 'customer';
              readonly roles?: readonly string[];
              /** @enum {string} */
              readonly via?: 'api-key' | 'session' | 'local-cli';
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/auth/session': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Sign a staff member in to the console with an API key: sets an httpOnly session cookie
     * @description No authentication.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly apiKey: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @description send it as x-csrf-token on POST, PUT, PATCH and DELETE */
              readonly csrfToken: string;
              /** Format: date-time */
              readonly expiresAt: string;
              readonly handle?: string;
              /** @enum {string} */
              readonly kind: 'staff' | 'customer';
              readonly roles: readonly string[];
            };
          };
        };
      };
    };
    /**
     * Sign out: ends the console session
     * @description Roles: marketer, approver, partner, advisor, compliance, operator, customer.
     */
    readonly delete: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 204: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/budgets/{asker}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * What is left of an asker’s privacy budget in this period
     * @description Roles: marketer, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly asker: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @description ε left to the asker this period */
              readonly askerRemaining: string;
              /** @description ε charged by this question (answered or refused), an exact rational such as "1/2" */
              readonly charged: string;
              /** Format: date-time */
              readonly resetsAt: string;
              /** @description ε left to the vault this period */
              readonly vaultRemaining: string;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/erasure-receipts/verify': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Check an erasure receipt’s signature and that its hash is in the transparency log
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly receipt: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/fair-lending/{campaign}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Disparate-impact summary of a credit campaign across age bands (noised, charged to you)
     * @description Per group: noised audience and interested counts, selection rate and its ratio to the best-selected group; under 4/5 is flagged; counts under the noised k are null (suppressed). Never per person.
     *
     *     Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly campaign: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/requests': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Subject requests, newest first, with their deadlines
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          /** @description only those not yet closed */
          readonly open?: boolean;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    /**
     * Record a data subject request as received; its legal deadline starts now
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @enum {string} */
            readonly kind: 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';
            /**
             * @default gdpr
             * @enum {string}
             */
            readonly regime?: 'gdpr' | 'ccpa';
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/requests/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One subject request
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/requests/{id}/complete': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Carry out a verified request
     * @description access: returns the export (JSON) and its page (HTML) — personal data, for the customer only. rectification: `set` holds the corrected fields. restriction, objection: in force at once. erasure: shreds, scans, and returns the signed receipt.
     *
     *     Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly externalId?: string;
            readonly set?: {
              readonly address?: {
                readonly city?: string;
                readonly country?: string;
                readonly postalCode?: string;
                readonly street?: string;
              };
              readonly dateOfBirth?: string;
              readonly email?: string;
              readonly familyName?: string;
              readonly givenName?: string;
              readonly iban?: string;
              readonly nationalId?: string;
              readonly phone?: string;
            };
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/requests/{id}/reject': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Reject an open request with a reason code (e.g. manifestly-unfounded)
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly reason: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/requests/{id}/verify': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Check the requester: external id and a second factor on file (email or date of birth)
     * @description Checked, never stored. A mismatch does not say which part failed; three reject the request.
     *
     *     Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly dateOfBirth?: string;
            readonly email?: string;
            readonly externalId: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/requests/overdue': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Open requests past their legal deadline, most overdue first
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The retention period of each kind of data, default or configured
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention/{kind}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    /**
     * Set the retention period of a kind of data (null returns it to the default); logged
     * @description Roles: compliance.
     */
    readonly put: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly kind: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly days: number | null;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention/run': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Delete what is past its period now (the scheduler does this daily); logged
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention/runs': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The latest retention runs and what each removed (counts only)
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention/transactions': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The retention period of each kind of data, default or configured
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    /**
     * Change the one transaction retention: a longer period takes effect at once; a shorter one is proposed with the rows it would remove and needs another person’s approval
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly days: number;
            readonly reason: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention/transactions/{version}/approve': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Approve a proposed shorter transaction retention (not its proposer); logged
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly version: number;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/retention/transactions/{version}/reject': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Reject a proposed shorter transaction retention (not its proposer); logged
     * @description Roles: compliance.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly version: number;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/compliance/ropa': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Records of processing activities (GDPR Art. 30) as JSON, Markdown or CSV
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          readonly format?: 'json' | 'md' | 'csv';
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/db/status': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Engine, schema version and row counts
     * @description Roles: operator, compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly accounts?: number;
              readonly customers?: number;
              readonly engine?: string;
              readonly pendingMigrations?: readonly number[];
              readonly quarantined?: number;
              readonly schemaVersion?: number;
              readonly transactions?: number;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Campaigns, newest first, optionally by status
     * @description Roles: marketer, approver, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly campaigns?: readonly {
                /** Format: date-time */
                readonly approvedAt?: string | null;
                readonly approvedBy?: string | null;
                readonly audience?: string;
                readonly channels?: readonly string[];
                /** Format: date-time */
                readonly createdAt?: string;
                readonly createdBy?: string;
                /** Format: date-time */
                readonly endsAt?: string | null;
                /** Format: date-time */
                readonly finishedAt?: string | null;
                readonly frequencyCap?: {
                  readonly days?: number;
                  readonly messages?: number;
                };
                readonly id?: string;
                readonly maxMessages?: number | null;
                readonly name?: string;
                readonly offerId?: string;
                /** @description the vault’s refusal code when status is "refused" */
                readonly refusal?: string | null;
                readonly segmentId?: string | null;
                /** Format: date-time */
                readonly startedAt?: string | null;
                /** Format: date-time */
                readonly startsAt?: string;
                /** @enum {string} */
                readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Draft a campaign (its audience is checked under the offer’s purpose)
     * @description Roles: marketer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly alsoOffers?: readonly string[];
            readonly audience?: string;
            readonly channels?: readonly ('email' | 'push' | 'webhook')[];
            /** Format: date-time */
            readonly endsAt?: string;
            readonly frequencyCap?: {
              readonly days: number;
              readonly messages: number;
            };
            readonly maxMessages?: number;
            readonly name: string;
            readonly offerId: string;
            readonly segment?: string;
            /** Format: date-time */
            readonly startsAt: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** Format: date-time */
              readonly approvedAt?: string | null;
              readonly approvedBy?: string | null;
              readonly audience?: string;
              readonly channels?: readonly string[];
              /** Format: date-time */
              readonly createdAt?: string;
              readonly createdBy?: string;
              /** Format: date-time */
              readonly endsAt?: string | null;
              /** Format: date-time */
              readonly finishedAt?: string | null;
              readonly frequencyCap?: {
                readonly days?: number;
                readonly messages?: number;
              };
              readonly id?: string;
              readonly maxMessages?: number | null;
              readonly name?: string;
              readonly offerId?: string;
              /** @description the vault’s refusal code when status is "refused" */
              readonly refusal?: string | null;
              readonly segmentId?: string | null;
              /** Format: date-time */
              readonly startedAt?: string | null;
              /** Format: date-time */
              readonly startsAt?: string;
              /** @enum {string} */
              readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * A campaign with its offers, lifecycle events and released results
     * @description Roles: marketer, approver, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly alsoOffers?: readonly {
                readonly body?: string;
                readonly callToAction?: string;
                readonly category?: string;
                readonly createdBy?: string;
                readonly credit?: boolean;
                readonly id?: string;
                readonly interests?: readonly string[];
                readonly productCode?: string;
                readonly provider?: string;
                readonly purpose?: string;
                readonly title?: string;
                readonly validFrom?: string;
                readonly validUntil?: string;
              }[];
              readonly campaign?: {
                /** Format: date-time */
                readonly approvedAt?: string | null;
                readonly approvedBy?: string | null;
                readonly audience?: string;
                readonly channels?: readonly string[];
                /** Format: date-time */
                readonly createdAt?: string;
                readonly createdBy?: string;
                /** Format: date-time */
                readonly endsAt?: string | null;
                /** Format: date-time */
                readonly finishedAt?: string | null;
                readonly frequencyCap?: {
                  readonly days?: number;
                  readonly messages?: number;
                };
                readonly id?: string;
                readonly maxMessages?: number | null;
                readonly name?: string;
                readonly offerId?: string;
                /** @description the vault’s refusal code when status is "refused" */
                readonly refusal?: string | null;
                readonly segmentId?: string | null;
                /** Format: date-time */
                readonly startedAt?: string | null;
                /** Format: date-time */
                readonly startsAt?: string;
                /** @enum {string} */
                readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
              };
              readonly events?: readonly {
                readonly actor?: string;
                /** Format: date-time */
                readonly at?: string;
                readonly detail?: string | null;
                readonly event?: string;
              }[];
              readonly offer?: {
                readonly body?: string;
                readonly callToAction?: string;
                readonly category?: string;
                readonly createdBy?: string;
                readonly credit?: boolean;
                readonly id?: string;
                readonly interests?: readonly string[];
                readonly productCode?: string;
                readonly provider?: string;
                readonly purpose?: string;
                readonly title?: string;
                readonly validFrom?: string;
                readonly validUntil?: string;
              };
              readonly results?: readonly {
                /** @description what the release cost and what is left (absent when read back) */
                readonly budget?: {
                  /** @description ε left to the asker this period */
                  readonly askerRemaining: string;
                  /** @description ε this request charged, an exact rational such as "3/8" */
                  readonly charged: string;
                  /** Format: date-time */
                  readonly resetsAt: string;
                  /** @description ε left to the vault this period */
                  readonly vaultRemaining: string;
                };
                readonly campaignId?: string;
                readonly delivered?: number | null;
                /** @description ε this release cost; "0" when it repeats the day’s release */
                readonly epsilon?: string;
                readonly interested?: number | null;
                readonly opened?: number | null;
                readonly releasedOn?: string;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns/{id}/approve': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Approve a campaign (not one’s own)
     * @description Roles: approver.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** Format: date-time */
              readonly approvedAt?: string | null;
              readonly approvedBy?: string | null;
              readonly audience?: string;
              readonly channels?: readonly string[];
              /** Format: date-time */
              readonly createdAt?: string;
              readonly createdBy?: string;
              /** Format: date-time */
              readonly endsAt?: string | null;
              /** Format: date-time */
              readonly finishedAt?: string | null;
              readonly frequencyCap?: {
                readonly days?: number;
                readonly messages?: number;
              };
              readonly id?: string;
              readonly maxMessages?: number | null;
              readonly name?: string;
              readonly offerId?: string;
              /** @description the vault’s refusal code when status is "refused" */
              readonly refusal?: string | null;
              readonly segmentId?: string | null;
              /** Format: date-time */
              readonly startedAt?: string | null;
              /** Format: date-time */
              readonly startsAt?: string;
              /** @enum {string} */
              readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns/{id}/cancel': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Cancel a campaign before or while it runs
     * @description Roles: marketer, approver.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** Format: date-time */
              readonly approvedAt?: string | null;
              readonly approvedBy?: string | null;
              readonly audience?: string;
              readonly channels?: readonly string[];
              /** Format: date-time */
              readonly createdAt?: string;
              readonly createdBy?: string;
              /** Format: date-time */
              readonly endsAt?: string | null;
              /** Format: date-time */
              readonly finishedAt?: string | null;
              readonly frequencyCap?: {
                readonly days?: number;
                readonly messages?: number;
              };
              readonly id?: string;
              readonly maxMessages?: number | null;
              readonly name?: string;
              readonly offerId?: string;
              /** @description the vault’s refusal code when status is "refused" */
              readonly refusal?: string | null;
              readonly segmentId?: string | null;
              /** Format: date-time */
              readonly startedAt?: string | null;
              /** Format: date-time */
              readonly startsAt?: string;
              /** @enum {string} */
              readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns/{id}/refuse': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Refuse a campaign awaiting approval: it is cancelled
     * @description Roles: approver.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** Format: date-time */
              readonly approvedAt?: string | null;
              readonly approvedBy?: string | null;
              readonly audience?: string;
              readonly channels?: readonly string[];
              /** Format: date-time */
              readonly createdAt?: string;
              readonly createdBy?: string;
              /** Format: date-time */
              readonly endsAt?: string | null;
              /** Format: date-time */
              readonly finishedAt?: string | null;
              readonly frequencyCap?: {
                readonly days?: number;
                readonly messages?: number;
              };
              readonly id?: string;
              readonly maxMessages?: number | null;
              readonly name?: string;
              readonly offerId?: string;
              /** @description the vault’s refusal code when status is "refused" */
              readonly refusal?: string | null;
              readonly segmentId?: string | null;
              /** Format: date-time */
              readonly startedAt?: string | null;
              /** Format: date-time */
              readonly startsAt?: string;
              /** @enum {string} */
              readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns/{id}/results': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Protected results: noised counts, null where suppressed; charged ε to the asker
     * @description Roles: marketer, compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error?: {
                readonly budget?: {
                  /** @description ε left to the asker this period */
                  readonly askerRemaining: string;
                  /** @description ε this request charged, an exact rational such as "3/8" */
                  readonly charged: string;
                  /** Format: date-time */
                  readonly resetsAt: string;
                  /** @description ε left to the vault this period */
                  readonly vaultRemaining: string;
                };
                readonly code: string;
                readonly message: string;
                readonly rendered?: string;
              };
            };
          };
        };
        /** @description noised counts; null where the noised count fell under the noised threshold */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @description what the release cost and what is left (absent when read back) */
              readonly budget?: {
                /** @description ε left to the asker this period */
                readonly askerRemaining: string;
                /** @description ε this request charged, an exact rational such as "3/8" */
                readonly charged: string;
                /** Format: date-time */
                readonly resetsAt: string;
                /** @description ε left to the vault this period */
                readonly vaultRemaining: string;
              };
              readonly campaignId?: string;
              readonly delivered?: number | null;
              /** @description ε this release cost; "0" when it repeats the day’s release */
              readonly epsilon?: string;
              readonly interested?: number | null;
              readonly opened?: number | null;
              readonly releasedOn?: string;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/campaigns/{id}/run': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Run an approved campaign that is due (or resume it); answers when the vault has delivered
     * @description A refusal by the vault is an outcome: the campaign is then "refused" and `refusal` says why.
     *
     *     Roles: marketer, operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              /** @description what the run’s admission cost and what is left */
              readonly budget?: {
                /** @description ε left to the asker this period */
                readonly askerRemaining: string;
                /** @description ε this request charged, an exact rational such as "3/8" */
                readonly charged: string;
                /** Format: date-time */
                readonly resetsAt: string;
                /** @description ε left to the vault this period */
                readonly vaultRemaining: string;
              };
              readonly campaign?: {
                /** Format: date-time */
                readonly approvedAt?: string | null;
                readonly approvedBy?: string | null;
                readonly audience?: string;
                readonly channels?: readonly string[];
                /** Format: date-time */
                readonly createdAt?: string;
                readonly createdBy?: string;
                /** Format: date-time */
                readonly endsAt?: string | null;
                /** Format: date-time */
                readonly finishedAt?: string | null;
                readonly frequencyCap?: {
                  readonly days?: number;
                  readonly messages?: number;
                };
                readonly id?: string;
                readonly maxMessages?: number | null;
                readonly name?: string;
                readonly offerId?: string;
                /** @description the vault’s refusal code when status is "refused" */
                readonly refusal?: string | null;
                readonly segmentId?: string | null;
                /** Format: date-time */
                readonly startedAt?: string | null;
                /** Format: date-time */
                readonly startsAt?: string;
                /** @enum {string} */
                readonly status?: 'draft' | 'approved' | 'running' | 'finished' | 'refused' | 'cancelled';
              };
              readonly refusal?: {
                readonly code?: string;
                readonly message?: string;
              } | null;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/offers': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Every offer, or those linked to a segment
     * @description Roles: marketer, approver, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          readonly segment?: string;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly offers?: readonly {
                readonly body?: string;
                readonly callToAction?: string;
                readonly category?: string;
                readonly createdBy?: string;
                readonly credit?: boolean;
                readonly id?: string;
                readonly interests?: readonly string[];
                readonly productCode?: string;
                readonly provider?: string;
                readonly purpose?: string;
                readonly title?: string;
                readonly validFrom?: string;
                readonly validUntil?: string;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Add an offer: plain text with no slot for anything about the customer
     * @description Roles: marketer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly body: string;
            readonly callToAction: string;
            readonly category: string;
            readonly interests?: readonly string[];
            readonly productCode: string;
            readonly title: string;
            /** Format: date */
            readonly validFrom?: string;
            /** Format: date */
            readonly validUntil: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly body?: string;
              readonly callToAction?: string;
              readonly category?: string;
              readonly createdBy?: string;
              readonly credit?: boolean;
              readonly id?: string;
              readonly interests?: readonly string[];
              readonly productCode?: string;
              readonly provider?: string;
              readonly purpose?: string;
              readonly title?: string;
              readonly validFrom?: string;
              readonly validUntil?: string;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/offers/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One offer
     * @description Roles: marketer, approver, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly body?: string;
              readonly callToAction?: string;
              readonly category?: string;
              readonly createdBy?: string;
              readonly credit?: boolean;
              readonly id?: string;
              readonly interests?: readonly string[];
              readonly productCode?: string;
              readonly provider?: string;
              readonly purpose?: string;
              readonly title?: string;
              readonly validFrom?: string;
              readonly validUntil?: string;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/products': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Products of the bank and partners
     * @description Roles: marketer, approver, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly products: readonly components['schemas']['Product'][];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Add a product
     * @description Roles: marketer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': components['schemas']['NewProductInput'];
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['Product'];
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/segments': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Named segments
     * @description Roles: marketer, approver, partner, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly segments?: readonly {
                readonly createdBy?: string;
                /** @description the segment in plain words, as a customer reads it */
                readonly explanation?: string;
                readonly expression?: string;
                readonly id?: string;
                readonly name?: string;
                readonly purpose?: string;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Save a named segment; the vault checks it for its purpose
     * @description Roles: marketer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly expression: string;
            readonly name: string;
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly createdBy?: string;
              /** @description the segment in plain words, as a customer reads it */
              readonly explanation?: string;
              readonly expression?: string;
              readonly id?: string;
              readonly name?: string;
              readonly purpose?: string;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/segments/{segment}/offers/{offer}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    /**
     * Say that an offer suits a segment
     * @description Roles: marketer.
     */
    readonly put: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly offer: string;
          readonly segment: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/segments/check': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Check a segment as it is typed: free, reads no data; the explanation customers will read
     * @description Roles: marketer, approver, partner.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly expression: string;
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error?: {
                readonly budget?: {
                  /** @description ε left to the asker this period */
                  readonly askerRemaining: string;
                  /** @description ε this request charged, an exact rational such as "3/8" */
                  readonly charged: string;
                  /** Format: date-time */
                  readonly resetsAt: string;
                  /** @description ε left to the vault this period */
                  readonly vaultRemaining: string;
                };
                readonly code: string;
                readonly message: string;
                readonly rendered?: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly explanation?: string;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/segments/count': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * A protected count of a segment: noised, never exact, charged ε to the signed-in marketer
     * @description Asking the same question again in the period returns the same answer and costs nothing.
     *
     *     Roles: marketer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly expression: string;
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error?: {
                readonly budget?: {
                  /** @description ε left to the asker this period */
                  readonly askerRemaining: string;
                  /** @description ε this request charged, an exact rational such as "3/8" */
                  readonly charged: string;
                  /** Format: date-time */
                  readonly resetsAt: string;
                  /** @description ε left to the vault this period */
                  readonly vaultRemaining: string;
                };
                readonly code: string;
                readonly message: string;
                readonly rendered?: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly budget?: {
                /** @description ε left to the asker this period */
                readonly askerRemaining: string;
                /** @description ε this request charged, an exact rational such as "3/8" */
                readonly charged: string;
                /** Format: date-time */
                readonly resetsAt: string;
                /** @description ε left to the vault this period */
                readonly vaultRemaining: string;
              };
              readonly count?: number;
              /** @description ε charged, a rational such as "1/4" */
              readonly epsilon?: string;
              readonly repeated?: boolean;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/staff': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Hub staff and their roles
     * @description Roles: operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly staff?: readonly {
                readonly handle?: string;
                readonly roles?: readonly string[];
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Add a staff member, or give one more roles
     * @description Roles: operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly handle: string;
            readonly roles: readonly (
              'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
            )[];
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly handle?: string;
              readonly roles?: readonly string[];
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/staff/{handle}/disable': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Disable a staff member: their API keys are revoked and their sessions end at once
     * @description Refused with STAFF_LAST_HOLDER for the last active approver or operator.
     *
     *     Roles: operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly handle: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly handle?: string;
              readonly roles?: readonly string[];
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hub/staff/{handle}/remove-roles': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Remove roles from a staff member: their console sessions end at once
     * @description Refused with STAFF_LAST_HOLDER when it would leave no active approver or operator (two-person rules).
     *
     *     Roles: operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly handle: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly roles: readonly (
              'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
            )[];
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly handle?: string;
              readonly roles?: readonly string[];
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/import/{kind}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Import customers, accounts with owners, products held or consents (CSV with a mapping, or FDX NDJSON)
     * @description Roles: operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query: {
          /** @description CSV column mapping as JSON (docs/onboarding.md); not for fdx */
          readonly mapping?: string;
          /** @description file name, recorded with the batch */
          readonly source: string;
        };
        readonly header?: never;
        readonly path: {
          readonly kind: 'customers' | 'accounts' | 'products' | 'consents' | 'fdx';
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly batchId?: number;
              readonly kind?: string;
              readonly quarantine?: readonly {
                readonly code?: string;
                readonly field?: string;
                readonly line?: number;
                readonly reason?: string;
              }[];
              readonly rowsQuarantined?: number;
              readonly rowsRead?: number;
              readonly rowsStored?: number;
              readonly rowsUnchanged?: number;
              readonly sourceName?: string;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/ingest': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Ingest a statement file (CSV, camt.053, OFX, FDX JSON) sent as the request body
     * @description Roles: operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query: {
          /** @description currency when the file has none */
          readonly currency?: string;
          /** @description external id of the customer new accounts belong to */
          readonly customer?: string;
          /** @description skip detection */
          readonly format?: 'csv' | 'camt053' | 'ofx' | 'fdx';
          /** @description CSV column mapping as JSON (docs/ingest.md) */
          readonly mapping?: string;
          /** @description an interrupted batch to take up again with the same file (docs/ingest.md) */
          readonly resume?: number;
          /** @description file name, recorded with the batch */
          readonly source: string;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly accountsCreated?: number;
              readonly accountsUnlinked?: number;
              readonly batchId?: number;
              readonly duplicates?: number;
              readonly format?: string;
              readonly notices?: readonly {
                /** @enum {string} */
                readonly kind?:
                  'not-a-statement' | 'investment-statement' | 'invalid-file' | 'empty-statement';
                readonly message?: string;
              }[];
              readonly pastRetention?: number;
              readonly quarantined?: number;
              readonly read?: number;
              readonly retention?: string;
              readonly sourceName?: string;
              /** @enum {string} */
              readonly status?: 'done' | 'partial' | 'failed';
              readonly stored?: number;
              readonly uncategorised?: number;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/ingest/batches': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The latest 100 ingest batches with their counts
     * @description Roles: operator, compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly batches?: readonly {
                /** Format: date-time */
                readonly finished_at?: string | null;
                readonly format?: string;
                readonly id?: number;
                readonly notice?: string | null;
                readonly rows_duplicate?: number;
                readonly rows_past_retention?: number;
                readonly rows_quarantined?: number;
                readonly rows_read?: number;
                readonly rows_stored?: number;
                readonly rows_uncategorised?: number;
                readonly source_name?: string;
                /** Format: date-time */
                readonly started_at?: string;
                /** @enum {string} */
                readonly status?: 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';
                readonly taxonomy_version?: string;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/ingest/batches/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One ingest batch, with its quarantined rows (location, field, reason)
     * @description Roles: operator, compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly id: number;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly fileSha256?: string | null;
              /** Format: date-time */
              readonly finished_at?: string | null;
              readonly format?: string;
              readonly id?: number;
              readonly notice?: string | null;
              readonly quarantine?: readonly {
                readonly excerpt?: string | null;
                readonly field?: string;
                readonly location?: string;
                readonly reason?: string;
                readonly reason_code?: string;
              }[];
              readonly rows_duplicate?: number;
              readonly rows_past_retention?: number;
              readonly rows_quarantined?: number;
              readonly rows_read?: number;
              readonly rows_stored?: number;
              readonly rows_uncategorised?: number;
              readonly source_name?: string;
              /** Format: date-time */
              readonly started_at?: string;
              /** @enum {string} */
              readonly status?: 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';
              readonly taxonomy_version?: string;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/leads': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Open leads of the bank’s (or a partner’s) queue: no identity until one is claimed
     * @description Roles: advisor.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          /** @description a partner’s queue instead of the bank’s */
          readonly partner?: string;
        };
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly leads?: readonly {
                readonly campaignId?: string;
                readonly category?: string;
                /** Format: date-time */
                readonly createdAt?: string;
                readonly id?: string;
                readonly offerId?: string;
                readonly offerTitle?: string;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/leads/{lead}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * A lead the advisor took up, with whom to contact while the customer still agrees
     * @description Checks consent, restrictions, objections and erasure again at every display: after a withdrawal the answer is IDENTITY_WITHHELD ("the customer withdrew consent") and nothing of the customer.
     *
     *     Roles: advisor.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          /** @description a partner’s queue instead of the bank’s */
          readonly partner?: string;
        };
        readonly header?: never;
        readonly path: {
          readonly lead: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly campaignId?: string;
              readonly claimedBy?: string;
              readonly identity?: {
                readonly email?: string;
                readonly familyName?: string;
                readonly givenName?: string;
                readonly phone?: string;
              };
              readonly leadId?: string;
              readonly offer?: {
                readonly offerId?: string;
                readonly title?: string;
              };
              /** @description the customer’s signed consent to this reveal */
              readonly receipt?: string;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/leads/{lead}/claim': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Take up a lead: verifies the customer’s consent receipt, then reveals whom to contact
     * @description The identity is in this response only; the claim is recorded in the transparency log.
     *
     *     Roles: advisor.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly lead: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @description a partner’s queue instead of the bank’s */
            readonly partner?: string;
          } | null;
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly campaignId?: string;
              readonly claimedBy?: string;
              readonly identity?: {
                readonly email?: string;
                readonly familyName?: string;
                readonly givenName?: string;
                readonly phone?: string;
              };
              readonly leadId?: string;
              readonly offer?: {
                readonly offerId?: string;
                readonly title?: string;
              };
              /** @description the customer’s signed consent to this reveal */
              readonly receipt?: string;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/consent': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    /**
     * Give or withdraw my consent to a purpose, on one channel or all
     * @description Roles: customer.
     */
    readonly put: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @enum {string} */
            readonly channel: 'inbox' | 'email' | 'push' | 'webhook' | 'all';
            readonly granted: boolean;
            /** @description the notice shown (default: the current one of the purpose) */
            readonly notice?: string;
            /** @enum {string} */
            readonly purpose:
              'spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal';
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/consent/receipt': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * A signed receipt (compact JWS) of my current consent
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/data': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Everything the vault holds about me, as JSON (the right of access)
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/data/page': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Everything the vault holds about me, as a page to read or print
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/inbox': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My messages, newest first
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly messages?: readonly {
                readonly body?: string;
                readonly callToAction?: string;
                readonly campaignId?: string;
                readonly category?: string;
                /** Format: date-time */
                readonly deliveredAt?: string;
                readonly expired?: boolean;
                readonly greeting?: string;
                readonly id?: string;
                /** Format: date-time */
                readonly openedAt?: string | null;
                readonly partner?: string | null;
                /** @enum {string|null} */
                readonly response?: 'interested' | 'not_now' | 'not_interested' | 'stop_all' | null;
                readonly title?: string;
                readonly validUntil?: string;
                /** @description "Why am I seeing this?" in plain words */
                readonly why?: string;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/inbox/{message}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Read one of my messages (marks it opened), with "why am I seeing this"
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly message: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly body?: string;
              readonly callToAction?: string;
              readonly campaignId?: string;
              readonly category?: string;
              /** Format: date-time */
              readonly deliveredAt?: string;
              readonly expired?: boolean;
              readonly greeting?: string;
              readonly id?: string;
              /** Format: date-time */
              readonly openedAt?: string | null;
              readonly partner?: string | null;
              /** @enum {string|null} */
              readonly response?: 'interested' | 'not_now' | 'not_interested' | 'stop_all' | null;
              readonly title?: string;
              readonly validUntil?: string;
              /** @description "Why am I seeing this?" in plain words */
              readonly why?: string;
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/inbox/{message}/connect': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Ask to be contacted: with consent: true, my identity is revealed to this offer’s advisor only
     * @description Roles: customer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly message: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @description I agree to reveal my name and contact details for this offer */
            readonly consent: boolean;
            /** @description the identity_reveal notice shown (default: the current one) */
            readonly notice?: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly campaignId?: string;
              /** Format: date-time */
              readonly claimedAt?: string | null;
              readonly claimedBy?: string | null;
              /** Format: date-time */
              readonly createdAt?: string;
              readonly id?: string;
              readonly messageId?: string;
              readonly offerId?: string;
              readonly offerTitle?: string;
              /** @description the signed consent receipt (compact JWS) */
              readonly receipt?: string;
              /** @description "bank" or the partner’s code */
              readonly recipient?: string;
              /** @enum {string} */
              readonly state?: 'open' | 'claimed' | 'withdrawn';
              /** Format: date-time */
              readonly withdrawnAt?: string | null;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/inbox/{message}/response': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Answer a message: interested, not now, not interested (in offers like it), or stop all
     * @description "interested" reveals nothing: it returns what connecting would reveal, and to whom.
     *
     *     Roles: customer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly message: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @enum {string} */
            readonly answer: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/leads': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My requests to be contacted, with their signed consent receipts
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly leads?: readonly {
                readonly campaignId?: string;
                /** Format: date-time */
                readonly claimedAt?: string | null;
                readonly claimedBy?: string | null;
                /** Format: date-time */
                readonly createdAt?: string;
                readonly id?: string;
                readonly messageId?: string;
                readonly offerId?: string;
                readonly offerTitle?: string;
                /** @description the signed consent receipt (compact JWS) */
                readonly receipt?: string;
                /** @description "bank" or the partner’s code */
                readonly recipient?: string;
                /** @enum {string} */
                readonly state?: 'open' | 'claimed' | 'withdrawn';
                /** Format: date-time */
                readonly withdrawnAt?: string | null;
              }[];
            };
          };
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/leads/{lead}/withdraw': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Withdraw a request to be contacted before an advisor takes it up
     * @description Roles: customer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly lead: string;
        };
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly campaignId?: string;
              /** Format: date-time */
              readonly claimedAt?: string | null;
              readonly claimedBy?: string | null;
              /** Format: date-time */
              readonly createdAt?: string;
              readonly id?: string;
              readonly messageId?: string;
              readonly offerId?: string;
              readonly offerTitle?: string;
              /** @description the signed consent receipt (compact JWS) */
              readonly receipt?: string;
              /** @description "bank" or the partner’s code */
              readonly recipient?: string;
              /** @enum {string} */
              readonly state?: 'open' | 'claimed' | 'withdrawn';
              /** Format: date-time */
              readonly withdrawnAt?: string | null;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/me/preferences': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My preference centre: consent per purpose and channel, frequency, quiet hours, stop all
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /**
     * Change my preferences: only the fields sent change (null clears a choice)
     * @description Roles: customer.
     */
    readonly patch: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            readonly blockedPartners?: readonly {
              readonly on: boolean;
              readonly partner: string;
            }[];
            readonly channels?: readonly ('inbox' | 'email' | 'push' | 'webhook')[] | null;
            /** @enum {string|null} */
            readonly frequencyCap?: 'never' | 'monthly' | 'fortnightly' | 'weekly' | 'daily' | null;
            readonly notInterested?: readonly {
              readonly category: string;
              readonly on: boolean;
            }[];
            readonly quietHours?: {
              readonly end: string;
              readonly start: string;
              readonly timeZone: string;
            } | null;
            readonly stopEverything?: boolean;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly trace?: never;
  };
  readonly '/v1/me/requests': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My data subject requests and where each stands
     * @description Roles: customer.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    /**
     * Ask to be erased, to restrict processing, or to object to profiling
     * @description Signing in proved who I am, so the request starts verified. Restriction and objection take effect at once (and are completed); erasure waits for the compliance officer, who carries it out before the legal deadline and sends the signed receipt.
     *
     *     Roles: customer.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @enum {string} */
            readonly kind: 'erasure' | 'restriction' | 'objection';
            /**
             * @default gdpr
             * @enum {string}
             */
            readonly regime?: 'gdpr' | 'ccpa';
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/privacy/budgets': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Privacy-budget use this period: each asker’s ε spent and left, questions by outcome
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/privacy/policy': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The privacy guard’s policy: the active version and every proposal
     * @description Roles: marketer, partner, approver, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody?: never;
      readonly responses: {
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/questions': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Ask a question: a protected (noised) count, or a refusal with its reason
     * @description Charges the asker’s privacy budget unless the same question was answered this period. The asker is always the authenticated staff member (session or API key); the body cannot name one.
     *
     *     Roles: marketer, partner, operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @description docs/segment-language.md */
            readonly expression: string;
            /** @description bank_offers, credit_offers, partner_offers, … */
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly budget?: {
                  /** @description ε left to the asker this period */
                  readonly askerRemaining: string;
                  /** @description ε charged by this question (answered or refused), an exact rational such as "1/2" */
                  readonly charged: string;
                  /** Format: date-time */
                  readonly resetsAt: string;
                  /** @description ε left to the vault this period */
                  readonly vaultRemaining: string;
                };
                readonly code: string;
                readonly diagnostics?: readonly {
                  readonly code?: string;
                  readonly expected?: readonly string[];
                  readonly message?: string;
                  readonly span?: {
                    readonly column?: number;
                    readonly end?: number;
                    readonly line?: number;
                    readonly start?: number;
                  };
                  readonly suggestion?: string;
                }[];
                readonly message: string;
                readonly questionId?: number;
                /** @description the diagnostics with line, column and a caret */
                readonly rendered?: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly budget: {
                /** @description ε left to the asker this period */
                readonly askerRemaining: string;
                /** @description ε charged by this question (answered or refused), an exact rational such as "1/2" */
                readonly charged: string;
                /** Format: date-time */
                readonly resetsAt: string;
                /** @description ε left to the vault this period */
                readonly vaultRemaining: string;
              };
              /** @description noised with discrete Laplace noise; never exact */
              readonly count: number;
              readonly questionId: number;
              readonly repeated: boolean;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/questions/check': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Check a question without asking it: free, touches no data
     * @description Roles: marketer, partner, approver, compliance, operator.
     */
    readonly post: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path?: never;
        readonly cookie?: never;
      };
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': {
            /** @description docs/segment-language.md */
            readonly expression: string;
            /** @description bank_offers, credit_offers, partner_offers, … */
            readonly purpose: string;
          };
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly error: {
                readonly budget?: {
                  /** @description ε left to the asker this period */
                  readonly askerRemaining: string;
                  /** @description ε charged by this question (answered or refused), an exact rational such as "1/2" */
                  readonly charged: string;
                  /** Format: date-time */
                  readonly resetsAt: string;
                  /** @description ε left to the vault this period */
                  readonly vaultRemaining: string;
                };
                readonly code: string;
                readonly diagnostics?: readonly {
                  readonly code?: string;
                  readonly expected?: readonly string[];
                  readonly message?: string;
                  readonly span?: {
                    readonly column?: number;
                    readonly end?: number;
                    readonly line?: number;
                    readonly start?: number;
                  };
                  readonly suggestion?: string;
                }[];
                readonly message: string;
                readonly questionId?: number;
                /** @description the diagnostics with line, column and a caret */
                readonly rendered?: string;
              };
            };
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly attributes?: readonly string[];
              readonly ok?: boolean;
            };
          };
        };
      };
    };
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    readonly NewProduct: {
      readonly code: string;
      readonly credit: boolean;
      readonly name: string;
      /** @description "bank" or the partner’s code */
      readonly provider: string;
    };
    readonly NewProductInput: {
      readonly code: string;
      readonly credit: boolean;
      readonly name: string;
      /** @description "bank" or the partner’s code */
      readonly provider: string;
    };
    readonly Product: {
      readonly code: string;
      readonly credit: boolean;
      readonly name: string;
      readonly provider: string;
    };
    readonly ProductInput: {
      readonly code: string;
      readonly credit: boolean;
      readonly name: string;
      readonly provider: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
