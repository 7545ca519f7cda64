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
            readonly 'application/json': components['schemas']['Health'];
          };
        };
        /** @description Default Response */
        readonly 503: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['Health'];
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
     * VaultDoor.check: parses and checks a question; reads no data, costs nothing
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
          readonly 'application/json': components['schemas']['DoorCheckRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorCheckAnswer'];
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
     * VaultDoor.count: a protected count, charged to the asker
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
          readonly 'application/json': components['schemas']['DoorCountRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorCountAnswer'];
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
          readonly 'application/json': components['schemas']['DeliveryRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorDeliverAnswer'];
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
  readonly '/internal/door/end-reservation': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.endReservation: give a cancelled or refused campaign’s holding back
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
          readonly 'application/json': components['schemas']['DoorEndReservationRequestInput'];
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
  readonly '/internal/door/identify': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.identify: signs the hub’s nonce with the log key the hub pinned
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
          readonly 'application/json': components['schemas']['DoorIdentifyRequestInput'];
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
            readonly 'application/json': components['schemas']['VaultIdentity'];
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
            readonly 'application/json': components['schemas']['VaultKind'];
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
     * VaultDoor.record: hub events into the transparency log
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
          readonly 'application/json': components['schemas']['DoorRecordRequestInput'];
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
     * VaultDoor.releaseAudience: the audience as tokens with k-anonymous interests
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
          readonly 'application/json': components['schemas']['AudienceReleaseRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorReleaseAnswer'];
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
  readonly '/internal/door/reserve': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.reserve: hold back an approved campaign’s admission and results ε
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
          readonly 'application/json': components['schemas']['DoorReserveRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorReserveAnswer'];
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
     * VaultDoor.results: protected aggregates of a campaign
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
          readonly 'application/json': components['schemas']['DoorResultsRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorResultsAnswer'];
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
  readonly '/internal/door/round/abort': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.roundAbort: forgets the round’s secrets and logs the abort
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
          readonly 'application/json': components['schemas']['DoorRoundAbortRequestInput'];
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
  readonly '/internal/door/round/begin': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.roundBegin: charges the round to the vault’s (ε, δ) ledger, answers its signed key bundle
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
          readonly 'application/json': components['schemas']['DoorRoundBeginRequestInput'];
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
            readonly 'application/json': components['schemas']['KeyBundle'];
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
  readonly '/internal/door/round/finish': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.roundFinish: takes the Newton step from the released sum and stores the model
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
          readonly 'application/json': components['schemas']['DoorRoundFinishRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorRoundFinishAnswer'];
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
  readonly '/internal/door/round/mask': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.roundMask: reads its data, adds its noise, answers the masked input
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
          readonly 'application/json': components['schemas']['DoorRoundMaskRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorRoundMaskAnswer'];
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
  readonly '/internal/door/round/share': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.roundShare: checks peers’ bundles against its own pins, answers sealed Shamir shares
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
          readonly 'application/json': components['schemas']['DoorRoundShareRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorRoundShareAnswer'];
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
  readonly '/internal/door/round/unmask': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.roundUnmask: reveals self-mask shares of survivors, mask-key shares of dropped vaults
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
          readonly 'application/json': components['schemas']['DoorRoundUnmaskRequestInput'];
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
            readonly 'application/json': components['schemas']['Unmasking'];
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
  readonly '/internal/door/stop': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * VaultDoor.stop: no further message of a campaign is sent; its held ε is given back
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
          readonly 'application/json': components['schemas']['DoorStopRequestInput'];
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
            readonly 'application/json': components['schemas']['DoorStopAnswer'];
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
        /** @description Prometheus text exposition format */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'text/plain': string;
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
            readonly 'application/json': components['schemas']['Health'];
          };
        };
        /** @description Default Response */
        readonly 503: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['Health'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['ConsistencyProof'];
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
     * Entries of the log, a page at a time, oldest or newest first, filtered by kind, actor, time and text (no PII: subjects are unlinkable references)
     * @description Roles: compliance.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          /** @description a staff handle the entry names as the one who acted */
          readonly actor?: string;
          readonly from?: number;
          readonly limit?: number;
          /** @description matches to skip */
          readonly offset?: number;
          readonly order?: 'oldest' | 'newest';
          /** @description text anywhere in the entry, case-insensitive */
          readonly q?: string;
          /** @description entries logged at or after this instant */
          readonly since?: string;
          /** @description event kinds, comma-separated (any of them) */
          readonly types?: string;
          /** @description entries logged before this instant */
          readonly until?: string;
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
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['AuditEntries'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['ProvenAuditEntry'];
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
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/x-ndjson': {
              readonly error: {
                readonly code: string;
                readonly message: string;
              };
            };
          };
        };
        /** @description NDJSON, one entry per line */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/x-ndjson': string;
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
          content: {
            readonly 'application/json': components['schemas']['SignedAuditHead'];
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
          content: {
            readonly 'application/json': components['schemas']['AuditVerdict'];
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
            readonly 'application/json': components['schemas']['DemoPicker'];
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
          readonly 'application/json': components['schemas']['DemoCustomerSignInInput'];
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
            readonly 'application/json': components['schemas']['SessionOpened'];
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
          readonly 'application/json': components['schemas']['DemoStaffSignInInput'];
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
            readonly 'application/json': components['schemas']['SessionOpened'];
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
            readonly 'application/json': components['schemas']['Me'];
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
          readonly 'application/json': components['schemas']['ApiKeySignInInput'];
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
            readonly 'application/json': components['schemas']['SessionOpened'];
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
        /** @description no content */
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
  readonly '/v1/budget': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The signed-in person’s privacy budget: what is left of theirs and the vault’s, and what a count costs
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
            readonly 'application/json': components['schemas']['BudgetMeter'];
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
  readonly '/v1/budget/requests': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Requests for more ε (a marketer or partner sees their own), and what an approver may grant now
     * @description Roles: marketer, partner, approver, compliance, operator.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: {
          readonly status?: 'requested' | 'granted' | 'refused';
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
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['BudgetRequestList'];
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Ask the policy’s approvers for more ε this period (one open request at a time)
     * @description Roles: marketer, partner.
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
          readonly 'application/json': components['schemas']['BudgetRequestDraftInput'];
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
            readonly 'application/json': components['schemas']['BudgetRequest'];
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
  readonly '/v1/budget/requests/{id}/grant': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Grant a request from unspent vault-wide ε (never raising the vault-wide budget); not one’s own
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
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': components['schemas']['BudgetDecisionInput'];
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
            readonly 'application/json': components['schemas']['BudgetRequest'];
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
  readonly '/v1/budget/requests/{id}/refuse': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Refuse a request, with a reason; not one’s own
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
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': components['schemas']['BudgetDecisionInput'];
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
            readonly 'application/json': components['schemas']['BudgetRequest'];
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
            readonly 'application/json': components['schemas']['BudgetStatus'];
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
          readonly 'application/json': components['schemas']['ErasureReceiptCheckInput'];
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
            readonly 'application/json': components['schemas']['ErasureReceiptVerdict'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['FairLendingReport'];
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
          readonly open?: 'true' | 'false';
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
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly requests: readonly components['schemas']['SubjectRequest'][];
            };
          };
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
          readonly 'application/json': components['schemas']['NewSubjectRequestInput'];
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
            readonly 'application/json': components['schemas']['SubjectRequest'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['SubjectRequest'];
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
          readonly 'application/json': components['schemas']['RequestCompletionInput'];
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
            readonly 'application/json': components['schemas']['RequestCompleted'];
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
     * Reject an open request for a lawful reason (e.g. manifestly-unfounded), with a note
     * @description The reason is one of the lawful ones (GDPR Art. 12(5), 17(3), 18(1), 21(1); CCPA §1798.105(d)); the note is kept with the request and shown to the requester, never written to the transparency log.
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
          readonly 'application/json': components['schemas']['RequestRejectionInput'];
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
            readonly 'application/json': components['schemas']['SubjectRequest'];
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
          readonly 'application/json': components['schemas']['RequesterClaimInput'];
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
            readonly 'application/json': components['schemas']['SubjectRequest'];
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
          content: {
            readonly 'application/json': {
              readonly requests: readonly components['schemas']['SubjectRequest'][];
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
          content: {
            readonly 'application/json': components['schemas']['RetentionPolicies'];
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
          readonly 'application/json': components['schemas']['RetentionPeriodInput'];
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
            readonly 'application/json': components['schemas']['RetentionPolicy'];
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
  readonly '/v1/compliance/retention/aml': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Change the anti-money-laundering period former customers are kept: a longer one takes effect at once; a shorter one is proposed with the customers it would erase and needs another person’s approval (the approve and reject routes of the transaction retention decide it)
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
          readonly 'application/json': components['schemas']['AmlRetentionProposalInput'];
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
            readonly 'application/json': components['schemas']['RetentionChange'];
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
          content: {
            readonly 'application/json': components['schemas']['RetentionReport'];
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
          content: {
            readonly 'application/json': components['schemas']['RetentionRuns'];
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
  readonly '/v1/compliance/retention/transactions': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The one transaction retention: the active version and every proposal
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
          content: {
            readonly 'application/json': components['schemas']['TransactionRetention'];
          };
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
          readonly 'application/json': components['schemas']['TransactionRetentionProposalInput'];
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
            readonly 'application/json': components['schemas']['RetentionChange'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['RetentionChange'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['RetentionChange'];
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
            readonly 'application/json': components['schemas']['RecordsOfProcessing'] | string;
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
            readonly 'application/json': components['schemas']['DatabaseStatus'];
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
  readonly '/v1/edge/bundle': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * What every device fetches: signed edge campaign definitions, the keys and their log proofs
     * @description The same for everyone; a device fetches it without cookies, so the fetch says nothing of anyone.
     *
     *     No authentication.
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
            readonly 'application/json': components['schemas']['EdgeBundle'];
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
  readonly '/v1/edge/campaigns': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Published edge campaigns, newest first: the definitions, their version and what is on devices
     * @description Roles: marketer, partner, approver, compliance.
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['EdgeCampaignList'];
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Admit and publish an edge campaign definition (the central gates first)
     * @description Checked as a question under the offer’s purpose (fair-lending rules for credit), refused on sensitive categories, then admitted by a noised audience of at least k, charged to you; then signed and logged.
     *
     *     Roles: marketer, partner.
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
          readonly 'application/json': components['schemas']['EdgePublicationRequestInput'];
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['QuestionRefusal'];
          };
        };
        /** @description Default Response */
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['EdgePublished'];
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
  readonly '/v1/edge/campaigns/{id}/results': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Noised counts of an edge campaign’s "shown" reports and "Connect me" requests, per ended epoch (charged once per epoch)
     * @description Roles: marketer, partner, approver, compliance.
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
            readonly 'application/json': components['schemas']['EdgeResults'];
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
  readonly '/v1/edge/campaigns/{id}/withdraw': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Withdraw an edge campaign: it leaves every device’s bundle at once, and "Connect me" is refused
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
            readonly 'application/json': components['schemas']['EdgeCampaign'];
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
  readonly '/v1/edge/reports': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * One report of a device, carrying one token: no cookie, no session, no address kept
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
          readonly 'application/json': components['schemas']['EdgeReportInput'];
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
        readonly 202: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['EdgeReportAccepted'];
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
  readonly '/v1/erasure-receipts/{receiptId}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Where an erasure stands, and its signed receipt once done, by the receipt id given when asked
     * @description Needs no sign-in: an erased customer cannot sign in any more. The receipt id (random, given only to the requester) is the key; the answer holds no personal data, only what the receipt states.
     *
     *     No authentication.
     */
    readonly get: {
      readonly parameters: {
        readonly query?: never;
        readonly header?: never;
        readonly path: {
          readonly receiptId: string;
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
            readonly 'application/json': components['schemas']['ErasureReceiptLookup'];
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
          readonly status?:
            'draft' | 'approved' | 'running' | 'stopping' | 'stopped' | 'finished' | 'refused' | 'cancelled';
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
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly campaigns: readonly components['schemas']['Campaign'][];
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
          readonly 'application/json': components['schemas']['NewCampaignInput'];
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
            readonly 'application/json': components['schemas']['Campaign'];
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
            readonly 'application/json': components['schemas']['CampaignDetail'];
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
     * Approve a campaign (not one’s own); the vault holds back its admission and results ε
     * @description Refused with PRIVACY_BUDGET_EXHAUSTED (the campaign stays a draft) when the vault-wide budget has too little left to hold. The scheduler sends an approved campaign within a minute of its start.
     *
     *     Roles: approver.
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
          readonly 'application/json': components['schemas']['CampaignApprovalInput'] | null;
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
            readonly 'application/json': components['schemas']['Campaign'];
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
     * Cancel a campaign before it starts, or stop one that is sending (with a written reason)
     * @description A draft or approved campaign is cancelled (an approved one’s held ε is given back). A running one becomes "stopping" while the vault (every region’s, for a regional campaign) stops sending, then "stopped": what was sent stays sent, nothing more is sent, and the ε it still holds is given back. When a vault cannot be reached the campaign stays "stopping" and the error names it: ask again.
     *
     *     Roles: marketer, approver.
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
          readonly 'application/json': components['schemas']['CampaignCancellationInput'] | null;
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
        readonly '5XX': {
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
            readonly 'application/json': components['schemas']['Campaign'];
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
     * Refuse a campaign awaiting approval, with a written reason: it is cancelled
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
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': components['schemas']['CampaignRefusalInput'];
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
            readonly 'application/json': components['schemas']['Campaign'];
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
  readonly '/v1/hub/campaigns/{id}/region-results': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * A regional campaign’s results: each delivered region’s protected results, charged in that vault
     * @description A total is given only where every region released it; otherwise it is null, and the regions the released sum covers, the suppressed ones and the missing ones are named.
     *
     *     Roles: marketer, compliance.
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
            readonly 'application/json': components['schemas']['RegionalCampaignResults'];
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
            readonly 'application/json': components['schemas']['HubRefusal'];
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['HubCampaignResults'];
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
            readonly 'application/json': components['schemas']['CampaignRun'];
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
  readonly '/v1/hub/campaigns/preview': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * What a draft would send, before it is drafted: free, reads no data, asks no new count
     * @description The offer, the sentence customers will read, the static checks under the offer’s purpose (fair lending for credit) and the latest protected count already released for the audience, if any.
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
          readonly 'application/json': components['schemas']['CampaignPreviewRequestInput'];
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
            readonly 'application/json': components['schemas']['CampaignPreview'];
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
  readonly '/v1/hub/federated-rounds': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Federated rounds, newest first, each with its stage
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
              readonly rounds: readonly components['schemas']['FederatedRound'][];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Propose a federated round of a product’s propensity model across regions
     * @description Every named region’s vault must take part to the end (with three vaults, all three), each charging its own (ε, δ) ledger. The round waits for an approver other than the proposer.
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
          readonly 'application/json': components['schemas']['FederatedRoundProposalInput'];
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
            readonly 'application/json': components['schemas']['FederatedRound'];
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
  readonly '/v1/hub/federated-rounds/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One federated round: its stage (keys → shares → masked → unmasked → stored, or aborted)
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
            readonly 'application/json': components['schemas']['FederatedRound'];
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
  readonly '/v1/hub/federated-rounds/{id}/approve': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Approve a federated round (not one’s own); the hub starts it at once
     * @description Answers 202 with the round approved; poll the round for its stage. A round that stops is `aborted` with the reason (a vault’s refusal, a dropout, a key that does not verify); nothing is released then.
     *
     *     Roles: approver.
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
        readonly 202: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['FederatedRound'];
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
          /** @description a segment’s name or id */
          readonly segment?: string;
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
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly offers: readonly components['schemas']['Offer'][];
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
          readonly 'application/json': components['schemas']['NewOfferInput'];
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
            readonly 'application/json': components['schemas']['Offer'];
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
            readonly 'application/json': components['schemas']['Offer'];
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
  readonly '/v1/hub/questions': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Ask a question across regions: each vault’s guard answers, released parts are summed
     * @description Each region’s vault charges the asker in its own budget and answers through its own guard. `count` is the total only when every region released its part; otherwise it is null, `released` says which regions its sum covers, and `missing` names the rest (suppressed, refused or unreachable).
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
          readonly 'application/json': components['schemas']['RegionalQuestionInput'];
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
        readonly '5XX': {
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
            readonly 'application/json': components['schemas']['RegionalAnswer'];
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
  readonly '/v1/hub/questions/check': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Check a question in each region (free): what a new count would charge there, before asking
     * @description Each region’s vault checks the question against its own catalogue and policy and says what a new count would charge in its own budget (a repeat is free). A region that cannot be reached is named.
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
          readonly 'application/json': components['schemas']['RegionalQuestionInput'];
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
        readonly '5XX': {
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
            readonly 'application/json': components['schemas']['RegionalCheck'];
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
              readonly segments: readonly components['schemas']['Segment'][];
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
          readonly 'application/json': components['schemas']['NewSegmentInput'];
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
            readonly 'application/json': components['schemas']['Segment'];
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
          /** @description a segment’s name or id */
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly linked: boolean;
              readonly offerId: string;
              readonly segment: string;
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
          readonly 'application/json': components['schemas']['SegmentQuestionInput'];
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['HubRefusal'];
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['SegmentCheck'];
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
          readonly 'application/json': components['schemas']['SegmentQuestionInput'];
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['HubRefusal'];
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['SegmentCount'];
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
              readonly staff: readonly components['schemas']['StaffMember'][];
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
          readonly 'application/json': components['schemas']['NewStaffMemberInput'];
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
            readonly 'application/json': components['schemas']['StaffMember'];
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
            readonly 'application/json': components['schemas']['StaffMember'];
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
          readonly 'application/json': components['schemas']['StaffRoleRemovalInput'];
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
            readonly 'application/json': components['schemas']['StaffMember'];
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
  readonly '/v1/hub/vaults': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The vaults this hub serves, one per region, with their pinned log keys and when each was last reached
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
        readonly '5XX': {
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
              readonly vaults: readonly components['schemas']['RegisteredVault'][];
            };
          };
        };
      };
    };
    readonly put?: never;
    /**
     * Register (or re-register) a region’s vault; it must prove the pinned key first
     * @description The hub sends the vault a fresh nonce through its door; the vault signs it with its transparency log’s key. Registration fails with VAULT_KEY_MISMATCH unless that key is `publicKey`.
     *
     *     Roles: operator.
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
          readonly 'application/json': components['schemas']['VaultRegistrationInput'];
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
        readonly '5XX': {
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
            readonly 'application/json': components['schemas']['RegisteredVault'];
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
  readonly '/v1/hub/vaults/probe': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Probe every registered vault now: each must prove its pinned key; records when each was reached
     * @description Costs nothing and reads no data. A vault that does not answer, answers late or cannot prove its key is marked unreachable since the first such failure after it was last reached.
     *
     *     Roles: operator.
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
        readonly '5XX': {
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
            readonly 'application/json': components['schemas']['VaultProbe'];
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
          /** @description an interrupted import batch of the same kind to resume */
          readonly resume?: number;
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
            readonly 'application/json': components['schemas']['ImportSummary'];
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
            readonly 'application/json': components['schemas']['IngestSummary'];
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
              readonly batches: readonly components['schemas']['Batch'][];
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
            readonly 'application/json': components['schemas']['BatchDetail'];
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
              readonly leads: readonly components['schemas']['QueuedLead'][];
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
            readonly 'application/json': components['schemas']['RevealedLead'];
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
          readonly 'application/json': components['schemas']['AdvisorQueueInput'] | null;
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
            readonly 'application/json': components['schemas']['RevealedLead'];
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
  readonly '/v1/leads/{lead}/notes': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Add a note to a lead this advisor took up: sealed under the customer’s key, while consent stands
     * @description Roles: advisor.
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
          readonly 'application/json': components['schemas']['LeadNoteInput'];
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
            readonly 'application/json': components['schemas']['LeadNoted'];
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
  readonly '/v1/leads/{lead}/status': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Set the status of a lead this advisor took up (recorded in its history and the log)
     * @description Roles: advisor.
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
          readonly 'application/json': components['schemas']['LeadStatusChangeInput'];
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
            readonly 'application/json': components['schemas']['LeadStatus'];
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
          readonly 'application/json': components['schemas']['ConsentChangeInput'];
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
            readonly 'application/json': components['schemas']['Preferences'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['SignedConsentReceipt'];
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['AccessExport'];
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
        /** @description an HTML page */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': string;
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
  readonly '/v1/me/edge/campaigns/{id}/interest': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Connect me: put an offer shown on my device into my inbox, for the usual consented reveal
     * @description The one step at which the vault learns that I saw this edge offer: because I asked. Connecting to an adviser then needs my explicit consent, as for any offer.
     *
     *     Roles: customer.
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
        readonly 201: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['EdgeInterest'];
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
  readonly '/v1/me/edge/facts': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My own transactions, products held and first account opening, for matching on my device
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['EdgeFacts'];
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
  readonly '/v1/me/edge/tokens': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * My report tokens for this epoch: the same number for every customer, once per epoch
     * @description Exactly 4 blinded requests (Privacy Pass, blind RSA): the vault signs them without seeing the tokens.
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
          readonly 'application/json': components['schemas']['EdgeTokenRequestsInput'];
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
            readonly 'application/json': components['schemas']['EdgeTokenResponses'];
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
  readonly '/v1/me/inbox': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My messages, newest first: offers, and my spending insights apart
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
            readonly 'application/json': components['schemas']['Inbox'];
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
            readonly 'application/json': components['schemas']['InboxMessage'];
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
          readonly 'application/json': components['schemas']['ConnectConsentInput'];
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
            readonly 'application/json': components['schemas']['Lead'];
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
          readonly 'application/json': components['schemas']['InboxAnswerInput'];
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
            readonly 'application/json': components['schemas']['InboxAnswerOutcome'];
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
  readonly '/v1/me/insights': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My spending insights now: regular payments, month over month, balance forecast, suggestions
     * @description Needs the consent "spending_insights". Computed in the vault from my own data; nobody else sees them.
     *
     *     Roles: customer.
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['Insights'];
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
  readonly '/v1/me/insights/messages': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My insight messages, newest first
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
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly messages: readonly components['schemas']['InsightMessage'][];
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
  readonly '/v1/me/insights/messages/{message}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One of my insight messages, with the insights it was sent with (marks it opened)
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
            readonly 'application/json': components['schemas']['InsightMessageDetail'];
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
              readonly leads: readonly components['schemas']['Lead'][];
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
            readonly 'application/json': components['schemas']['Lead'];
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
          content: {
            readonly 'application/json': components['schemas']['Preferences'];
          };
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
          readonly 'application/json': components['schemas']['PreferenceChangesInput'];
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
            readonly 'application/json': components['schemas']['Preferences'];
          };
        };
      };
    };
    readonly trace?: never;
  };
  readonly '/v1/me/preferences/history': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * My consent decisions and preference changes, newest first (at most 100)
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
            readonly 'application/json': components['schemas']['PreferenceHistory'];
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
          content: {
            readonly 'application/json': {
              readonly requests: readonly components['schemas']['SubjectRequest'][];
            };
          };
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
          readonly 'application/json': components['schemas']['MyDataRequestInput'];
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
            readonly 'application/json': components['schemas']['SubjectRequest'];
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
  readonly '/v1/models': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * Every model version, newest first per product, with its card
     * @description Roles: marketer, approver, compliance, operator.
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
            readonly 'application/json': components['schemas']['ModelVersionList'];
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
  readonly '/v1/models/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * One model version
     * @description Roles: marketer, approver, compliance, operator.
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
            readonly 'application/json': components['schemas']['ModelVersion'];
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
  readonly '/v1/models/{id}/approve': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Approve a trained version (not by the person who trained it); it then scores every consenting customer
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
      readonly requestBody: {
        readonly content: {
          readonly 'application/json': components['schemas']['ModelDecisionInput'];
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
            readonly 'application/json': components['schemas']['ModelVersion'];
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
  readonly '/v1/models/{id}/card': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Release the version’s card: noised figures on a later window, charged to you (once per version)
     * @description Roles: marketer, approver, compliance.
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
            readonly 'application/json': components['schemas']['ModelVersion'];
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
  readonly '/v1/models/{id}/retire': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Retire a version: no longer used, its stored scores deleted
     * @description Roles: approver, compliance.
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
          readonly 'application/json': components['schemas']['ModelDecisionInput'];
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
            readonly 'application/json': components['schemas']['ModelVersion'];
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
  readonly '/v1/models/{id}/score': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /**
     * Score the approved version again for today (customers who granted profiling)
     * @description Roles: approver, operator.
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
            readonly 'application/json': components['schemas']['ModelVersion'];
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
  readonly '/v1/my-leads': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /**
     * The leads this advisor took up: whom to contact while consent stands, status, notes and history
     * @description Each identity is decided afresh (as GET /v1/leads/{lead}); after a withdrawal, restriction, objection or erasure the lead shows `withheld` and no identity or note text.
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
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': {
              readonly leads: readonly components['schemas']['MyLead'][];
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
          content: {
            readonly 'application/json': components['schemas']['BudgetUse'];
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
          content: {
            readonly 'application/json': components['schemas']['PrivacyPolicy'];
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
          readonly 'application/json': components['schemas']['QuestionInput'];
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['QuestionRefusal'];
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['QuestionAnswer'];
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
          readonly 'application/json': components['schemas']['QuestionInput'];
        };
      };
      readonly responses: {
        /** @description Default Response */
        readonly '4XX': {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['QuestionRefusal'];
          };
        };
        /** @description Default Response */
        readonly 200: {
          headers: {
            readonly [name: string]: unknown;
          };
          content: {
            readonly 'application/json': components['schemas']['QuestionChecked'];
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
    readonly __shared: {
      $defs: {
        readonly schema0:
          | string
          | number
          | boolean
          | null
          | readonly components['schemas']['__shared'][]
          | {
              readonly [key: string]: components['schemas']['__shared'];
            };
      };
    };
    readonly AccessExport: {
      readonly accounts: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly auditEntries: readonly {
        readonly entry: unknown;
        readonly index: number;
      }[];
      readonly consent: {
        readonly current: readonly unknown[];
        readonly history: readonly unknown[];
      };
      readonly controller: string;
      /** @constant */
      readonly format: 'curtain-access-export/1';
      readonly generatedAt: string;
      readonly identity: components['schemas']['CustomerIdentity'];
      readonly inbox: readonly {
        readonly [key: string]: unknown;
      }[];
      /** @description the spending insights sent to the customer’s inbox */
      readonly insights: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly leads: readonly {
        readonly [key: string]: unknown;
      }[];
      /** @description what is not included, and why */
      readonly notes: readonly string[];
      readonly preferences: unknown;
      readonly productsHeld: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly requestId?: string;
      readonly restrictions: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly subjectRequests: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly suppressions: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly transactions: readonly {
        readonly [key: string]: unknown;
      }[];
    };
    readonly AccessExportInput: {
      readonly accounts: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly auditEntries: readonly {
        readonly entry: unknown;
        readonly index: number;
      }[];
      readonly consent: {
        readonly current: readonly unknown[];
        readonly history: readonly unknown[];
      };
      readonly controller: string;
      /** @constant */
      readonly format: 'curtain-access-export/1';
      readonly generatedAt: string;
      readonly identity: components['schemas']['CustomerIdentityInput'];
      readonly inbox: readonly {
        readonly [key: string]: unknown;
      }[];
      /** @description the spending insights sent to the customer’s inbox */
      readonly insights: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly leads: readonly {
        readonly [key: string]: unknown;
      }[];
      /** @description what is not included, and why */
      readonly notes: readonly string[];
      readonly preferences: unknown;
      readonly productsHeld: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly requestId?: string;
      readonly restrictions: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly subjectRequests: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly suppressions: readonly {
        readonly [key: string]: unknown;
      }[];
      readonly transactions: readonly {
        readonly [key: string]: unknown;
      }[];
    };
    readonly AdvisorQueue: {
      /** @description a partner’s queue instead of the bank’s */
      readonly partner?: string;
    };
    readonly AdvisorQueueInput: {
      /** @description a partner’s queue instead of the bank’s */
      readonly partner?: string;
    };
    readonly AmlRetentionProposal: {
      readonly reason: string;
      readonly years: number;
    };
    readonly AmlRetentionProposalInput: {
      readonly reason: string;
      readonly years: number;
    };
    readonly ApiKeySignIn: {
      readonly apiKey: string;
    };
    readonly ApiKeySignInInput: {
      readonly apiKey: string;
    };
    readonly AskerBudgetUse: {
      readonly asker: string;
      /** @description this period’s questions by outcome */
      readonly questions: {
        readonly [key: string]: number;
      };
      /** @description ε left to the asker this period */
      readonly remaining: string;
      readonly resetsAt: string;
      readonly vaultRemaining: string;
    };
    readonly AskerBudgetUseInput: {
      readonly asker: string;
      /** @description this period’s questions by outcome */
      readonly questions: {
        readonly [key: string]: number;
      };
      /** @description ε left to the asker this period */
      readonly remaining: string;
      readonly resetsAt: string;
      readonly vaultRemaining: string;
    };
    readonly AudienceReleaseRequest: {
      /** @description a segment expression */
      readonly audience: string;
      /** @description the hub’s campaign id; a second request with the same id resumes the first */
      readonly campaignId: string;
      /** @description a customer who had `messages` offers in the last `days` days is skipped */
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      /** @description at most this many messages */
      readonly maxMessages?: number;
      /** @description a question purpose code, e.g. "credit_offers" */
      readonly purpose: string;
      /** @description the staff handle charged for the audience check and the results */
      readonly requestedBy: string;
    };
    readonly AudienceReleaseRequestInput: {
      /** @description a segment expression */
      readonly audience: string;
      /** @description the hub’s campaign id; a second request with the same id resumes the first */
      readonly campaignId: string;
      /** @description a customer who had `messages` offers in the last `days` days is skipped */
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      /** @description at most this many messages */
      readonly maxMessages?: number;
      /** @description a question purpose code, e.g. "credit_offers" */
      readonly purpose: string;
      /** @description the staff handle charged for the audience check and the results */
      readonly requestedBy: string;
    };
    readonly AuditEntries: {
      readonly entries: readonly components['schemas']['IndexedAuditEntry'][];
      /** @description entries under the head that match the filters, in all */
      readonly matched: number;
      readonly size: number;
    };
    readonly AuditEntriesInput: {
      readonly entries: readonly components['schemas']['IndexedAuditEntryInput'][];
      /** @description entries under the head that match the filters, in all */
      readonly matched: number;
      readonly size: number;
    };
    readonly AuditEntry: {
      readonly at: string;
      readonly details: {
        readonly [key: string]: unknown;
      };
      /** @description an unlinkable reference, never a customer id */
      readonly subjectRef?: string;
      readonly type: string;
    };
    readonly AuditEntryInput: {
      readonly at: string;
      readonly details: {
        readonly [key: string]: unknown;
      };
      /** @description an unlinkable reference, never a customer id */
      readonly subjectRef?: string;
      readonly type: string;
    };
    readonly AuditHead: {
      /** @description the checkpoint as a signed note */
      readonly checkpoint: string;
      readonly keyId: string;
      /** @description standard base64 */
      readonly rootHash: string;
      readonly size: number;
    };
    readonly AuditHeadInput: {
      /** @description the checkpoint as a signed note */
      readonly checkpoint: string;
      readonly keyId: string;
      /** @description standard base64 */
      readonly rootHash: string;
      readonly size: number;
    };
    readonly AuditVerdict:
      | {
          /** @constant */
          readonly ok: true;
          /** @description standard base64 */
          readonly rootHash: string;
          readonly size: number;
        }
      | {
          readonly index?: number;
          /** @constant */
          readonly ok: false;
          readonly reason: string;
        };
    readonly AuditVerdictInput:
      | {
          /** @constant */
          readonly ok: true;
          /** @description standard base64 */
          readonly rootHash: string;
          readonly size: number;
        }
      | {
          readonly index?: number;
          /** @constant */
          readonly ok: false;
          readonly reason: string;
        };
    readonly BalanceForecast: {
      /** @description ISO 4217 code of the amounts beside it */
      readonly currency: string;
      /** @description minor units of the currency beside it */
      readonly currentMinor: number;
      /** @description minor units of the currency beside it */
      readonly dailyRestMinor: number;
      readonly days: readonly {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly highMinor: number;
        /** @description minor units of the currency beside it */
        readonly lowMinor: number;
      }[];
      readonly in14Days: {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly highMinor: number;
        /** @description minor units of the currency beside it */
        readonly lowMinor: number;
      };
      readonly in30Days: {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly highMinor: number;
        /** @description minor units of the currency beside it */
        readonly lowMinor: number;
      };
      readonly warning?: {
        /** @enum {string} */
        readonly confidence: 'likely' | 'possible';
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        readonly daysAhead: number;
        readonly dueBefore: readonly {
          /** @description minor units of the currency beside it */
          readonly amountMinor: number;
          readonly category: string;
          /** @description ISO 4217 code of the amounts beside it */
          readonly currency: string;
          /** Format: date */
          readonly date: string;
          readonly merchant?: string;
        }[];
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly thresholdMinor: number;
      };
    };
    readonly BalanceForecastInput: {
      /** @description ISO 4217 code of the amounts beside it */
      readonly currency: string;
      /** @description minor units of the currency beside it */
      readonly currentMinor: number;
      /** @description minor units of the currency beside it */
      readonly dailyRestMinor: number;
      readonly days: readonly {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly highMinor: number;
        /** @description minor units of the currency beside it */
        readonly lowMinor: number;
      }[];
      readonly in14Days: {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly highMinor: number;
        /** @description minor units of the currency beside it */
        readonly lowMinor: number;
      };
      readonly in30Days: {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly highMinor: number;
        /** @description minor units of the currency beside it */
        readonly lowMinor: number;
      };
      readonly warning?: {
        /** @enum {string} */
        readonly confidence: 'likely' | 'possible';
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        readonly daysAhead: number;
        readonly dueBefore: readonly {
          /** @description minor units of the currency beside it */
          readonly amountMinor: number;
          readonly category: string;
          /** @description ISO 4217 code of the amounts beside it */
          readonly currency: string;
          /** Format: date */
          readonly date: string;
          readonly merchant?: string;
        }[];
        /** @description minor units of the currency beside it */
        readonly expectedMinor: number;
        /** @description minor units of the currency beside it */
        readonly thresholdMinor: number;
      };
    };
    readonly Batch: {
      readonly finished_at: string | null;
      readonly format: string;
      readonly id: number;
      readonly notice: string | null;
      readonly rows_duplicate: number;
      readonly rows_past_retention: number;
      readonly rows_quarantined: number;
      readonly rows_read: number;
      readonly rows_stored: number;
      readonly rows_uncategorised: number;
      readonly source_name: string;
      /**
       * Format: date-time
       * @description ISO 8601 date and time
       */
      readonly started_at: string;
      /** @enum {string} */
      readonly status: 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';
      readonly taxonomy_version: string;
    };
    readonly BatchDetail: {
      /** @description SHA-256 of the file, hex */
      readonly fileSha256: string | null;
      readonly finished_at: string | null;
      readonly format: string;
      readonly id: number;
      readonly notice: string | null;
      readonly quarantine: readonly components['schemas']['QuarantineRow'][];
      readonly rows_duplicate: number;
      readonly rows_past_retention: number;
      readonly rows_quarantined: number;
      readonly rows_read: number;
      readonly rows_stored: number;
      readonly rows_uncategorised: number;
      readonly source_name: string;
      /**
       * Format: date-time
       * @description ISO 8601 date and time
       */
      readonly started_at: string;
      /** @enum {string} */
      readonly status: 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';
      readonly taxonomy_version: string;
    };
    readonly BatchDetailInput: {
      /** @description SHA-256 of the file, hex */
      readonly fileSha256: string | null;
      readonly finished_at: unknown | null;
      readonly format: string;
      readonly id: number;
      readonly notice: string | null;
      readonly quarantine: readonly components['schemas']['QuarantineRowInput'][];
      readonly rows_duplicate: number;
      readonly rows_past_retention: number;
      readonly rows_quarantined: number;
      readonly rows_read: number;
      readonly rows_stored: number;
      readonly rows_uncategorised: number;
      readonly source_name: string;
      /** @description ISO 8601 date and time */
      readonly started_at: unknown;
      /** @enum {string} */
      readonly status: 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';
      readonly taxonomy_version: string;
    };
    readonly BatchInput: {
      readonly finished_at: unknown | null;
      readonly format: string;
      readonly id: number;
      readonly notice: string | null;
      readonly rows_duplicate: number;
      readonly rows_past_retention: number;
      readonly rows_quarantined: number;
      readonly rows_read: number;
      readonly rows_stored: number;
      readonly rows_uncategorised: number;
      readonly source_name: string;
      /** @description ISO 8601 date and time */
      readonly started_at: unknown;
      /** @enum {string} */
      readonly status: 'received' | 'running' | 'done' | 'partial' | 'failed' | 'interrupted';
      readonly taxonomy_version: string;
    };
    readonly BudgetDecision: {
      /** @description grant only part of what was asked (grants only) */
      readonly epsilon?: string;
      /** @description why you decided so, in plain words (kept in the vault, not in the log) */
      readonly reason: string;
    };
    readonly BudgetDecisionInput: {
      /** @description grant only part of what was asked (grants only) */
      readonly epsilon?: string;
      /** @description why you decided so, in plain words (kept in the vault, not in the log) */
      readonly reason: string;
    };
    readonly BudgetGrantable: {
      /** @description what an approver may grant now: unspent, not granted and not held */
      readonly available: string;
      /** @description ε granted to people this period and not spent yet */
      readonly grantedUnspent: string;
      /** @description ε approved campaigns hold for their sending and results */
      readonly reserved: string;
      /** @description the period’s vault-wide ε; a grant never raises it */
      readonly vaultBudget: string;
      readonly vaultSpent: string;
    };
    readonly BudgetGrantableInput: {
      /** @description what an approver may grant now: unspent, not granted and not held */
      readonly available: string;
      /** @description ε granted to people this period and not spent yet */
      readonly grantedUnspent: string;
      /** @description ε approved campaigns hold for their sending and results */
      readonly reserved: string;
      /** @description the period’s vault-wide ε; a grant never raises it */
      readonly vaultBudget: string;
      readonly vaultSpent: string;
    };
    readonly BudgetHolding: {
      /** @description the budgets with the holding taken out of the vault’s */
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
    };
    readonly BudgetHoldingInput: {
      /** @description the budgets with the holding taken out of the vault’s */
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
    };
    readonly BudgetMeter: {
      readonly asker: string;
      /** @description the asker’s ε for the whole period, an exact rational, grants included */
      readonly askerBudget: string;
      /** @description ε left to the asker this period */
      readonly askerRemaining: string;
      /** @description ε approving a campaign holds back from the vault: its admission, results and lead outcomes */
      readonly campaignCost: string;
      /** @description ε approvers granted the asker on request this period (in askerBudget) */
      readonly granted: string;
      /** @enum {string} */
      readonly period: 'day' | 'week' | 'month';
      /** @description ε a new (not repeated) count costs */
      readonly questionCost: string;
      /** @description when the period’s budgets reset (ISO 8601) */
      readonly resetsAt: string;
      /** @description the vault’s ε for the whole period */
      readonly vaultBudget: string;
      /** @description ε left to the vault this period, after what approved campaigns hold */
      readonly vaultRemaining: string;
      /** @description ε approved campaigns hold back for their admission and results until they end */
      readonly vaultReserved: string;
    };
    readonly BudgetMeterInput: {
      readonly asker: string;
      /** @description the asker’s ε for the whole period, an exact rational, grants included */
      readonly askerBudget: string;
      /** @description ε left to the asker this period */
      readonly askerRemaining: string;
      /** @description ε approving a campaign holds back from the vault: its admission, results and lead outcomes */
      readonly campaignCost: string;
      /** @description ε approvers granted the asker on request this period (in askerBudget) */
      readonly granted: string;
      /** @enum {string} */
      readonly period: 'day' | 'week' | 'month';
      /** @description ε a new (not repeated) count costs */
      readonly questionCost: string;
      /** @description when the period’s budgets reset (ISO 8601) */
      readonly resetsAt: string;
      /** @description the vault’s ε for the whole period */
      readonly vaultBudget: string;
      /** @description ε left to the vault this period, after what approved campaigns hold */
      readonly vaultRemaining: string;
      /** @description ε approved campaigns hold back for their admission and results until they end */
      readonly vaultReserved: string;
    };
    readonly BudgetRequest: {
      readonly asker: string;
      readonly decidedAt: string | null;
      readonly decidedBy: string | null;
      readonly decisionReason: string | null;
      /** @description ε asked for */
      readonly epsilon: string;
      /** @description ε granted; null unless granted */
      readonly granted: string | null;
      readonly id: string;
      readonly periodStart: string;
      readonly reason: string;
      readonly requestedAt: string;
      /** @enum {string} */
      readonly status: 'requested' | 'granted' | 'refused';
    };
    readonly BudgetRequestDraft: {
      /** @description ε as an exact rational, "5/4" or "1.25" */
      readonly epsilon: string;
      /** @description why you need more, in plain words (kept in the vault, not in the log) */
      readonly reason: string;
    };
    readonly BudgetRequestDraftInput: {
      /** @description ε as an exact rational, "5/4" or "1.25" */
      readonly epsilon: string;
      /** @description why you need more, in plain words (kept in the vault, not in the log) */
      readonly reason: string;
    };
    readonly BudgetRequestInput: {
      readonly asker: string;
      readonly decidedAt: string | null;
      readonly decidedBy: string | null;
      readonly decisionReason: string | null;
      /** @description ε asked for */
      readonly epsilon: string;
      /** @description ε granted; null unless granted */
      readonly granted: string | null;
      readonly id: string;
      readonly periodStart: string;
      readonly reason: string;
      readonly requestedAt: string;
      /** @enum {string} */
      readonly status: 'requested' | 'granted' | 'refused';
    };
    readonly BudgetRequestList: {
      readonly grantable: components['schemas']['BudgetGrantable'];
      readonly requests: readonly components['schemas']['BudgetRequest'][];
    };
    readonly BudgetRequestListInput: {
      readonly grantable: components['schemas']['BudgetGrantableInput'];
      readonly requests: readonly components['schemas']['BudgetRequestInput'][];
    };
    readonly BudgetStatus: {
      /** @description ε left to the asker this period */
      readonly askerRemaining: string;
      /** @description ε this request charged, an exact rational such as "3/8" */
      readonly charged: string;
      /** @description when the period’s budgets reset (ISO 8601) */
      readonly resetsAt: string;
      /** @description ε left to the vault this period */
      readonly vaultRemaining: string;
      /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
      readonly vaultReserved?: string;
    };
    readonly BudgetStatusInput: {
      /** @description ε left to the asker this period */
      readonly askerRemaining: string;
      /** @description ε this request charged, an exact rational such as "3/8" */
      readonly charged: string;
      /** @description when the period’s budgets reset (ISO 8601) */
      readonly resetsAt: string;
      /** @description ε left to the vault this period */
      readonly vaultRemaining: string;
      /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
      readonly vaultReserved?: string;
    };
    readonly BudgetUse: {
      readonly askers: readonly components['schemas']['AskerBudgetUse'][];
    };
    readonly BudgetUseInput: {
      readonly askers: readonly components['schemas']['AskerBudgetUseInput'][];
    };
    readonly Campaign: {
      readonly approvedAt: string | null;
      readonly approvedBy: string | null;
      /** @description the segment expression, fixed when the campaign was drafted */
      readonly audience: string;
      readonly channels: readonly ('email' | 'push' | 'webhook')[];
      /** Format: date-time */
      readonly createdAt: string;
      readonly createdBy: string;
      readonly endsAt: string | null;
      readonly finishedAt: string | null;
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      readonly id: string;
      readonly maxMessages: number | null;
      readonly name: string;
      readonly offerId: string;
      /** @enum {string} */
      readonly pickOffersBy: 'interest' | 'propensity';
      /** @description the vault’s refusal code when status is "refused" */
      readonly refusal: string | null;
      /** @description the regions it runs in, fixed when drafted; null: the hub’s own vault */
      readonly regions: readonly string[] | null;
      readonly segmentId: string | null;
      readonly startedAt: string | null;
      /** Format: date-time */
      readonly startsAt: string;
      /** @enum {string} */
      readonly status:
        'draft' | 'approved' | 'running' | 'stopping' | 'stopped' | 'finished' | 'refused' | 'cancelled';
    };
    readonly CampaignApproval: {
      /** @description why, in the approver’s words; logged */
      readonly reason?: string;
    };
    readonly CampaignApprovalInput: {
      /** @description why, in the approver’s words; logged */
      readonly reason?: string;
    };
    readonly CampaignCancellation: {
      /** @description why, in the canceller’s words; logged. Required to stop a campaign that is sending */
      readonly reason?: string;
    };
    readonly CampaignCancellationInput: {
      /** @description why, in the canceller’s words; logged. Required to stop a campaign that is sending */
      readonly reason?: string;
    };
    readonly CampaignDetail: {
      readonly alsoOffers: readonly components['schemas']['Offer'][];
      readonly campaign: components['schemas']['Campaign'];
      readonly events: readonly components['schemas']['CampaignEvent'][];
      readonly offer: components['schemas']['Offer'];
      /** @description the latest protected (noised) count of the audience under the offer’s purpose, if asked */
      readonly protectedCount: {
        /** Format: date-time */
        readonly askedAt: string;
        readonly askedBy: string;
        readonly count: number;
      } | null;
      readonly results: readonly components['schemas']['HubCampaignResults'][];
      readonly review: components['schemas']['CampaignReview'];
    };
    readonly CampaignDetailInput: {
      readonly alsoOffers: readonly components['schemas']['OfferInput'][];
      readonly campaign: components['schemas']['CampaignInput'];
      readonly events: readonly components['schemas']['CampaignEventInput'][];
      readonly offer: components['schemas']['OfferInput'];
      /** @description the latest protected (noised) count of the audience under the offer’s purpose, if asked */
      readonly protectedCount: {
        readonly askedAt: unknown;
        readonly askedBy: string;
        readonly count: number;
      } | null;
      readonly results: readonly components['schemas']['HubCampaignResultsInput'][];
      readonly review: components['schemas']['CampaignReviewInput'];
    };
    readonly CampaignEvent: {
      readonly actor: string;
      /** Format: date-time */
      readonly at: string;
      readonly detail: string | null;
      readonly event: string;
    };
    readonly CampaignEventInput: {
      readonly actor: string;
      readonly at: unknown;
      readonly detail: string | null;
      readonly event: string;
    };
    readonly CampaignInput: {
      readonly approvedAt: unknown | null;
      readonly approvedBy: string | null;
      /** @description the segment expression, fixed when the campaign was drafted */
      readonly audience: string;
      readonly channels: readonly ('email' | 'push' | 'webhook')[];
      readonly createdAt: unknown;
      readonly createdBy: string;
      readonly endsAt: unknown | null;
      readonly finishedAt: unknown | null;
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      readonly id: string;
      readonly maxMessages: number | null;
      readonly name: string;
      readonly offerId: string;
      /** @enum {string} */
      readonly pickOffersBy: 'interest' | 'propensity';
      /** @description the vault’s refusal code when status is "refused" */
      readonly refusal: string | null;
      /** @description the regions it runs in, fixed when drafted; null: the hub’s own vault */
      readonly regions: readonly string[] | null;
      readonly segmentId: string | null;
      readonly startedAt: unknown | null;
      readonly startsAt: unknown;
      /** @enum {string} */
      readonly status:
        'draft' | 'approved' | 'running' | 'stopping' | 'stopped' | 'finished' | 'refused' | 'cancelled';
    };
    readonly CampaignPreview: {
      readonly offer: components['schemas']['Offer'];
      readonly review: components['schemas']['CampaignReview'];
    };
    readonly CampaignPreviewInput: {
      readonly offer: components['schemas']['OfferInput'];
      readonly review: components['schemas']['CampaignReviewInput'];
    };
    readonly CampaignPreviewRequest: {
      /** @description a segment expression (docs/segment-language.md) */
      readonly audience?: string;
      readonly offerId: string;
      /** @description a segment’s name or id; or else `audience` */
      readonly segment?: string;
    };
    readonly CampaignPreviewRequestInput: {
      /** @description a segment expression (docs/segment-language.md) */
      readonly audience?: string;
      readonly offerId: string;
      /** @description a segment’s name or id; or else `audience` */
      readonly segment?: string;
    };
    readonly CampaignRefusal: {
      /** @description why, in the approver’s words; logged */
      readonly reason: string;
    };
    readonly CampaignRefusalInput: {
      /** @description why, in the approver’s words; logged */
      readonly reason: string;
    };
    readonly CampaignRegion: {
      /** @description the vault’s refusal or the door’s error code */
      readonly code: string | null;
      readonly region: string;
      /**
       * @description held: approved, not yet delivered; suppressed: under that vault’s noised k; refused: its guard said no; unreachable: no answer (run again to resume: nothing is sent twice); stopped: that vault stopped sending when the campaign was stopped
       * @enum {string}
       */
      readonly state: 'held' | 'delivered' | 'suppressed' | 'refused' | 'unreachable' | 'stopped';
    };
    readonly CampaignRegionInput: {
      /** @description the vault’s refusal or the door’s error code */
      readonly code: string | null;
      readonly region: string;
      /**
       * @description held: approved, not yet delivered; suppressed: under that vault’s noised k; refused: its guard said no; unreachable: no answer (run again to resume: nothing is sent twice); stopped: that vault stopped sending when the campaign was stopped
       * @enum {string}
       */
      readonly state: 'held' | 'delivered' | 'suppressed' | 'refused' | 'unreachable' | 'stopped';
    };
    readonly CampaignResults: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      /** @description noised; null under the noised k */
      readonly delivered: number | null;
      /** @description ε this release cost ("n/d"); "0" when it repeats the day’s release */
      readonly epsilon: string;
      /** @description noised; null under the noised k */
      readonly interested: number | null;
      /** @description its leads by the status their advisor last gave them */
      readonly leadOutcomes: components['schemas']['LeadOutcomes'];
      /** @description noised; null under the noised k */
      readonly opened: number | null;
      /** @description the day the numbers were released */
      readonly releasedOn: string;
    };
    readonly CampaignResultsInput: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      /** @description noised; null under the noised k */
      readonly delivered: number | null;
      /** @description ε this release cost ("n/d"); "0" when it repeats the day’s release */
      readonly epsilon: string;
      /** @description noised; null under the noised k */
      readonly interested: number | null;
      /** @description its leads by the status their advisor last gave them */
      readonly leadOutcomes: components['schemas']['LeadOutcomesInput'];
      /** @description noised; null under the noised k */
      readonly opened: number | null;
      /** @description the day the numbers were released */
      readonly releasedOn: string;
    };
    readonly CampaignReview: {
      /** @description the segment expression */
      readonly audience: string;
      /** @description the vault’s static check of the audience under the purpose, run again now (free) */
      readonly check: {
        readonly code: string | null;
        readonly passed: boolean;
        readonly problem: string | null;
      };
      /** @description src/language/fair-lending.ts: credit audiences may not use protected attributes or proxies */
      readonly fairLending: {
        /** @description true for credit offers: then the check includes the fair-lending rules */
        readonly applies: boolean;
        /** @description the version of the protected attributes and proxies list */
        readonly rules: string;
      };
      /** @description the latest protected count already released (never a new charge), if anyone asked for one */
      readonly protectedCount: {
        /** Format: date-time */
        readonly askedAt: string;
        readonly askedBy: string;
        readonly count: number;
      } | null;
      /** @description the offer’s purpose, which the audience is checked under */
      readonly purpose: string;
      /** @description “Why am I seeing this?” as customers will read it; null when the audience fails the check */
      readonly sentence: string | null;
    };
    readonly CampaignReviewInput: {
      /** @description the segment expression */
      readonly audience: string;
      /** @description the vault’s static check of the audience under the purpose, run again now (free) */
      readonly check: {
        readonly code: string | null;
        readonly passed: boolean;
        readonly problem: string | null;
      };
      /** @description src/language/fair-lending.ts: credit audiences may not use protected attributes or proxies */
      readonly fairLending: {
        /** @description true for credit offers: then the check includes the fair-lending rules */
        readonly applies: boolean;
        /** @description the version of the protected attributes and proxies list */
        readonly rules: string;
      };
      /** @description the latest protected count already released (never a new charge), if anyone asked for one */
      readonly protectedCount: {
        readonly askedAt: unknown;
        readonly askedBy: string;
        readonly count: number;
      } | null;
      /** @description the offer’s purpose, which the audience is checked under */
      readonly purpose: string;
      /** @description “Why am I seeing this?” as customers will read it; null when the audience fails the check */
      readonly sentence: string | null;
    };
    readonly CampaignRun: {
      /** @description what the run’s admission cost and what is left */
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaign: components['schemas']['Campaign'];
      /** @description the regions not delivered yet (unreachable): the campaign stays running until they are */
      readonly missing?: readonly string[];
      readonly refusal: {
        readonly code: string;
        readonly message: string;
      } | null;
      /** @description a regional campaign: where each region’s part stands (no counts) */
      readonly regions?: readonly components['schemas']['CampaignRegion'][];
    };
    readonly CampaignRunInput: {
      /** @description what the run’s admission cost and what is left */
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaign: components['schemas']['CampaignInput'];
      /** @description the regions not delivered yet (unreachable): the campaign stays running until they are */
      readonly missing?: readonly string[];
      readonly refusal: {
        readonly code: string;
        readonly message: string;
      } | null;
      /** @description a regional campaign: where each region’s part stands (no counts) */
      readonly regions?: readonly components['schemas']['CampaignRegionInput'][];
    };
    readonly ConnectConsent: {
      /** @description I agree to reveal my name and contact details for this offer */
      readonly consent: boolean;
      /** @description the identity_reveal notice shown (default: the current one) */
      readonly notice?: string;
    };
    readonly ConnectConsentInput: {
      /** @description I agree to reveal my name and contact details for this offer */
      readonly consent: boolean;
      /** @description the identity_reveal notice shown (default: the current one) */
      readonly notice?: string;
    };
    readonly ConsentChange: {
      /** @enum {string} */
      readonly channel: 'inbox' | 'email' | 'push' | 'webhook' | 'all';
      readonly granted: boolean;
      /** @description the notice shown (default: the current one of the purpose) */
      readonly notice?: string;
      /** @enum {string} */
      readonly purpose:
        'spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal';
    };
    readonly ConsentChangeInput: {
      /** @enum {string} */
      readonly channel: 'inbox' | 'email' | 'push' | 'webhook' | 'all';
      readonly granted: boolean;
      /** @description the notice shown (default: the current one of the purpose) */
      readonly notice?: string;
      /** @enum {string} */
      readonly purpose:
        'spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal';
    };
    readonly ConsentNotice: {
      readonly id: string;
      readonly language: string;
      readonly publishedOn: string;
      readonly text: string;
    };
    readonly ConsentNoticeInput: {
      readonly id: string;
      readonly language: string;
      readonly publishedOn: string;
      readonly text: string;
    };
    readonly ConsentRecord: {
      readonly decidedAt: string | null;
      readonly grantedChannels: readonly ('inbox' | 'email' | 'push' | 'webhook')[];
      /** @enum {string} */
      readonly lawfulBasis:
        | 'consent'
        | 'contract'
        | 'legal_obligation'
        | 'vital_interests'
        | 'public_task'
        | 'legitimate_interests';
      /** @description the notice shown today */
      readonly notice: components['schemas']['ConsentNotice'];
      /** @enum {string} */
      readonly purpose:
        'spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal';
      readonly title: string;
    };
    readonly ConsentRecordInput: {
      readonly decidedAt: unknown | null;
      readonly grantedChannels: readonly ('inbox' | 'email' | 'push' | 'webhook')[];
      /** @enum {string} */
      readonly lawfulBasis:
        | 'consent'
        | 'contract'
        | 'legal_obligation'
        | 'vital_interests'
        | 'public_task'
        | 'legitimate_interests';
      /** @description the notice shown today */
      readonly notice: components['schemas']['ConsentNoticeInput'];
      /** @enum {string} */
      readonly purpose:
        'spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal';
      readonly title: string;
    };
    readonly ConsentRequest: {
      readonly campaignId: string;
      readonly messageId: string;
      readonly notice: {
        readonly id: string;
        readonly text: string;
      };
      readonly offer: {
        readonly callToAction: string;
        readonly offerId: string;
        readonly title: string;
      };
      readonly recipient: {
        readonly code: string;
        readonly name: string;
      };
      /** @description what the advisor would learn, and nothing else */
      readonly reveals: readonly ('givenName' | 'familyName' | 'email' | 'phone')[];
    };
    readonly ConsentRequestInput: {
      readonly campaignId: string;
      readonly messageId: string;
      readonly notice: {
        readonly id: string;
        readonly text: string;
      };
      readonly offer: {
        readonly callToAction: string;
        readonly offerId: string;
        readonly title: string;
      };
      readonly recipient: {
        readonly code: string;
        readonly name: string;
      };
      /** @description what the advisor would learn, and nothing else */
      readonly reveals: readonly ('givenName' | 'familyName' | 'email' | 'phone')[];
    };
    readonly ConsistencyProof: {
      readonly head: components['schemas']['AuditHead'];
      readonly oldSize: number;
      readonly proof: readonly string[];
    };
    readonly ConsistencyProofInput: {
      readonly head: components['schemas']['AuditHeadInput'];
      readonly oldSize: number;
      readonly proof: readonly string[];
    };
    readonly CustomerIdentity: {
      readonly address: {
        readonly city: string;
        readonly country: string;
        readonly postalCode: string;
        readonly street: string;
      };
      readonly dateOfBirth: string;
      readonly email: string;
      readonly familyName: string;
      readonly givenName: string;
      readonly iban: string;
      readonly nationalId: string;
      readonly phone: string;
      readonly pushEndpoint?: string;
    };
    readonly CustomerIdentityInput: {
      readonly address: {
        readonly city: string;
        readonly country: string;
        readonly postalCode: string;
        readonly street: string;
      };
      readonly dateOfBirth: string;
      readonly email: string;
      readonly familyName: string;
      readonly givenName: string;
      readonly iban: string;
      readonly nationalId: string;
      readonly phone: string;
      readonly pushEndpoint?: string;
    };
    readonly DatabaseStatus: {
      readonly accounts: number;
      readonly customers: number;
      readonly engine: string;
      readonly pendingMigrations: readonly number[];
      readonly quarantined: number;
      readonly schemaVersion: number;
      readonly transactions: number;
    };
    readonly DatabaseStatusInput: {
      readonly accounts: number;
      readonly customers: number;
      readonly engine: string;
      readonly pendingMigrations: readonly number[];
      readonly quarantined: number;
      readonly schemaVersion: number;
      readonly transactions: number;
    };
    readonly DeliveryRefusal: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @enum {string} */
      readonly code:
        | 'QUESTION_INVALID'
        | 'QUESTION_PURPOSE_UNKNOWN'
        | 'PRIVACY_BUDGET_EXHAUSTED'
        | 'PRIVACY_DIFFERENCING'
        | 'DELIVERY_AUDIENCE_TOO_SMALL'
        | 'DELIVERY_INVALID';
      readonly message: string;
    };
    readonly DeliveryRefusalInput: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @enum {string} */
      readonly code:
        | 'QUESTION_INVALID'
        | 'QUESTION_PURPOSE_UNKNOWN'
        | 'PRIVACY_BUDGET_EXHAUSTED'
        | 'PRIVACY_DIFFERENCING'
        | 'DELIVERY_AUDIENCE_TOO_SMALL'
        | 'DELIVERY_INVALID';
      readonly message: string;
    };
    readonly DeliveryReport: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      /** @description share of the work done: nothing of the audience’s size */
      readonly fractionDone: number;
      /**
       * @description stopped: the hub stopped it part-way
       * @enum {string}
       */
      readonly state: 'sending' | 'finished' | 'stopped';
      readonly tooSmallOffers?: readonly string[];
    };
    readonly DeliveryReportInput: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      /** @description share of the work done: nothing of the audience’s size */
      readonly fractionDone: number;
      /**
       * @description stopped: the hub stopped it part-way
       * @enum {string}
       */
      readonly state: 'sending' | 'finished' | 'stopped';
      readonly tooSmallOffers?: readonly string[];
    };
    readonly DeliveryRequest: {
      /** @description next best offer: the vault picks each customer’s offer among `offer` and these, by the highest propensity among the offers the customer is eligible and consented for (no score: the first) */
      readonly alternatives?: readonly components['schemas']['OfferContent'][];
      /** @description a segment expression */
      readonly audience: string;
      /** @description the hub’s campaign id; a second request with the same id resumes the first */
      readonly campaignId: string;
      /** @description the channels that carry a notice; the inbox always holds the message itself */
      readonly channels: readonly ('email' | 'push' | 'webhook')[];
      /** @description offers chosen per released token; released tokens in no choice get `offer` */
      readonly choices?: readonly {
        readonly offer: components['schemas']['OfferContent'];
        readonly tokens: readonly string[];
      }[];
      /** @description a customer who had `messages` offers in the last `days` days is skipped */
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      /** @description at most this many messages */
      readonly maxMessages?: number;
      readonly offer: components['schemas']['OfferContent'];
      /** @description a question purpose code, e.g. "credit_offers" */
      readonly purpose: string;
      /** @description the staff handle charged for the audience check and the results */
      readonly requestedBy: string;
    };
    readonly DeliveryRequestInput: {
      /** @description next best offer: the vault picks each customer’s offer among `offer` and these, by the highest propensity among the offers the customer is eligible and consented for (no score: the first) */
      readonly alternatives?: readonly components['schemas']['OfferContentInput'][];
      /** @description a segment expression */
      readonly audience: string;
      /** @description the hub’s campaign id; a second request with the same id resumes the first */
      readonly campaignId: string;
      /** @description the channels that carry a notice; the inbox always holds the message itself */
      readonly channels: readonly ('email' | 'push' | 'webhook')[];
      /** @description offers chosen per released token; released tokens in no choice get `offer` */
      readonly choices?: readonly {
        readonly offer: components['schemas']['OfferContentInput'];
        readonly tokens: readonly string[];
      }[];
      /** @description a customer who had `messages` offers in the last `days` days is skipped */
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      /** @description at most this many messages */
      readonly maxMessages?: number;
      readonly offer: components['schemas']['OfferContentInput'];
      /** @description a question purpose code, e.g. "credit_offers" */
      readonly purpose: string;
      /** @description the staff handle charged for the audience check and the results */
      readonly requestedBy: string;
    };
    readonly DeliveryStop: {
      readonly campaignId: string;
      /** @description share of the run written when it stopped, in tenths */
      readonly fractionDone: number;
      /**
       * @description not_started: nothing was sent; sending: stopped part-way, what was sent stays sent; finished: all had been sent; too_small: it was never admitted; stopped: an earlier stop
       * @enum {string}
       */
      readonly run: 'not_started' | 'sending' | 'finished' | 'too_small' | 'stopped';
    };
    readonly DeliveryStopInput: {
      readonly campaignId: string;
      /** @description share of the run written when it stopped, in tenths */
      readonly fractionDone: number;
      /**
       * @description not_started: nothing was sent; sending: stopped part-way, what was sent stays sent; finished: all had been sent; too_small: it was never admitted; stopped: an earlier stop
       * @enum {string}
       */
      readonly run: 'not_started' | 'sending' | 'finished' | 'too_small' | 'stopped';
    };
    readonly DemoCustomerSignIn: {
      readonly externalId: string;
    };
    readonly DemoCustomerSignInInput: {
      readonly externalId: string;
    };
    readonly DemoPicker: {
      /** @description demo customers’ external ids */
      readonly customers?: readonly string[];
      readonly demo: boolean;
      readonly notice?: string;
      readonly staff?: readonly string[];
    };
    readonly DemoPickerInput: {
      /** @description demo customers’ external ids */
      readonly customers?: readonly string[];
      readonly demo: boolean;
      readonly notice?: string;
      readonly staff?: readonly string[];
    };
    readonly DemoStaffSignIn: {
      readonly handle: string;
    };
    readonly DemoStaffSignInInput: {
      readonly handle: string;
    };
    readonly DoorCheckAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['QuestionCheck'];
        }
      | {
          readonly error: components['schemas']['DoorRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorCheckAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['QuestionCheckInput'];
        }
      | {
          readonly error: components['schemas']['DoorRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorCheckRequest: {
      readonly expression: string;
      readonly purpose: string;
    };
    readonly DoorCheckRequestInput: {
      readonly expression: string;
      readonly purpose: string;
    };
    readonly DoorCountAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['ProtectedCount'];
        }
      | {
          readonly error: components['schemas']['DoorRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorCountAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['ProtectedCountInput'];
        }
      | {
          readonly error: components['schemas']['DoorRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorCountRequest: {
      readonly asker: string;
      readonly expression: string;
      readonly purpose: string;
    };
    readonly DoorCountRequestInput: {
      readonly asker: string;
      readonly expression: string;
      readonly purpose: string;
    };
    readonly DoorDeliverAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['DeliveryReport'];
        }
      | {
          readonly error: components['schemas']['DeliveryRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorDeliverAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['DeliveryReportInput'];
        }
      | {
          readonly error: components['schemas']['DeliveryRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorEndReservationRequest: {
      readonly actor: string;
      readonly campaignId: string;
      /** @enum {string} */
      readonly reason: 'cancelled' | 'refused';
    };
    readonly DoorEndReservationRequestInput: {
      readonly actor: string;
      readonly campaignId: string;
      /** @enum {string} */
      readonly reason: 'cancelled' | 'refused';
    };
    readonly DoorIdentifyRequest: {
      readonly nonce: string;
    };
    readonly DoorIdentifyRequestInput: {
      readonly nonce: string;
    };
    readonly DoorRecordRequest: {
      readonly events: readonly components['schemas']['HubAuditEvent'][];
    };
    readonly DoorRecordRequestInput: {
      readonly events: readonly components['schemas']['HubAuditEventInput'][];
    };
    readonly DoorRefusal: {
      /** @description what the refused request cost and what is left */
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @enum {string} */
      readonly code:
        | 'CONFIG_INVALID'
        | 'DATA_DIR_BUSY'
        | 'STORAGE_UNAVAILABLE'
        | 'MIGRATION_FAILED'
        | 'KEY_UNAVAILABLE'
        | 'CUSTOMER_NOT_FOUND'
        | 'CUSTOMER_ERASED'
        | 'INGEST_FORMAT_UNKNOWN'
        | 'INGEST_FILE_INVALID'
        | 'INGEST_NOT_A_STATEMENT'
        | 'MAPPING_INVALID'
        | 'USAGE'
        | 'INPUT_INVALID'
        | 'NOT_FOUND'
        | 'AUDIT_MISMATCH'
        | 'QUESTION_INVALID'
        | 'QUESTION_PURPOSE_UNKNOWN'
        | 'PRIVACY_TOO_FEW'
        | 'PRIVACY_DIFFERENCING'
        | 'PRIVACY_BUDGET_EXHAUSTED'
        | 'POLICY_INVALID'
        | 'POLICY_APPROVAL_REFUSED'
        | 'BUDGET_REQUEST_STATE'
        | 'BUDGET_GRANT_EXCEEDS_VAULT'
        | 'HUB_FORBIDDEN'
        | 'HUB_INVALID'
        | 'CONSENT_REQUIRED'
        | 'LEAD_REFUSED'
        | 'IDENTITY_WITHHELD'
        | 'RECEIPT_INVALID'
        | 'HUB_CAMPAIGN_STATE'
        | 'SUBJECT_REQUEST_STATE'
        | 'SUBJECT_REQUEST_OPEN'
        | 'SUBJECT_NOT_VERIFIED'
        | 'ERASURE_INCOMPLETE'
        | 'ERASURE_RECEIPT_INVALID'
        | 'AUTH_REQUIRED'
        | 'AUTH_FORBIDDEN'
        | 'CSRF_INVALID'
        | 'RATE_LIMITED'
        | 'DEMO_DISABLED'
        | 'VAULT_IS_DEMO'
        | 'VAULT_IS_REAL'
        | 'STAFF_LAST_HOLDER'
        | 'DELIVERY_AUDIENCE_TOO_SMALL'
        | 'DELIVERY_INVALID'
        | 'VAULT_UNAVAILABLE'
        | 'VAULT_TIMEOUT'
        | 'DOOR_CONTRACT'
        | 'MODEL_STATE'
        | 'MODEL_APPROVAL_REFUSED'
        | 'MODEL_FEATURES_MISMATCH'
        | 'EDGE_SEGMENT_SENSITIVE'
        | 'EDGE_TOKENS_ISSUED'
        | 'EDGE_OFFER_NOT_MATCHED'
        | 'EDGE_OFFER_WITHHELD'
        | 'EDGE_REPORT_REFUSED'
        | 'VAULT_KEY_MISMATCH'
        | 'SHARD_GROUP_UNSUPPORTED'
        | 'VAULT_REGION_UNKNOWN'
        | 'FEDERATED_ROUND_ABORTED'
        | 'FEDERATED_ROUND_STATE'
        | 'INTERNAL';
      /** @description for QUESTION_INVALID: every problem, with its span and any suggestion */
      readonly diagnostics?: readonly components['schemas']['LanguageDiagnostic'][];
      readonly message: string;
      /** @description for QUESTION_INVALID: the diagnostics with line, column, caret */
      readonly rendered?: string;
    };
    readonly DoorRefusalInput: {
      /** @description what the refused request cost and what is left */
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @enum {string} */
      readonly code:
        | 'CONFIG_INVALID'
        | 'DATA_DIR_BUSY'
        | 'STORAGE_UNAVAILABLE'
        | 'MIGRATION_FAILED'
        | 'KEY_UNAVAILABLE'
        | 'CUSTOMER_NOT_FOUND'
        | 'CUSTOMER_ERASED'
        | 'INGEST_FORMAT_UNKNOWN'
        | 'INGEST_FILE_INVALID'
        | 'INGEST_NOT_A_STATEMENT'
        | 'MAPPING_INVALID'
        | 'USAGE'
        | 'INPUT_INVALID'
        | 'NOT_FOUND'
        | 'AUDIT_MISMATCH'
        | 'QUESTION_INVALID'
        | 'QUESTION_PURPOSE_UNKNOWN'
        | 'PRIVACY_TOO_FEW'
        | 'PRIVACY_DIFFERENCING'
        | 'PRIVACY_BUDGET_EXHAUSTED'
        | 'POLICY_INVALID'
        | 'POLICY_APPROVAL_REFUSED'
        | 'BUDGET_REQUEST_STATE'
        | 'BUDGET_GRANT_EXCEEDS_VAULT'
        | 'HUB_FORBIDDEN'
        | 'HUB_INVALID'
        | 'CONSENT_REQUIRED'
        | 'LEAD_REFUSED'
        | 'IDENTITY_WITHHELD'
        | 'RECEIPT_INVALID'
        | 'HUB_CAMPAIGN_STATE'
        | 'SUBJECT_REQUEST_STATE'
        | 'SUBJECT_REQUEST_OPEN'
        | 'SUBJECT_NOT_VERIFIED'
        | 'ERASURE_INCOMPLETE'
        | 'ERASURE_RECEIPT_INVALID'
        | 'AUTH_REQUIRED'
        | 'AUTH_FORBIDDEN'
        | 'CSRF_INVALID'
        | 'RATE_LIMITED'
        | 'DEMO_DISABLED'
        | 'VAULT_IS_DEMO'
        | 'VAULT_IS_REAL'
        | 'STAFF_LAST_HOLDER'
        | 'DELIVERY_AUDIENCE_TOO_SMALL'
        | 'DELIVERY_INVALID'
        | 'VAULT_UNAVAILABLE'
        | 'VAULT_TIMEOUT'
        | 'DOOR_CONTRACT'
        | 'MODEL_STATE'
        | 'MODEL_APPROVAL_REFUSED'
        | 'MODEL_FEATURES_MISMATCH'
        | 'EDGE_SEGMENT_SENSITIVE'
        | 'EDGE_TOKENS_ISSUED'
        | 'EDGE_OFFER_NOT_MATCHED'
        | 'EDGE_OFFER_WITHHELD'
        | 'EDGE_REPORT_REFUSED'
        | 'VAULT_KEY_MISMATCH'
        | 'SHARD_GROUP_UNSUPPORTED'
        | 'VAULT_REGION_UNKNOWN'
        | 'FEDERATED_ROUND_ABORTED'
        | 'FEDERATED_ROUND_STATE'
        | 'INTERNAL';
      /** @description for QUESTION_INVALID: every problem, with its span and any suggestion */
      readonly diagnostics?: readonly components['schemas']['LanguageDiagnosticInput'][];
      readonly message: string;
      /** @description for QUESTION_INVALID: the diagnostics with line, column, caret */
      readonly rendered?: string;
    };
    readonly DoorReleaseAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['ReleasedAudience'];
        }
      | {
          readonly error: components['schemas']['DeliveryRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorReleaseAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['ReleasedAudienceInput'];
        }
      | {
          readonly error: components['schemas']['DeliveryRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorReserveAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['BudgetHolding'];
        }
      | {
          readonly error: components['schemas']['DoorRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorReserveAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['BudgetHoldingInput'];
        }
      | {
          readonly error: components['schemas']['DoorRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorReserveRequest: {
      readonly campaignId: string;
      /**
       * Format: date-time
       * @description the campaign’s end: the holding lapses then
       */
      readonly endsAt?: string;
      /** @description the approver */
      readonly holder: string;
      readonly purpose: string;
    };
    readonly DoorReserveRequestInput: {
      readonly campaignId: string;
      /**
       * Format: date-time
       * @description the campaign’s end: the holding lapses then
       */
      readonly endsAt?: string;
      /** @description the approver */
      readonly holder: string;
      readonly purpose: string;
    };
    readonly DoorResultsAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['CampaignResults'];
        }
      | {
          readonly error: components['schemas']['DoorRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorResultsAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['CampaignResultsInput'];
        }
      | {
          readonly error: components['schemas']['DoorRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorResultsRequest: {
      readonly campaignId: string;
      readonly requestedBy: string;
    };
    readonly DoorResultsRequestInput: {
      readonly campaignId: string;
      readonly requestedBy: string;
    };
    readonly DoorRoundAbortRequest: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly why: string;
    };
    readonly DoorRoundAbortRequestInput: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly why: string;
    };
    readonly DoorRoundBeginRequest: {
      readonly asker: string;
      /**
       * Format: date
       * @description features read on this day, labels in the 90 after
       */
      readonly asOf: string;
      /** @description ε at the vault budget’s δ the round costs each vault */
      readonly epsilon: number;
      readonly minimum: number;
      /** @description every vault of the round, sorted; the vault must find itself here */
      readonly participants: readonly string[];
      readonly product: string;
      readonly purpose: string;
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly threshold: number;
    };
    readonly DoorRoundBeginRequestInput: {
      readonly asker: string;
      /**
       * Format: date
       * @description features read on this day, labels in the 90 after
       */
      readonly asOf: string;
      /** @description ε at the vault budget’s δ the round costs each vault */
      readonly epsilon: number;
      readonly minimum: number;
      /** @description every vault of the round, sorted; the vault must find itself here */
      readonly participants: readonly string[];
      readonly product: string;
      readonly purpose: string;
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly threshold: number;
    };
    readonly DoorRoundFinishAnswer: {
      /**
       * Format: uuid
       * @description the model version the vault stored, awaiting its approval
       */
      readonly model: string;
      readonly version: number;
    };
    readonly DoorRoundFinishAnswerInput: {
      /**
       * Format: uuid
       * @description the model version the vault stored, awaiting its approval
       */
      readonly model: string;
      readonly version: number;
    };
    readonly DoorRoundFinishRequest: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      /** @description the released, noised sum */
      readonly sum: string;
    };
    readonly DoorRoundFinishRequestInput: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      /** @description the released, noised sum */
      readonly sum: string;
    };
    readonly DoorRoundMaskAnswer: {
      /** @description the masked, noised input: uniform to anyone but the sum */
      readonly masked: string;
    };
    readonly DoorRoundMaskAnswerInput: {
      /** @description the masked, noised input: uniform to anyone but the sum */
      readonly masked: string;
    };
    readonly DoorRoundMaskRequest: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly shares: readonly components['schemas']['SealedShares'][];
    };
    readonly DoorRoundMaskRequestInput: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly shares: readonly components['schemas']['SealedSharesInput'][];
    };
    readonly DoorRoundShareAnswer: {
      readonly shares: readonly components['schemas']['SealedShares'][];
    };
    readonly DoorRoundShareAnswerInput: {
      readonly shares: readonly components['schemas']['SealedSharesInput'][];
    };
    readonly DoorRoundShareRequest: {
      readonly bundles: readonly components['schemas']['KeyBundle'][];
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
    };
    readonly DoorRoundShareRequestInput: {
      readonly bundles: readonly components['schemas']['KeyBundleInput'][];
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
    };
    readonly DoorRoundUnmaskRequest: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly survivors: readonly string[];
    };
    readonly DoorRoundUnmaskRequestInput: {
      /**
       * Format: uuid
       * @description the hub’s id of the round
       */
      readonly round: string;
      readonly survivors: readonly string[];
    };
    readonly DoorStopAnswer:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['DeliveryStop'];
        }
      | {
          readonly error: components['schemas']['DoorRefusal'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorStopAnswerInput:
      | {
          /** @constant */
          readonly ok: true;
          readonly value: components['schemas']['DeliveryStopInput'];
        }
      | {
          readonly error: components['schemas']['DoorRefusalInput'];
          /** @constant */
          readonly ok: false;
        };
    readonly DoorStopRequest: {
      /** @description the staff handle that stopped it */
      readonly actor: string;
      readonly campaignId: string;
    };
    readonly DoorStopRequestInput: {
      /** @description the staff handle that stopped it */
      readonly actor: string;
      readonly campaignId: string;
    };
    readonly EdgeBundle: {
      /** @description signed definitions (compact JWS, EdDSA), valid today */
      readonly definitions: readonly string[];
      readonly definitionsKey: components['schemas']['EdgeKey'];
      readonly issuer: {
        /** Format: date */
        readonly epoch: string;
        readonly keyId: string;
        readonly log: components['schemas']['EdgeLogProof'];
        /** @description raw Ed25519 key (definitions) or RSASSA-PSS SPKI (tokens) */
        readonly publicKey: string;
        /** @description tokens every customer gets this epoch */
        readonly tokens: number;
      };
      /** @description the log’s note verifier keys (an app pins them) */
      readonly logKeys: readonly string[];
    };
    readonly EdgeBundleInput: {
      /** @description signed definitions (compact JWS, EdDSA), valid today */
      readonly definitions: readonly string[];
      readonly definitionsKey: components['schemas']['EdgeKeyInput'];
      readonly issuer: {
        /** Format: date */
        readonly epoch: string;
        readonly keyId: string;
        readonly log: components['schemas']['EdgeLogProofInput'];
        /** @description raw Ed25519 key (definitions) or RSASSA-PSS SPKI (tokens) */
        readonly publicKey: string;
        /** @description tokens every customer gets this epoch */
        readonly tokens: number;
      };
      /** @description the log’s note verifier keys (an app pins them) */
      readonly logKeys: readonly string[];
    };
    readonly EdgeCampaign: {
      /** @description the segment, as every device reads it */
      readonly expression: string;
      /** @description of the signed definition, as logged with edge.campaign_published */
      readonly fingerprint: string;
      /** @description the definition format’s version */
      readonly format: string;
      readonly id: string;
      /** @description the frozen model versions signed with the definition */
      readonly models: readonly {
        readonly id: string;
        readonly product: string;
      }[];
      readonly offer: {
        readonly body: string;
        readonly callToAction: string;
        readonly category: string;
        readonly productCode: string;
        /** @description "bank" or the partner’s code */
        readonly provider: string;
        readonly title: string;
      };
      /** Format: date-time */
      readonly publishedAt: string;
      readonly publishedBy: string;
      readonly purpose: string;
      /**
       * @description on_devices: in every device’s bundle today
       * @enum {string}
       */
      readonly state: 'on_devices' | 'scheduled' | 'ended' | 'withdrawn';
      /** Format: date */
      readonly validFrom: string;
      /** Format: date */
      readonly validUntil: string;
      readonly withdrawnAt: string | null;
      readonly withdrawnBy: string | null;
    };
    readonly EdgeCampaignInput: {
      /** @description the segment, as every device reads it */
      readonly expression: string;
      /** @description of the signed definition, as logged with edge.campaign_published */
      readonly fingerprint: string;
      /** @description the definition format’s version */
      readonly format: string;
      readonly id: string;
      /** @description the frozen model versions signed with the definition */
      readonly models: readonly {
        readonly id: string;
        readonly product: string;
      }[];
      readonly offer: {
        readonly body: string;
        readonly callToAction: string;
        readonly category: string;
        readonly productCode: string;
        /** @description "bank" or the partner’s code */
        readonly provider: string;
        readonly title: string;
      };
      readonly publishedAt: unknown;
      readonly publishedBy: string;
      readonly purpose: string;
      /**
       * @description on_devices: in every device’s bundle today
       * @enum {string}
       */
      readonly state: 'on_devices' | 'scheduled' | 'ended' | 'withdrawn';
      /** Format: date */
      readonly validFrom: string;
      /** Format: date */
      readonly validUntil: string;
      readonly withdrawnAt: unknown | null;
      readonly withdrawnBy: string | null;
    };
    readonly EdgeCampaignList: {
      readonly campaigns: readonly components['schemas']['EdgeCampaign'][];
      /** @description definitions in every device’s bundle today */
      readonly onDevices: number;
    };
    readonly EdgeCampaignListInput: {
      readonly campaigns: readonly components['schemas']['EdgeCampaignInput'][];
      /** @description definitions in every device’s bundle today */
      readonly onDevices: number;
    };
    readonly EdgeFacts: {
      /** @description the main account’s balance, for the low-balance forecast on the device */
      readonly balance?: {
        readonly currentMinor: number;
        readonly overdraftLimitMinor?: number;
      } | null;
      readonly birthMonth: number | null;
      /** @description the vault’s base currency, for the insights on the device */
      readonly currency?: string;
      readonly firstOpened: string | null;
      /** @description what stops every match on the device now: a restriction, an objection, a marketing exclusion */
      readonly holds: readonly ('restriction' | 'objection' | 'marketing_exclusion')[];
      readonly products: readonly {
        readonly product: string;
        readonly since: string;
        readonly until: string | null;
      }[];
      readonly transactions: readonly {
        readonly amountMinor: number;
        readonly category: string;
        readonly currency: string;
        readonly date: string;
        /** @enum {string} */
        readonly direction: 'D' | 'C';
        /** @description on the account whose balance the insights forecast */
        readonly main?: boolean;
        readonly mcc: number | null;
        readonly merchant: string | null;
      }[];
    };
    readonly EdgeFactsInput: {
      /** @description the main account’s balance, for the low-balance forecast on the device */
      readonly balance?: {
        readonly currentMinor: number;
        readonly overdraftLimitMinor?: number;
      } | null;
      readonly birthMonth: number | null;
      /** @description the vault’s base currency, for the insights on the device */
      readonly currency?: string;
      readonly firstOpened: string | null;
      /** @description what stops every match on the device now: a restriction, an objection, a marketing exclusion */
      readonly holds: readonly ('restriction' | 'objection' | 'marketing_exclusion')[];
      readonly products: readonly {
        readonly product: string;
        readonly since: string;
        readonly until: string | null;
      }[];
      readonly transactions: readonly {
        readonly amountMinor: number;
        readonly category: string;
        readonly currency: string;
        readonly date: string;
        /** @enum {string} */
        readonly direction: 'D' | 'C';
        /** @description on the account whose balance the insights forecast */
        readonly main?: boolean;
        readonly mcc: number | null;
        readonly merchant: string | null;
      }[];
    };
    readonly EdgeInterest: {
      /** @description the inbox message now holding the offer, where "Interested" follows */
      readonly message: string;
    };
    readonly EdgeInterestInput: {
      /** @description the inbox message now holding the offer, where "Interested" follows */
      readonly message: string;
    };
    readonly EdgeKey: {
      readonly keyId: string;
      readonly log: components['schemas']['EdgeLogProof'];
      /** @description raw Ed25519 key (definitions) or RSASSA-PSS SPKI (tokens) */
      readonly publicKey: string;
    };
    readonly EdgeKeyInput: {
      readonly keyId: string;
      readonly log: components['schemas']['EdgeLogProofInput'];
      /** @description raw Ed25519 key (definitions) or RSASSA-PSS SPKI (tokens) */
      readonly publicKey: string;
    };
    readonly EdgeLogProof: {
      /** @description the signed note of the head the proof is against */
      readonly checkpoint: string;
      readonly index: number;
      /** @description the entry’s exact canonical JSON, as hashed */
      readonly json: string;
      /** @description inclusion proof, standard base64 hashes */
      readonly proof: readonly string[];
    };
    readonly EdgeLogProofInput: {
      /** @description the signed note of the head the proof is against */
      readonly checkpoint: string;
      readonly index: number;
      /** @description the entry’s exact canonical JSON, as hashed */
      readonly json: string;
      /** @description inclusion proof, standard base64 hashes */
      readonly proof: readonly string[];
    };
    readonly EdgePublicationRequest: {
      readonly expression: string;
      readonly offer: {
        readonly body: string;
        readonly callToAction: string;
        readonly category: string;
        readonly productCode: string;
        /** @description "bank" or the partner’s code */
        readonly provider: string;
        readonly title: string;
      };
      /** Format: date */
      readonly validFrom: string;
      /** Format: date */
      readonly validUntil: string;
    };
    readonly EdgePublicationRequestInput: {
      readonly expression: string;
      readonly offer: {
        readonly body: string;
        readonly callToAction: string;
        readonly category: string;
        readonly productCode: string;
        /** @description "bank" or the partner’s code */
        readonly provider: string;
        readonly title: string;
      };
      /** Format: date */
      readonly validFrom: string;
      /** Format: date */
      readonly validUntil: string;
    };
    readonly EdgePublished: {
      /** @description the noised audience at admission (≥ the noised k); charged to the publisher */
      readonly audience: number;
      readonly id: string;
      readonly jws: string;
      readonly purpose: string;
    };
    readonly EdgePublishedInput: {
      /** @description the noised audience at admission (≥ the noised k); charged to the publisher */
      readonly audience: number;
      readonly id: string;
      readonly jws: string;
      readonly purpose: string;
    };
    readonly EdgeReport: {
      readonly campaign: string;
      /** Format: date */
      readonly epoch: string;
      /** @enum {string} */
      readonly event: 'shown' | 'dummy';
      readonly token: string;
    };
    readonly EdgeReportAccepted: {
      /** @constant */
      readonly accepted: true;
    };
    readonly EdgeReportAcceptedInput: {
      /** @constant */
      readonly accepted: true;
    };
    readonly EdgeReportInput: {
      readonly campaign: string;
      /** Format: date */
      readonly epoch: string;
      /** @enum {string} */
      readonly event: 'shown' | 'dummy';
      readonly token: string;
    };
    readonly EdgeResults: {
      readonly campaign: string;
      readonly epochs: readonly {
        /** @description noised count of customers who asked "Connect me"; null under the noised k */
        readonly connects: number | null;
        /** Format: date */
        readonly epoch: string;
        /** @description noised count of "shown" reports; null under the noised k */
        readonly shown: number | null;
      }[];
      /** @description the most reports one device sends per epoch: the noise’s sensitivity */
      readonly reportsPerDevice: number;
    };
    readonly EdgeResultsInput: {
      readonly campaign: string;
      readonly epochs: readonly {
        /** @description noised count of customers who asked "Connect me"; null under the noised k */
        readonly connects: number | null;
        /** Format: date */
        readonly epoch: string;
        /** @description noised count of "shown" reports; null under the noised k */
        readonly shown: number | null;
      }[];
      /** @description the most reports one device sends per epoch: the noise’s sensitivity */
      readonly reportsPerDevice: number;
    };
    readonly EdgeTokenRequests: {
      /** Format: date */
      readonly epoch: string;
      /** @description blinded token requests (RFC 9578) */
      readonly requests: readonly string[];
    };
    readonly EdgeTokenRequestsInput: {
      /** Format: date */
      readonly epoch: string;
      /** @description blinded token requests (RFC 9578) */
      readonly requests: readonly string[];
    };
    readonly EdgeTokenResponses: {
      /** @description blind signatures, in the order of the requests */
      readonly responses: readonly string[];
    };
    readonly EdgeTokenResponsesInput: {
      /** @description blind signatures, in the order of the requests */
      readonly responses: readonly string[];
    };
    readonly ErasureReceiptCheck: {
      readonly receipt: string;
    };
    readonly ErasureReceiptCheckInput: {
      readonly receipt: string;
    };
    readonly ErasureReceiptLookup: {
      readonly closedAt: string | null;
      /**
       * Format: date-time
       * @description the legal deadline
       */
      readonly dueAt: string;
      /** @description the signed receipt (compact JWS), once erased */
      readonly receipt?: string;
      readonly receiptId: string;
      /** Format: date-time */
      readonly receivedAt: string;
      /** @description the reason code, when the erasure was refused */
      readonly rejection: string | null;
      readonly rejectionNote: string | null;
      /** @enum {string} */
      readonly status: 'received' | 'verified' | 'completed' | 'rejected';
      /** @description the receipt checked: signature and log inclusion */
      readonly verdict?: components['schemas']['ErasureReceiptVerdict'];
    };
    readonly ErasureReceiptLookupInput: {
      readonly closedAt: unknown | null;
      /** @description the legal deadline */
      readonly dueAt: unknown;
      /** @description the signed receipt (compact JWS), once erased */
      readonly receipt?: string;
      readonly receiptId: string;
      readonly receivedAt: unknown;
      /** @description the reason code, when the erasure was refused */
      readonly rejection: string | null;
      readonly rejectionNote: string | null;
      /** @enum {string} */
      readonly status: 'received' | 'verified' | 'completed' | 'rejected';
      /** @description the receipt checked: signature and log inclusion */
      readonly verdict?: components['schemas']['ErasureReceiptVerdictInput'];
    };
    readonly ErasureReceiptVerdict: {
      readonly logIndex?: number;
      readonly ok: boolean;
      /** @description why the receipt does not hold */
      readonly reason?: string;
      readonly receipt?: components['schemas']['ErasureStatement'];
      readonly treeSize?: number;
    };
    readonly ErasureReceiptVerdictInput: {
      readonly logIndex?: number;
      readonly ok: boolean;
      /** @description why the receipt does not hold */
      readonly reason?: string;
      readonly receipt?: components['schemas']['ErasureStatementInput'];
      readonly treeSize?: number;
    };
    readonly ErasureStatement: {
      readonly controller: string;
      /** @description rows deleted per table (derived data) */
      readonly deleted: {
        readonly [key: string]: number;
      };
      readonly erasedAt: string;
      readonly legalHold: {
        readonly heldUntil: string | null;
        readonly id: string;
        readonly transactions: number;
      };
      /** @constant */
      readonly method: 'crypto-shred';
      readonly receiptId: string;
      readonly requestId: string;
      readonly scan: {
        readonly logSize: number;
        /** @constant */
        readonly matches: 0;
        readonly needleKinds: readonly string[];
        readonly rowsScanned: number;
        readonly schemas: readonly string[];
        readonly tables: number;
      };
    };
    readonly ErasureStatementInput: {
      readonly controller: string;
      /** @description rows deleted per table (derived data) */
      readonly deleted: {
        readonly [key: string]: number;
      };
      readonly erasedAt: string;
      readonly legalHold: {
        readonly heldUntil: string | null;
        readonly id: string;
        readonly transactions: number;
      };
      /** @constant */
      readonly method: 'crypto-shred';
      readonly receiptId: string;
      readonly requestId: string;
      readonly scan: {
        readonly logSize: number;
        /** @constant */
        readonly matches: 0;
        readonly needleKinds: readonly string[];
        readonly rowsScanned: number;
        readonly schemas: readonly string[];
        readonly tables: number;
      };
    };
    readonly FairLendingGroup: {
      /** @description noised; null when suppressed (under the noised k) */
      readonly delivered: number | null;
      /** @description under the four-fifths line */
      readonly flagged: boolean;
      readonly group: string;
      /** @description noised; null when suppressed (under the noised k) */
      readonly interested: number | null;
      /** @description noised; null when suppressed (under the noised k) */
      readonly ratioToReference: number | null;
      /** @description noised; null when suppressed (under the noised k) */
      readonly selectionRate: number | null;
      readonly suppressed: boolean;
    };
    readonly FairLendingGroupInput: {
      /** @description noised; null when suppressed (under the noised k) */
      readonly delivered: number | null;
      /** @description under the four-fifths line */
      readonly flagged: boolean;
      readonly group: string;
      /** @description noised; null when suppressed (under the noised k) */
      readonly interested: number | null;
      /** @description noised; null when suppressed (under the noised k) */
      readonly ratioToReference: number | null;
      /** @description noised; null when suppressed (under the noised k) */
      readonly selectionRate: number | null;
      readonly suppressed: boolean;
    };
    readonly FairLendingReport: {
      readonly attribute: string;
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      readonly epsilon: string;
      readonly flagged: readonly string[];
      readonly groups: readonly components['schemas']['FairLendingGroup'][];
      /** @description false when the four-fifths rule could not be applied (then an empty `flagged` means not measured) */
      readonly measured: boolean;
      readonly notes: readonly string[];
      /** @description why it could not be measured; null when measured */
      readonly notMeasuredReason: string | null;
      readonly purpose: string;
      readonly referenceGroup: string | null;
      readonly releasedOn: string;
      readonly repeated: boolean;
      readonly threshold: number;
    };
    readonly FairLendingReportInput: {
      readonly attribute: string;
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      readonly epsilon: string;
      readonly flagged: readonly string[];
      readonly groups: readonly components['schemas']['FairLendingGroupInput'][];
      /** @description false when the four-fifths rule could not be applied (then an empty `flagged` means not measured) */
      readonly measured: boolean;
      readonly notes: readonly string[];
      /** @description why it could not be measured; null when measured */
      readonly notMeasuredReason: string | null;
      readonly purpose: string;
      readonly referenceGroup: string | null;
      readonly releasedOn: string;
      readonly repeated: boolean;
      readonly threshold: number;
    };
    readonly FederatedRound: {
      readonly approvedAt: string | null;
      readonly approvedBy: string | null;
      /** Format: date */
      readonly asOf: string;
      readonly epsilon: number;
      readonly id: string;
      /** @description per region: the model version its vault stored, awaiting approval there */
      readonly models: {
        readonly [key: string]: {
          readonly model: string;
          readonly version: number;
        };
      } | null;
      readonly product: string;
      /** Format: date-time */
      readonly proposedAt: string;
      readonly proposedBy: string;
      readonly purpose: string;
      /** @description why the round was aborted */
      readonly reason: string | null;
      readonly regions: readonly string[];
      /**
       * @description proposed → approved → keys → shares → masked → unmasked → stored, or aborted
       * @enum {string}
       */
      readonly stage:
        'proposed' | 'approved' | 'keys' | 'shares' | 'masked' | 'unmasked' | 'stored' | 'aborted';
      /** Format: date-time */
      readonly updatedAt: string;
    };
    readonly FederatedRoundInput: {
      readonly approvedAt: string | null;
      readonly approvedBy: string | null;
      /** Format: date */
      readonly asOf: string;
      readonly epsilon: number;
      readonly id: string;
      /** @description per region: the model version its vault stored, awaiting approval there */
      readonly models: {
        readonly [key: string]: {
          readonly model: string;
          readonly version: number;
        };
      } | null;
      readonly product: string;
      /** Format: date-time */
      readonly proposedAt: string;
      readonly proposedBy: string;
      readonly purpose: string;
      /** @description why the round was aborted */
      readonly reason: string | null;
      readonly regions: readonly string[];
      /**
       * @description proposed → approved → keys → shares → masked → unmasked → stored, or aborted
       * @enum {string}
       */
      readonly stage:
        'proposed' | 'approved' | 'keys' | 'shares' | 'masked' | 'unmasked' | 'stored' | 'aborted';
      /** Format: date-time */
      readonly updatedAt: string;
    };
    readonly FederatedRoundProposal: {
      /**
       * Format: date
       * @description features read on this day, labels (take-up) in the 90 days after
       */
      readonly asOf: string;
      /** @description ε the round charges each vault’s (ε, δ) ledger, at that vault’s δ */
      readonly epsilon: number;
      /**
       * @description the product whose propensity model trains
       * @enum {string}
       */
      readonly product:
        | 'current_account'
        | 'savings'
        | 'student_account'
        | 'business_account'
        | 'credit_card'
        | 'overdraft'
        | 'mortgage'
        | 'personal_loan'
        | 'car_loan'
        | 'home_insurance'
        | 'life_insurance'
        | 'travel_insurance'
        | 'investment'
        | 'pension';
      /**
       * @description the question purpose the training serves, charged as for a question
       * @default bank_offers
       */
      readonly purpose: string;
      /** @description the regions whose vaults train together ("all": every one registered now); all must finish */
      readonly regions: 'all' | readonly string[];
    };
    readonly FederatedRoundProposalInput: {
      /**
       * Format: date
       * @description features read on this day, labels (take-up) in the 90 days after
       */
      readonly asOf: string;
      /** @description ε the round charges each vault’s (ε, δ) ledger, at that vault’s δ */
      readonly epsilon: number;
      /**
       * @description the product whose propensity model trains
       * @enum {string}
       */
      readonly product:
        | 'current_account'
        | 'savings'
        | 'student_account'
        | 'business_account'
        | 'credit_card'
        | 'overdraft'
        | 'mortgage'
        | 'personal_loan'
        | 'car_loan'
        | 'home_insurance'
        | 'life_insurance'
        | 'travel_insurance'
        | 'investment'
        | 'pension';
      /**
       * @description the question purpose the training serves, charged as for a question
       * @default bank_offers
       */
      readonly purpose: string;
      /** @description the regions whose vaults train together ("all": every one registered now); all must finish */
      readonly regions: 'all' | readonly string[];
    };
    readonly FederatedTraining: {
      readonly noise: {
        readonly mechanism: string;
        /** @description the noise of any minimumVaults − 1 vaults already carries the whole (ε, δ) */
        readonly minimumVaults: number;
        /** @description σ² of the discrete Gaussian each vault added, an integer */
        readonly variancePerVault: string;
      };
      /** @description the (ε, δ) each vault charged its own ledger */
      readonly perVault: {
        readonly delta: number;
        readonly epsilon: number;
      };
      /** @description the vaults that trained it together, all required */
      readonly regions: readonly string[];
      /** @description the round id, as the hub and every vault’s log name it */
      readonly round: string;
    };
    readonly FederatedTrainingInput: {
      readonly noise: {
        readonly mechanism: string;
        /** @description the noise of any minimumVaults − 1 vaults already carries the whole (ε, δ) */
        readonly minimumVaults: number;
        /** @description σ² of the discrete Gaussian each vault added, an integer */
        readonly variancePerVault: string;
      };
      /** @description the (ε, δ) each vault charged its own ledger */
      readonly perVault: {
        readonly delta: number;
        readonly epsilon: number;
      };
      /** @description the vaults that trained it together, all required */
      readonly regions: readonly string[];
      /** @description the round id, as the hub and every vault’s log name it */
      readonly round: string;
    };
    readonly FileNotice: {
      /** @enum {string} */
      readonly kind: 'not-a-statement' | 'investment-statement' | 'invalid-file' | 'empty-statement';
      readonly message: string;
    };
    readonly FileNoticeInput: {
      /** @enum {string} */
      readonly kind: 'not-a-statement' | 'investment-statement' | 'invalid-file' | 'empty-statement';
      readonly message: string;
    };
    readonly GuardPolicy: {
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly askerBudget: string;
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly countEpsilon: string;
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly differencingEpsilon: string;
      readonly k: number;
      readonly maxAttributes: number;
      /** @enum {string} */
      readonly period: 'day' | 'week' | 'month';
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly thresholdEpsilon: string;
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly vaultBudget: string;
    };
    readonly GuardPolicyInput: {
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly askerBudget: string;
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly countEpsilon: string;
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly differencingEpsilon: string;
      readonly k: number;
      readonly maxAttributes: number;
      /** @enum {string} */
      readonly period: 'day' | 'week' | 'month';
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly thresholdEpsilon: string;
      /** @description ε as an exact rational, "1/8" or "0.125" */
      readonly vaultBudget: string;
    };
    readonly Health: {
      readonly engine: string;
      /** @enum {string} */
      readonly status: 'ok' | 'unavailable';
    };
    readonly HealthInput: {
      readonly engine: string;
      /** @enum {string} */
      readonly status: 'ok' | 'unavailable';
    };
    readonly HubAuditEvent: {
      readonly details: {
        readonly [key: string]: components['schemas']['__shared'];
      };
      /** @enum {string} */
      readonly type:
        | 'campaign.drafted'
        | 'campaign.approved'
        | 'campaign.started'
        | 'campaign.finished'
        | 'campaign.cancelled'
        | 'campaign.stopping'
        | 'campaign.stopped'
        | 'admin.action';
    };
    readonly HubAuditEventInput: {
      readonly details: {
        readonly [key: string]: components['schemas']['__shared'];
      };
      /** @enum {string} */
      readonly type:
        | 'campaign.drafted'
        | 'campaign.approved'
        | 'campaign.started'
        | 'campaign.finished'
        | 'campaign.cancelled'
        | 'campaign.stopping'
        | 'campaign.stopped'
        | 'admin.action';
    };
    /** @description noised counts; null where the noised count fell under the noised threshold */
    readonly HubCampaignResults: {
      /** @description what the release cost and what is left (absent when read back) */
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      readonly delivered: number | null;
      /** @description ε this release cost; "0" when it repeats the day’s release */
      readonly epsilon: string;
      readonly interested: number | null;
      /** @description its leads by the status their advisor last gave them; null if released before outcomes were */
      readonly leadOutcomes: components['schemas']['LeadOutcomes'] | null;
      readonly opened: number | null;
      /** @description an ISO date */
      readonly releasedOn: string;
    };
    /** @description noised counts; null where the noised count fell under the noised threshold */
    readonly HubCampaignResultsInput: {
      /** @description what the release cost and what is left (absent when read back) */
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      readonly delivered: number | null;
      /** @description ε this release cost; "0" when it repeats the day’s release */
      readonly epsilon: string;
      readonly interested: number | null;
      /** @description its leads by the status their advisor last gave them; null if released before outcomes were */
      readonly leadOutcomes: components['schemas']['LeadOutcomesInput'] | null;
      readonly opened: number | null;
      /** @description an ISO date */
      readonly releasedOn: string;
    };
    readonly HubRefusal: {
      readonly error: {
        readonly budget?: {
          /** @description ε left to the asker this period */
          readonly askerRemaining: string;
          /** @description ε this request charged, an exact rational such as "3/8" */
          readonly charged: string;
          /** @description when the period’s budgets reset (ISO 8601) */
          readonly resetsAt: string;
          /** @description ε left to the vault this period */
          readonly vaultRemaining: string;
          /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
          readonly vaultReserved?: string;
        };
        readonly code: string;
        /** @description every problem of the segment, with its span and any suggestion */
        readonly diagnostics?: readonly components['schemas']['LanguageDiagnostic'][];
        readonly message: string;
        /** @description the checker’s diagnostics, with the line and a caret */
        readonly rendered?: string;
      };
    };
    readonly HubRefusalInput: {
      readonly error: {
        readonly budget?: {
          /** @description ε left to the asker this period */
          readonly askerRemaining: string;
          /** @description ε this request charged, an exact rational such as "3/8" */
          readonly charged: string;
          /** @description when the period’s budgets reset (ISO 8601) */
          readonly resetsAt: string;
          /** @description ε left to the vault this period */
          readonly vaultRemaining: string;
          /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
          readonly vaultReserved?: string;
        };
        readonly code: string;
        /** @description every problem of the segment, with its span and any suggestion */
        readonly diagnostics?: readonly components['schemas']['LanguageDiagnosticInput'][];
        readonly message: string;
        /** @description the checker’s diagnostics, with the line and a caret */
        readonly rendered?: string;
      };
    };
    readonly ImportQuarantineRow: {
      readonly code: string;
      readonly field: string;
      readonly line: number;
      readonly reason: string;
    };
    readonly ImportQuarantineRowInput: {
      readonly code: string;
      readonly field: string;
      readonly line: number;
      readonly reason: string;
    };
    readonly ImportSummary: {
      readonly batchId: number;
      readonly kind: string;
      readonly quarantine: readonly components['schemas']['ImportQuarantineRow'][];
      readonly rowsQuarantined: number;
      readonly rowsRead: number;
      readonly rowsStored: number;
      readonly rowsUnchanged: number;
      readonly sourceName: string;
      /** @enum {string} */
      readonly status: 'done' | 'partial' | 'failed';
    };
    readonly ImportSummaryInput: {
      readonly batchId: number;
      readonly kind: string;
      readonly quarantine: readonly components['schemas']['ImportQuarantineRowInput'][];
      readonly rowsQuarantined: number;
      readonly rowsRead: number;
      readonly rowsStored: number;
      readonly rowsUnchanged: number;
      readonly sourceName: string;
      /** @enum {string} */
      readonly status: 'done' | 'partial' | 'failed';
    };
    readonly Inbox: {
      /** @description my spending insights as sent (only with the consent "spending_insights"), newest first; each one opens at /v1/me/insights/messages/{message} */
      readonly insights: readonly components['schemas']['InsightMessage'][];
      readonly messages: readonly components['schemas']['InboxMessage'][];
    };
    readonly InboxAnswer: {
      /** @enum {string} */
      readonly answer: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
    };
    readonly InboxAnswerInput: {
      /** @enum {string} */
      readonly answer: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
    };
    readonly InboxAnswerOutcome: {
      readonly consentRequest: components['schemas']['ConsentRequest'] | null;
      /** @enum {string} */
      readonly kind: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
      readonly leadId: string | null;
      readonly messageId: string;
      /**
       * @description the answer the message holds now: interested while a lead stands
       * @enum {string}
       */
      readonly standing: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
    };
    readonly InboxAnswerOutcomeInput: {
      readonly consentRequest: components['schemas']['ConsentRequestInput'] | null;
      /** @enum {string} */
      readonly kind: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
      readonly leadId: string | null;
      readonly messageId: string;
      /**
       * @description the answer the message holds now: interested while a lead stands
       * @enum {string}
       */
      readonly standing: 'interested' | 'not_now' | 'not_interested' | 'stop_all';
    };
    readonly InboxInput: {
      /** @description my spending insights as sent (only with the consent "spending_insights"), newest first; each one opens at /v1/me/insights/messages/{message} */
      readonly insights: readonly components['schemas']['InsightMessageInput'][];
      readonly messages: readonly components['schemas']['InboxMessageInput'][];
    };
    readonly InboxMessage: {
      readonly body: string;
      readonly callToAction: string;
      readonly campaignId: string;
      readonly category: string;
      /** Format: date-time */
      readonly deliveredAt: string;
      readonly expired: boolean;
      readonly greeting: string;
      readonly id: string;
      readonly openedAt: string | null;
      readonly partner: string | null;
      readonly response: ('interested' | 'not_now' | 'not_interested' | 'stop_all') | null;
      readonly title: string;
      readonly validUntil: string;
      /** @description "Why am I seeing this?" in plain words */
      readonly why: string;
    };
    readonly InboxMessageInput: {
      readonly body: string;
      readonly callToAction: string;
      readonly campaignId: string;
      readonly category: string;
      readonly deliveredAt: unknown;
      readonly expired: boolean;
      readonly greeting: string;
      readonly id: string;
      readonly openedAt: unknown | null;
      readonly partner: string | null;
      readonly response: ('interested' | 'not_now' | 'not_interested' | 'stop_all') | null;
      readonly title: string;
      readonly validUntil: string;
      /** @description "Why am I seeing this?" in plain words */
      readonly why: string;
    };
    readonly IndexedAuditEntry: {
      readonly entry: components['schemas']['AuditEntry'];
      readonly index: number;
    };
    readonly IndexedAuditEntryInput: {
      readonly entry: components['schemas']['AuditEntryInput'];
      readonly index: number;
    };
    readonly IngestSummary: {
      readonly accountsCreated: number;
      readonly accountsUnlinked: number;
      readonly batchId: number;
      readonly duplicates: number;
      readonly format: string;
      readonly notices: readonly components['schemas']['FileNotice'][];
      readonly pastRetention: number;
      readonly quarantined: number;
      readonly read: number;
      readonly retention?: string;
      readonly sourceName: string;
      /** @enum {string} */
      readonly status: 'done' | 'partial' | 'failed';
      readonly stored: number;
      readonly uncategorised: number;
    };
    readonly IngestSummaryInput: {
      readonly accountsCreated: number;
      readonly accountsUnlinked: number;
      readonly batchId: number;
      readonly duplicates: number;
      readonly format: string;
      readonly notices: readonly components['schemas']['FileNoticeInput'][];
      readonly pastRetention: number;
      readonly quarantined: number;
      readonly read: number;
      readonly retention?: string;
      readonly sourceName: string;
      /** @enum {string} */
      readonly status: 'done' | 'partial' | 'failed';
      readonly stored: number;
      readonly uncategorised: number;
    };
    readonly InsightMessage: {
      readonly body: string;
      readonly deliveredAt: string;
      readonly id: string;
      readonly openedAt?: string;
      readonly title: string;
    };
    readonly InsightMessageDetail: {
      readonly body: string;
      readonly deliveredAt: string;
      readonly id: string;
      readonly insights: components['schemas']['Insights'];
      readonly openedAt?: string;
      readonly title: string;
    };
    readonly InsightMessageDetailInput: {
      readonly body: string;
      readonly deliveredAt: string;
      readonly id: string;
      readonly insights: components['schemas']['InsightsInput'];
      readonly openedAt?: string;
      readonly title: string;
    };
    readonly InsightMessageInput: {
      readonly body: string;
      readonly deliveredAt: string;
      readonly id: string;
      readonly openedAt?: string;
      readonly title: string;
    };
    readonly Insights: {
      /** Format: date */
      readonly asOf: string;
      /** @description absent while the vault has no balance of the main account */
      readonly forecast?: components['schemas']['BalanceForecast'];
      readonly income: readonly components['schemas']['RegularPayment'][];
      readonly monthOverMonth: {
        readonly changes: readonly {
          readonly category: string;
          /** @description minor units of the currency beside it */
          readonly changeMinor: number;
          /** @description ISO 4217 code of the amounts beside it */
          readonly currency: string;
          /** @description minor units of the currency beside it */
          readonly thisMonthMinor: number;
          /** @description minor units of the currency beside it */
          readonly usualMinor: number;
        }[];
        readonly days: number;
        readonly month: string;
        readonly monthsCompared: number;
      };
      readonly regularPayments: readonly components['schemas']['RegularPayment'][];
      readonly suggestions: readonly {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** @enum {string} */
        readonly kind:
          'price_rise' | 'overlapping_subscriptions' | 'yearly_plan' | 'spending_up' | 'move_to_savings';
        readonly product: boolean;
        readonly text: string;
        /** @description minor units of the currency beside it */
        readonly yearlySavingMinor: number;
      }[];
    };
    readonly InsightsInput: {
      /** Format: date */
      readonly asOf: string;
      /** @description absent while the vault has no balance of the main account */
      readonly forecast?: components['schemas']['BalanceForecastInput'];
      readonly income: readonly components['schemas']['RegularPaymentInput'][];
      readonly monthOverMonth: {
        readonly changes: readonly {
          readonly category: string;
          /** @description minor units of the currency beside it */
          readonly changeMinor: number;
          /** @description ISO 4217 code of the amounts beside it */
          readonly currency: string;
          /** @description minor units of the currency beside it */
          readonly thisMonthMinor: number;
          /** @description minor units of the currency beside it */
          readonly usualMinor: number;
        }[];
        readonly days: number;
        readonly month: string;
        readonly monthsCompared: number;
      };
      readonly regularPayments: readonly components['schemas']['RegularPaymentInput'][];
      readonly suggestions: readonly {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** @enum {string} */
        readonly kind:
          'price_rise' | 'overlapping_subscriptions' | 'yearly_plan' | 'spending_up' | 'move_to_savings';
        readonly product: boolean;
        readonly text: string;
        /** @description minor units of the currency beside it */
        readonly yearlySavingMinor: number;
      }[];
    };
    readonly KeyBundle: {
      readonly cipherKey: string;
      readonly maskKey: string;
      readonly participant: string;
      /** @description Ed25519 under the vault’s pinned log key, over the bundle statement */
      readonly signature: string;
    };
    readonly KeyBundleInput: {
      readonly cipherKey: string;
      readonly maskKey: string;
      readonly participant: string;
      /** @description Ed25519 under the vault’s pinned log key, over the bundle statement */
      readonly signature: string;
    };
    readonly LanguageDiagnostic: {
      readonly code: string;
      readonly expected?: readonly string[];
      readonly message: string;
      readonly span: components['schemas']['SourceSpan'];
      readonly suggestion?: string;
    };
    readonly LanguageDiagnosticInput: {
      readonly code: string;
      readonly expected?: readonly string[];
      readonly message: string;
      readonly span: components['schemas']['SourceSpanInput'];
      readonly suggestion?: string;
    };
    readonly Lead: {
      readonly campaignId: string;
      readonly claimedAt: string | null;
      readonly claimedBy: string | null;
      /** Format: date-time */
      readonly createdAt: string;
      readonly id: string;
      readonly messageId: string;
      readonly offerId: string;
      readonly offerTitle: string;
      /** @description the signed consent receipt (compact JWS) */
      readonly receipt: string;
      /** @description "bank" or the partner’s code */
      readonly recipient: string;
      /** @enum {string} */
      readonly state: 'open' | 'claimed' | 'withdrawn';
      /** @description where the advisor is with it: contacted, meeting, product_opened, closed */
      readonly status: ('contacted' | 'meeting' | 'product_opened' | 'closed') | null;
      readonly withdrawnAt: string | null;
    };
    readonly LeadHistoryEntry: {
      readonly advisor: string;
      /** Format: date-time */
      readonly at: string;
      /** @enum {string} */
      readonly change: 'status' | 'note';
      /** @description the note’s text, while the customer’s consent stands */
      readonly note: string | null;
      readonly status: ('contacted' | 'meeting' | 'product_opened' | 'closed') | null;
    };
    readonly LeadHistoryEntryInput: {
      readonly advisor: string;
      readonly at: unknown;
      /** @enum {string} */
      readonly change: 'status' | 'note';
      /** @description the note’s text, while the customer’s consent stands */
      readonly note: string | null;
      readonly status: ('contacted' | 'meeting' | 'product_opened' | 'closed') | null;
    };
    readonly LeadInput: {
      readonly campaignId: string;
      readonly claimedAt: unknown | null;
      readonly claimedBy: string | null;
      readonly createdAt: unknown;
      readonly id: string;
      readonly messageId: string;
      readonly offerId: string;
      readonly offerTitle: string;
      /** @description the signed consent receipt (compact JWS) */
      readonly receipt: string;
      /** @description "bank" or the partner’s code */
      readonly recipient: string;
      /** @enum {string} */
      readonly state: 'open' | 'claimed' | 'withdrawn';
      /** @description where the advisor is with it: contacted, meeting, product_opened, closed */
      readonly status: ('contacted' | 'meeting' | 'product_opened' | 'closed') | null;
      readonly withdrawnAt: unknown | null;
    };
    readonly LeadNote: {
      /** @description a partner’s queue instead of the bank’s */
      readonly partner?: string;
      readonly text: string;
    };
    readonly LeadNoted: {
      readonly leadId: string;
    };
    readonly LeadNotedInput: {
      readonly leadId: string;
    };
    readonly LeadNoteInput: {
      /** @description a partner’s queue instead of the bank’s */
      readonly partner?: string;
      readonly text: string;
    };
    readonly LeadOutcomes: {
      /** @description noised; null under the noised k */
      readonly closed: number | null;
      /** @description noised; null under the noised k */
      readonly contacted: number | null;
      /** @description noised; null under the noised k */
      readonly meeting: number | null;
      /** @description noised; null under the noised k */
      readonly productOpened: number | null;
    };
    readonly LeadOutcomesInput: {
      /** @description noised; null under the noised k */
      readonly closed: number | null;
      /** @description noised; null under the noised k */
      readonly contacted: number | null;
      /** @description noised; null under the noised k */
      readonly meeting: number | null;
      /** @description noised; null under the noised k */
      readonly productOpened: number | null;
    };
    readonly LeadStatus: {
      readonly leadId: string;
      /** @enum {string} */
      readonly status: 'contacted' | 'meeting' | 'product_opened' | 'closed';
    };
    readonly LeadStatusChange: {
      /** @description a partner’s queue instead of the bank’s */
      readonly partner?: string;
      /** @enum {string} */
      readonly status: 'contacted' | 'meeting' | 'product_opened' | 'closed';
    };
    readonly LeadStatusChangeInput: {
      /** @description a partner’s queue instead of the bank’s */
      readonly partner?: string;
      /** @enum {string} */
      readonly status: 'contacted' | 'meeting' | 'product_opened' | 'closed';
    };
    readonly LeadStatusInput: {
      readonly leadId: string;
      /** @enum {string} */
      readonly status: 'contacted' | 'meeting' | 'product_opened' | 'closed';
    };
    readonly Me: {
      readonly handle?: string;
      /** @enum {string} */
      readonly kind: 'staff' | 'customer';
      readonly roles: readonly string[];
      /** @enum {string} */
      readonly via: 'api-key' | 'session' | 'local-cli';
    };
    readonly MeInput: {
      readonly handle?: string;
      /** @enum {string} */
      readonly kind: 'staff' | 'customer';
      readonly roles: readonly string[];
      /** @enum {string} */
      readonly via: 'api-key' | 'session' | 'local-cli';
    };
    readonly ModelCard: {
      /** @description from the noised counts per score band */
      readonly auc: number | null;
      readonly byAgeBand: readonly {
        /** @description a noised count; null where it fell under the noised k */
        readonly customers: number | null;
        readonly group: string;
        /** @description a noised count; null where it fell under the noised k */
        readonly selected: number | null;
        readonly selectionRate: number | null;
      }[];
      readonly calibration: readonly {
        readonly band: string;
        /** @description a noised count; null where it fell under the noised k */
        readonly customers: number | null;
        readonly observedRate: number | null;
        /** @description a noised count; null where it fell under the noised k */
        readonly tookUp: number | null;
      }[];
      /** @description ε the release charged to releasedBy, an exact rational such as "19/4" */
      readonly epsilonCharged: string;
      readonly evaluation: {
        /** @description features on this day (90 days after the training window) */
        readonly asOf: string;
        /** @description take-ups counted in the 90 days after asOf */
        readonly labelsThrough: string;
        readonly selectionScore: number;
      };
      readonly fairLending: {
        readonly findings: readonly {
          readonly feature: string;
          readonly finding: string;
        }[];
        readonly passed: boolean;
        readonly rules: string;
      };
      readonly featureListVersion: number;
      readonly features: readonly string[];
      /** @description null (or absent, on older cards) for a version trained in this vault alone */
      readonly federated?: {
        /** @description this vault’s log entries about the round, by index */
        readonly logEntries: readonly number[];
        readonly noise: {
          readonly mechanism: string;
          /** @description the noise of any minimumVaults − 1 vaults already carries the whole (ε, δ) */
          readonly minimumVaults: number;
          /** @description σ² of the discrete Gaussian each vault added, an integer */
          readonly variancePerVault: string;
        };
        /** @description the (ε, δ) each vault charged its own ledger */
        readonly perVault: {
          readonly delta: number;
          readonly epsilon: number;
        };
        /** @description the vaults that trained it together, all required */
        readonly regions: readonly string[];
        /** @description the round id, as the hub and every vault’s log name it */
        readonly round: string;
      } | null;
      /** @description lift in the top 10 % by score, estimated from the noised score bands */
      readonly liftTop10: number | null;
      readonly releasedBy: string;
      readonly releasedOn: string;
      readonly training: {
        readonly delta: number;
        /** @description the mechanism in words: what was released, with what noise (cards written since issue 20’s noisy Newton) */
        readonly description?: string;
        readonly epsilon: number;
        readonly from: string;
        readonly mechanism: string;
        readonly to: string;
      };
    };
    readonly ModelCardInput: {
      /** @description from the noised counts per score band */
      readonly auc: number | null;
      readonly byAgeBand: readonly {
        /** @description a noised count; null where it fell under the noised k */
        readonly customers: number | null;
        readonly group: string;
        /** @description a noised count; null where it fell under the noised k */
        readonly selected: number | null;
        readonly selectionRate: number | null;
      }[];
      readonly calibration: readonly {
        readonly band: string;
        /** @description a noised count; null where it fell under the noised k */
        readonly customers: number | null;
        readonly observedRate: number | null;
        /** @description a noised count; null where it fell under the noised k */
        readonly tookUp: number | null;
      }[];
      /** @description ε the release charged to releasedBy, an exact rational such as "19/4" */
      readonly epsilonCharged: string;
      readonly evaluation: {
        /** @description features on this day (90 days after the training window) */
        readonly asOf: string;
        /** @description take-ups counted in the 90 days after asOf */
        readonly labelsThrough: string;
        readonly selectionScore: number;
      };
      readonly fairLending: {
        readonly findings: readonly {
          readonly feature: string;
          readonly finding: string;
        }[];
        readonly passed: boolean;
        readonly rules: string;
      };
      readonly featureListVersion: number;
      readonly features: readonly string[];
      /** @description null (or absent, on older cards) for a version trained in this vault alone */
      readonly federated?: {
        /** @description this vault’s log entries about the round, by index */
        readonly logEntries: readonly number[];
        readonly noise: {
          readonly mechanism: string;
          /** @description the noise of any minimumVaults − 1 vaults already carries the whole (ε, δ) */
          readonly minimumVaults: number;
          /** @description σ² of the discrete Gaussian each vault added, an integer */
          readonly variancePerVault: string;
        };
        /** @description the (ε, δ) each vault charged its own ledger */
        readonly perVault: {
          readonly delta: number;
          readonly epsilon: number;
        };
        /** @description the vaults that trained it together, all required */
        readonly regions: readonly string[];
        /** @description the round id, as the hub and every vault’s log name it */
        readonly round: string;
      } | null;
      /** @description lift in the top 10 % by score, estimated from the noised score bands */
      readonly liftTop10: number | null;
      readonly releasedBy: string;
      readonly releasedOn: string;
      readonly training: {
        readonly delta: number;
        /** @description the mechanism in words: what was released, with what noise (cards written since issue 20’s noisy Newton) */
        readonly description?: string;
        readonly epsilon: number;
        readonly from: string;
        readonly mechanism: string;
        readonly to: string;
      };
    };
    readonly ModelDecision: {
      /** @description why, in a sentence; recorded in the log */
      readonly reason: string;
    };
    readonly ModelDecisionInput: {
      /** @description why, in a sentence; recorded in the log */
      readonly reason: string;
    };
    readonly ModelVersion: {
      readonly approvalReason: string | null;
      readonly approvedAt: string | null;
      readonly approvedBy: string | null;
      readonly bias: number;
      /** @description null until its figures are released (POST …/card) */
      readonly card: components['schemas']['ModelCard'] | null;
      readonly delta: number;
      readonly epsilon: number;
      readonly featureListVersion: number;
      /** @description null for a version trained in this vault alone */
      readonly federated: components['schemas']['FederatedTraining'] | null;
      readonly id: string;
      readonly mechanism: string;
      readonly product: string;
      readonly retiredAt: string | null;
      readonly retiredBy: string | null;
      readonly retirementReason: string | null;
      /** @enum {string} */
      readonly state: 'trained' | 'approved' | 'retired';
      readonly trainedAt: string;
      readonly trainedBy: string;
      readonly trainedFrom: string;
      readonly trainedTo: string;
      readonly version: number;
      /** @description the frozen weights, in the order of the feature list */
      readonly weights: readonly number[];
    };
    readonly ModelVersionInput: {
      readonly approvalReason: string | null;
      readonly approvedAt: string | null;
      readonly approvedBy: string | null;
      readonly bias: number;
      /** @description null until its figures are released (POST …/card) */
      readonly card: components['schemas']['ModelCardInput'] | null;
      readonly delta: number;
      readonly epsilon: number;
      readonly featureListVersion: number;
      /** @description null for a version trained in this vault alone */
      readonly federated: components['schemas']['FederatedTrainingInput'] | null;
      readonly id: string;
      readonly mechanism: string;
      readonly product: string;
      readonly retiredAt: string | null;
      readonly retiredBy: string | null;
      readonly retirementReason: string | null;
      /** @enum {string} */
      readonly state: 'trained' | 'approved' | 'retired';
      readonly trainedAt: string;
      readonly trainedBy: string;
      readonly trainedFrom: string;
      readonly trainedTo: string;
      readonly version: number;
      /** @description the frozen weights, in the order of the feature list */
      readonly weights: readonly number[];
    };
    readonly ModelVersionList: {
      readonly versions: readonly components['schemas']['ModelVersion'][];
    };
    readonly ModelVersionListInput: {
      readonly versions: readonly components['schemas']['ModelVersionInput'][];
    };
    readonly MyDataRequest: {
      /** @enum {string} */
      readonly kind: 'erasure' | 'restriction' | 'objection';
      /**
       * @default gdpr
       * @enum {string}
       */
      readonly regime: 'gdpr' | 'ccpa';
    };
    readonly MyDataRequestInput: {
      /** @enum {string} */
      readonly kind: 'erasure' | 'restriction' | 'objection';
      /**
       * @default gdpr
       * @enum {string}
       */
      readonly regime: 'gdpr' | 'ccpa';
    };
    readonly MyLead: {
      readonly campaignId: string;
      /** Format: date-time */
      readonly claimedAt: string;
      readonly history: readonly components['schemas']['LeadHistoryEntry'][];
      /** @description null when the identity is withheld */
      readonly identity: {
        readonly email?: string;
        readonly familyName?: string;
        readonly givenName?: string;
        readonly phone?: string;
      } | null;
      readonly leadId: string;
      readonly offer: {
        readonly offerId: string;
        readonly title: string;
      };
      readonly status: ('contacted' | 'meeting' | 'product_opened' | 'closed') | null;
      /** @description why the identity is withheld now (withdrawal, restriction, objection, erasure) */
      readonly withheld: {
        readonly code: string;
        readonly message: string;
      } | null;
    };
    readonly MyLeadInput: {
      readonly campaignId: string;
      readonly claimedAt: unknown;
      readonly history: readonly components['schemas']['LeadHistoryEntryInput'][];
      /** @description null when the identity is withheld */
      readonly identity: {
        readonly email?: string;
        readonly familyName?: string;
        readonly givenName?: string;
        readonly phone?: string;
      } | null;
      readonly leadId: string;
      readonly offer: {
        readonly offerId: string;
        readonly title: string;
      };
      readonly status: ('contacted' | 'meeting' | 'product_opened' | 'closed') | null;
      /** @description why the identity is withheld now (withdrawal, restriction, objection, erasure) */
      readonly withheld: {
        readonly code: string;
        readonly message: string;
      } | null;
    };
    readonly NewCampaign: {
      /**
       * @description offers of the same purpose tried in order for each person, by interest
       * @default []
       */
      readonly alsoOffers: readonly string[];
      /** @description a segment expression (docs/segment-language.md) */
      readonly audience?: string;
      /**
       * @description channels that carry a notice; the inbox always holds the message
       * @default []
       */
      readonly channels: readonly ('email' | 'push' | 'webhook')[];
      readonly endsAt?: string;
      /**
       * @description at most `messages` per person in `days` days
       * @default {
       *       "messages": 1,
       *       "days": 7
       *     }
       */
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      readonly maxMessages?: number;
      readonly name: string;
      readonly offerId: string;
      /**
       * @description with alsoOffers: "interest" (the hub chooses per released token) or "propensity" (the vault picks each person’s offer by the approved models’ scores; the next best offer)
       * @default interest
       * @enum {string}
       */
      readonly pickOffersBy: 'interest' | 'propensity';
      /** @description the regional vaults it runs in, or "all" registered now; unset: the hub’s own vault. Each vault admits and delivers to its own customers under its own guard */
      readonly regions?: 'all' | readonly string[];
      /** @description a segment’s name or id; or else `audience` */
      readonly segment?: string;
      readonly startsAt: string;
    };
    readonly NewCampaignInput: {
      /**
       * @description offers of the same purpose tried in order for each person, by interest
       * @default []
       */
      readonly alsoOffers: readonly string[];
      /** @description a segment expression (docs/segment-language.md) */
      readonly audience?: string;
      /**
       * @description channels that carry a notice; the inbox always holds the message
       * @default []
       */
      readonly channels: readonly ('email' | 'push' | 'webhook')[];
      readonly endsAt?: string;
      /**
       * @description at most `messages` per person in `days` days
       * @default {
       *       "messages": 1,
       *       "days": 7
       *     }
       */
      readonly frequencyCap: {
        readonly days: number;
        readonly messages: number;
      };
      readonly maxMessages?: number;
      readonly name: string;
      readonly offerId: string;
      /**
       * @description with alsoOffers: "interest" (the hub chooses per released token) or "propensity" (the vault picks each person’s offer by the approved models’ scores; the next best offer)
       * @default interest
       * @enum {string}
       */
      readonly pickOffersBy: 'interest' | 'propensity';
      /** @description the regional vaults it runs in, or "all" registered now; unset: the hub’s own vault. Each vault admits and delivers to its own customers under its own guard */
      readonly regions?: 'all' | readonly string[];
      /** @description a segment’s name or id; or else `audience` */
      readonly segment?: string;
      readonly startsAt: string;
    };
    readonly NewOffer: {
      readonly body: string;
      /** @description the label of the inbox button */
      readonly callToAction: string;
      readonly category: string;
      /** @description interest groups the offer suits, for a campaign that chooses among offers */
      readonly interests: unknown;
      readonly productCode: string;
      /** @description the inbox heading */
      readonly title: string;
      /**
       * Format: date
       * @description today when absent
       */
      readonly validFrom?: string;
      /** Format: date */
      readonly validUntil: string;
    };
    readonly NewOfferInput: {
      readonly body: string;
      /** @description the label of the inbox button */
      readonly callToAction: string;
      readonly category: string;
      /**
       * @description interest groups the offer suits, for a campaign that chooses among offers
       * @default []
       */
      readonly interests: readonly (
        'food' | 'housing' | 'mobility' | 'travel' | 'family' | 'leisure' | 'shopping' | 'services'
      )[];
      readonly productCode: string;
      /** @description the inbox heading */
      readonly title: string;
      /**
       * Format: date
       * @description today when absent
       */
      readonly validFrom?: string;
      /** Format: date */
      readonly validUntil: string;
    };
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
    readonly NewSegment: {
      /** @description a segment expression (docs/segment-language.md) */
      readonly expression: string;
      readonly name: string;
      /** @enum {string} */
      readonly purpose:
        'bank_offers' | 'credit_offers' | 'partner_offers' | 'partner_credit_offers' | 'spending_insights';
    };
    readonly NewSegmentInput: {
      /** @description a segment expression (docs/segment-language.md) */
      readonly expression: string;
      readonly name: string;
      /** @enum {string} */
      readonly purpose:
        'bank_offers' | 'credit_offers' | 'partner_offers' | 'partner_credit_offers' | 'spending_insights';
    };
    readonly NewStaffMember: {
      readonly handle: string;
      readonly roles: readonly (
        'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
      )[];
    };
    readonly NewStaffMemberInput: {
      readonly handle: string;
      readonly roles: readonly (
        'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
      )[];
    };
    readonly NewSubjectRequest: {
      /** @enum {string} */
      readonly kind: 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';
      /**
       * @default gdpr
       * @enum {string}
       */
      readonly regime: 'gdpr' | 'ccpa';
    };
    readonly NewSubjectRequestInput: {
      /** @enum {string} */
      readonly kind: 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';
      /**
       * @default gdpr
       * @enum {string}
       */
      readonly regime: 'gdpr' | 'ccpa';
    };
    readonly Offer: {
      readonly body: string;
      readonly callToAction: string;
      readonly category: string;
      readonly createdBy: string;
      readonly credit: boolean;
      readonly id: string;
      readonly interests: readonly string[];
      readonly productCode: string;
      readonly provider: string;
      /** @enum {string} */
      readonly purpose: 'bank_offers' | 'credit_offers' | 'partner_offers' | 'partner_credit_offers';
      readonly title: string;
      /** @description an ISO date */
      readonly validFrom: string;
      /** @description an ISO date */
      readonly validUntil: string;
    };
    readonly OfferContent: {
      readonly body: string;
      /** @description the label of the "Interested — connect me" button */
      readonly callToAction: string;
      /** @description "not interested in offers like this" suppresses offers of the category */
      readonly category: string;
      readonly credit: boolean;
      /** @description the hub’s id of the offer */
      readonly offerId: string;
      /** @description the partner’s code; absent for the bank’s own products */
      readonly partner?: string;
      /** @description the product offered: its approved propensity model ranks the offer for the next best offer */
      readonly productCode?: string;
      readonly title: string;
      /**
       * Format: date
       * @description the offer is not shown after this day
       */
      readonly validUntil: string;
    };
    readonly OfferContentInput: {
      readonly body: string;
      /** @description the label of the "Interested — connect me" button */
      readonly callToAction: string;
      /** @description "not interested in offers like this" suppresses offers of the category */
      readonly category: string;
      readonly credit: boolean;
      /** @description the hub’s id of the offer */
      readonly offerId: string;
      /** @description the partner’s code; absent for the bank’s own products */
      readonly partner?: string;
      /** @description the product offered: its approved propensity model ranks the offer for the next best offer */
      readonly productCode?: string;
      readonly title: string;
      /**
       * Format: date
       * @description the offer is not shown after this day
       */
      readonly validUntil: string;
    };
    readonly OfferInput: {
      readonly body: string;
      readonly callToAction: string;
      readonly category: string;
      readonly createdBy: string;
      readonly credit: boolean;
      readonly id: string;
      readonly interests: readonly string[];
      readonly productCode: string;
      readonly provider: string;
      /** @enum {string} */
      readonly purpose: 'bank_offers' | 'credit_offers' | 'partner_offers' | 'partner_credit_offers';
      readonly title: string;
      /** @description an ISO date */
      readonly validFrom: string;
      /** @description an ISO date */
      readonly validUntil: string;
    };
    readonly PolicyProposal: {
      readonly decidedBy: string | null;
      readonly policy: {
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly askerBudget: string;
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly countEpsilon: string;
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly differencingEpsilon: string;
        readonly k: number;
        readonly maxAttributes: number;
        /** @enum {string} */
        readonly period: 'day' | 'week' | 'month';
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly thresholdEpsilon: string;
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly vaultBudget: string;
      };
      readonly proposedBy: string;
      readonly reason: string;
      /** @enum {string} */
      readonly status: 'proposed' | 'active' | 'superseded' | 'rejected';
      readonly version: number;
    };
    readonly PolicyProposalInput: {
      readonly decidedBy: string | null;
      readonly policy: {
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly askerBudget: string;
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly countEpsilon: string;
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly differencingEpsilon: string;
        readonly k: number;
        readonly maxAttributes: number;
        /** @enum {string} */
        readonly period: 'day' | 'week' | 'month';
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly thresholdEpsilon: string;
        /** @description ε as an exact rational, "1/8" or "0.125" */
        readonly vaultBudget: string;
      };
      readonly proposedBy: string;
      readonly reason: string;
      /** @enum {string} */
      readonly status: 'proposed' | 'active' | 'superseded' | 'rejected';
      readonly version: number;
    };
    readonly PostalAddressChange: {
      readonly city?: string;
      readonly country?: string;
      readonly postalCode?: string;
      readonly street?: string;
    };
    readonly PostalAddressChangeInput: {
      readonly city?: string;
      readonly country?: string;
      readonly postalCode?: string;
      readonly street?: string;
    };
    readonly PreferenceChanges: {
      readonly blockedPartners?: readonly {
        readonly on: boolean;
        readonly partner: string;
      }[];
      readonly channels?: readonly ('inbox' | 'email' | 'push' | 'webhook')[] | null;
      readonly frequencyCap?: ('never' | 'monthly' | 'fortnightly' | 'weekly' | 'daily') | null;
      readonly notInterested?: readonly {
        readonly category: string;
        readonly on: boolean;
      }[];
      readonly quietHours?: components['schemas']['QuietHours'] | null;
      readonly stopEverything?: boolean;
    };
    readonly PreferenceChangesInput: {
      readonly blockedPartners?: readonly {
        readonly on: boolean;
        readonly partner: string;
      }[];
      readonly channels?: readonly ('inbox' | 'email' | 'push' | 'webhook')[] | null;
      readonly frequencyCap?: ('never' | 'monthly' | 'fortnightly' | 'weekly' | 'daily') | null;
      readonly notInterested?: readonly {
        readonly category: string;
        readonly on: boolean;
      }[];
      readonly quietHours?: components['schemas']['QuietHoursInput'] | null;
      readonly stopEverything?: boolean;
    };
    readonly PreferenceHistory: {
      readonly changes: readonly components['schemas']['PreferenceHistoryItem'][];
    };
    readonly PreferenceHistoryInput: {
      readonly changes: readonly components['schemas']['PreferenceHistoryItemInput'][];
    };
    readonly PreferenceHistoryItem: {
      /** Format: date-time */
      readonly at: string;
      readonly channel: ('inbox' | 'email' | 'push' | 'webhook' | 'all') | null;
      /** @enum {string} */
      readonly kind:
        | 'consent'
        | 'channels'
        | 'frequency_cap'
        | 'quiet_hours'
        | 'stop_everything'
        | 'not_interested'
        | 'never_from_partner';
      /** @description given or withdrawn, on or off, set or cleared */
      readonly on: boolean | null;
      /** @description consent: the purpose decided about */
      readonly purpose:
        ('spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal') | null;
      /** @description the cap, the category, the partner or the channels */
      readonly value: string | null;
    };
    readonly PreferenceHistoryItemInput: {
      readonly at: unknown;
      readonly channel: ('inbox' | 'email' | 'push' | 'webhook' | 'all') | null;
      /** @enum {string} */
      readonly kind:
        | 'consent'
        | 'channels'
        | 'frequency_cap'
        | 'quiet_hours'
        | 'stop_everything'
        | 'not_interested'
        | 'never_from_partner';
      /** @description given or withdrawn, on or off, set or cleared */
      readonly on: boolean | null;
      /** @description consent: the purpose decided about */
      readonly purpose:
        ('spending_insights' | 'bank_offers' | 'partner_offers' | 'profiling' | 'identity_reveal') | null;
      /** @description the cap, the category, the partner or the channels */
      readonly value: string | null;
    };
    readonly Preferences: {
      readonly consent: readonly components['schemas']['ConsentRecord'][];
      readonly preferences: {
        readonly blockedPartners: readonly string[];
        /** @description null: any consented channel */
        readonly channels: readonly ('inbox' | 'email' | 'push' | 'webhook')[] | null;
        /** @description null: the bank’s default */
        readonly frequencyCap: ('never' | 'monthly' | 'fortnightly' | 'weekly' | 'daily') | null;
        readonly notInterestedCategories: readonly string[];
        readonly quietHours: components['schemas']['QuietHours'] | null;
        readonly stopEverything: boolean;
      };
    };
    readonly PreferencesInput: {
      readonly consent: readonly components['schemas']['ConsentRecordInput'][];
      readonly preferences: {
        readonly blockedPartners: readonly string[];
        /** @description null: any consented channel */
        readonly channels: readonly ('inbox' | 'email' | 'push' | 'webhook')[] | null;
        /** @description null: the bank’s default */
        readonly frequencyCap: ('never' | 'monthly' | 'fortnightly' | 'weekly' | 'daily') | null;
        readonly notInterestedCategories: readonly string[];
        readonly quietHours: components['schemas']['QuietHoursInput'] | null;
        readonly stopEverything: boolean;
      };
    };
    readonly PrivacyPolicy: {
      readonly active: {
        readonly policy: {
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly askerBudget: string;
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly countEpsilon: string;
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly differencingEpsilon: string;
          readonly k: number;
          readonly maxAttributes: number;
          /** @enum {string} */
          readonly period: 'day' | 'week' | 'month';
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly thresholdEpsilon: string;
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly vaultBudget: string;
        };
        /** @description 0: the built-in default */
        readonly version: number;
      };
      readonly versions: readonly components['schemas']['PolicyProposal'][];
    };
    readonly PrivacyPolicyInput: {
      readonly active: {
        readonly policy: {
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly askerBudget: string;
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly countEpsilon: string;
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly differencingEpsilon: string;
          readonly k: number;
          readonly maxAttributes: number;
          /** @enum {string} */
          readonly period: 'day' | 'week' | 'month';
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly thresholdEpsilon: string;
          /** @description ε as an exact rational, "1/8" or "0.125" */
          readonly vaultBudget: string;
        };
        /** @description 0: the built-in default */
        readonly version: number;
      };
      readonly versions: readonly components['schemas']['PolicyProposalInput'][];
    };
    readonly ProcessingActivity: {
      readonly activity: {
        readonly campaigns: number;
        readonly questions: number;
        readonly questionsAnswered: number;
      };
      readonly code: string;
      readonly consentPurpose: string;
      readonly dataCategories: readonly string[];
      readonly dataSubjects: string;
      readonly fairLendingRules: boolean;
      readonly lawfulBasis: string;
      readonly name: string;
      readonly purpose: string;
      readonly recipients: readonly string[];
      readonly retention: readonly string[];
      readonly thirdPartyDisclosure: boolean;
    };
    readonly ProcessingActivityInput: {
      readonly activity: {
        readonly campaigns: number;
        readonly questions: number;
        readonly questionsAnswered: number;
      };
      readonly code: string;
      readonly consentPurpose: string;
      readonly dataCategories: readonly string[];
      readonly dataSubjects: string;
      readonly fairLendingRules: boolean;
      readonly lawfulBasis: string;
      readonly name: string;
      readonly purpose: string;
      readonly recipients: readonly string[];
      readonly retention: readonly string[];
      readonly thirdPartyDisclosure: boolean;
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
    readonly ProtectedCount: {
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @description noised, never exact */
      readonly count: number;
      /** @description ε the question charged ("n/d") */
      readonly epsilon: string;
      readonly repeated: boolean;
    };
    readonly ProtectedCountInput: {
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @description noised, never exact */
      readonly count: number;
      /** @description ε the question charged ("n/d") */
      readonly epsilon: string;
      readonly repeated: boolean;
    };
    readonly ProvenAuditEntry: {
      readonly entry: components['schemas']['AuditEntry'];
      readonly head: components['schemas']['AuditHead'];
      readonly index: number;
      /** @description the exact bytes that were hashed (UTF-8) */
      readonly json: string;
      /** @description standard base64 */
      readonly leafHash: string;
      /** @description inclusion proof (RFC 9162 §2.1.3) against head */
      readonly proof: readonly string[];
    };
    readonly ProvenAuditEntryInput: {
      readonly entry: components['schemas']['AuditEntryInput'];
      readonly head: components['schemas']['AuditHeadInput'];
      readonly index: number;
      /** @description the exact bytes that were hashed (UTF-8) */
      readonly json: string;
      /** @description standard base64 */
      readonly leafHash: string;
      /** @description inclusion proof (RFC 9162 §2.1.3) against head */
      readonly proof: readonly string[];
    };
    readonly QuarantineRow: {
      readonly excerpt: string | null;
      readonly field: string;
      readonly location: string;
      readonly reason: string;
      readonly reason_code: string;
    };
    readonly QuarantineRowInput: {
      readonly excerpt: string | null;
      readonly field: string;
      readonly location: string;
      readonly reason: string;
      readonly reason_code: string;
    };
    readonly Question: {
      /** @description docs/segment-language.md */
      readonly expression: string;
      /** @description bank_offers, credit_offers, partner_offers, … */
      readonly purpose: string;
    };
    readonly QuestionAnswer: {
      readonly budget: components['schemas']['BudgetStatus'];
      /** @description noised with discrete Laplace noise; never exact */
      readonly count: number;
      readonly questionId: number;
      readonly repeated: boolean;
    };
    readonly QuestionAnswerInput: {
      readonly budget: components['schemas']['BudgetStatusInput'];
      /** @description noised with discrete Laplace noise; never exact */
      readonly count: number;
      readonly questionId: number;
      readonly repeated: boolean;
    };
    readonly QuestionCheck: {
      /** @description ε a new (not repeated) count of it would charge ("n/d") */
      readonly cost?: string;
      /** @description the segment in plain words, as a customer reads it */
      readonly explanation: string;
    };
    readonly QuestionChecked: {
      readonly attributes: readonly string[];
      readonly ok: boolean;
    };
    readonly QuestionCheckedInput: {
      readonly attributes: readonly string[];
      readonly ok: boolean;
    };
    readonly QuestionCheckInput: {
      /** @description ε a new (not repeated) count of it would charge ("n/d") */
      readonly cost?: string;
      /** @description the segment in plain words, as a customer reads it */
      readonly explanation: string;
    };
    readonly QuestionInput: {
      /** @description docs/segment-language.md */
      readonly expression: string;
      /** @description bank_offers, credit_offers, partner_offers, … */
      readonly purpose: string;
    };
    readonly QuestionRefusal: {
      readonly error: {
        readonly budget?: components['schemas']['BudgetStatus'];
        readonly code: string;
        readonly diagnostics?: readonly components['schemas']['LanguageDiagnostic'][];
        readonly message: string;
        readonly questionId?: number;
        /** @description the diagnostics with line, column and a caret */
        readonly rendered?: string;
      };
    };
    readonly QuestionRefusalInput: {
      readonly error: {
        readonly budget?: components['schemas']['BudgetStatusInput'];
        readonly code: string;
        readonly diagnostics?: readonly components['schemas']['LanguageDiagnosticInput'][];
        readonly message: string;
        readonly questionId?: number;
        /** @description the diagnostics with line, column and a caret */
        readonly rendered?: string;
      };
    };
    readonly QueuedLead: {
      readonly campaignId: string;
      readonly category: string;
      /** Format: date-time */
      readonly createdAt: string;
      readonly id: string;
      readonly offerId: string;
      readonly offerTitle: string;
    };
    readonly QueuedLeadInput: {
      readonly campaignId: string;
      readonly category: string;
      readonly createdAt: unknown;
      readonly id: string;
      readonly offerId: string;
      readonly offerTitle: string;
    };
    /** @description no offer between start and end (may wrap midnight) */
    readonly QuietHours: {
      readonly end: string;
      readonly start: string;
      readonly timeZone: string;
    };
    /** @description no offer between start and end (may wrap midnight) */
    readonly QuietHoursInput: {
      readonly end: string;
      readonly start: string;
      readonly timeZone: string;
    };
    readonly RecordsOfProcessing: {
      readonly activities: readonly components['schemas']['ProcessingActivity'][];
      readonly controller: string;
      /** @constant */
      readonly format: 'curtain-ropa/1';
      readonly generatedAt: string;
      readonly otherPurposes: readonly {
        readonly code: string;
        readonly dataCategories: readonly string[];
        readonly lawfulBasis: string;
        readonly name: string;
      }[];
      readonly recipients: readonly {
        readonly name: string;
        readonly receives: string;
      }[];
      readonly retention: readonly components['schemas']['RetentionPolicy'][];
      readonly securityMeasures: readonly string[];
      readonly subjectRequests: {
        readonly [key: string]: number;
      };
      readonly transfersOutsideEea: string;
    };
    readonly RecordsOfProcessingInput: {
      readonly activities: readonly components['schemas']['ProcessingActivityInput'][];
      readonly controller: string;
      /** @constant */
      readonly format: 'curtain-ropa/1';
      readonly generatedAt: string;
      readonly otherPurposes: readonly {
        readonly code: string;
        readonly dataCategories: readonly string[];
        readonly lawfulBasis: string;
        readonly name: string;
      }[];
      readonly recipients: readonly {
        readonly name: string;
        readonly receives: string;
      }[];
      readonly retention: readonly components['schemas']['RetentionPolicyInput'][];
      readonly securityMeasures: readonly string[];
      readonly subjectRequests: {
        readonly [key: string]: number;
      };
      readonly transfersOutsideEea: string;
    };
    readonly RegionalAnswer: {
      /** @description every asked region released its part */
      readonly complete: boolean;
      /** @description the sum of every region’s noised count; null when any region’s part is missing */
      readonly count: number | null;
      /** @description the regions whose part is not in `released` */
      readonly missing: readonly string[];
      /** @description each asked region’s answer, in the order of the regions */
      readonly parts: readonly components['schemas']['RegionalPart'][];
      /** @description the sum of the parts that were released, and exactly which regions it covers */
      readonly released: {
        readonly count: number;
        readonly regions: readonly string[];
      };
    };
    readonly RegionalAnswerInput: {
      /** @description every asked region released its part */
      readonly complete: boolean;
      /** @description the sum of every region’s noised count; null when any region’s part is missing */
      readonly count: number | null;
      /** @description the regions whose part is not in `released` */
      readonly missing: readonly string[];
      /** @description each asked region’s answer, in the order of the regions */
      readonly parts: readonly components['schemas']['RegionalPartInput'][];
      /** @description the sum of the parts that were released, and exactly which regions it covers */
      readonly released: {
        readonly count: number;
        readonly regions: readonly string[];
      };
    };
    readonly RegionalCampaignResults: {
      readonly campaignId: string;
      /** @description every region of the campaign released its results */
      readonly complete: boolean;
      readonly delivered: components['schemas']['RegionalMeasure'];
      readonly interested: components['schemas']['RegionalMeasure'];
      /** @description the regions whose results are not in any sum */
      readonly missing: readonly string[];
      readonly opened: components['schemas']['RegionalMeasure'];
      /** @description each region’s results, in the campaign’s order */
      readonly parts: readonly components['schemas']['RegionalResultPart'][];
    };
    readonly RegionalCampaignResultsInput: {
      readonly campaignId: string;
      /** @description every region of the campaign released its results */
      readonly complete: boolean;
      readonly delivered: components['schemas']['RegionalMeasureInput'];
      readonly interested: components['schemas']['RegionalMeasureInput'];
      /** @description the regions whose results are not in any sum */
      readonly missing: readonly string[];
      readonly opened: components['schemas']['RegionalMeasureInput'];
      /** @description each region’s results, in the campaign’s order */
      readonly parts: readonly components['schemas']['RegionalResultPartInput'][];
    };
    readonly RegionalCheck: {
      /** @description each asked region’s check, in the order of the regions: free, reads no data */
      readonly parts: readonly (
        | {
            /** @description ε a new count of this question costs in this vault ("n/d") */
            readonly cost: string;
            readonly explanation: string;
            readonly region: string;
            /** @constant */
            readonly status: 'ready';
          }
        | {
            /** @enum {string} */
            readonly code:
              | 'CONFIG_INVALID'
              | 'DATA_DIR_BUSY'
              | 'STORAGE_UNAVAILABLE'
              | 'MIGRATION_FAILED'
              | 'KEY_UNAVAILABLE'
              | 'CUSTOMER_NOT_FOUND'
              | 'CUSTOMER_ERASED'
              | 'INGEST_FORMAT_UNKNOWN'
              | 'INGEST_FILE_INVALID'
              | 'INGEST_NOT_A_STATEMENT'
              | 'MAPPING_INVALID'
              | 'USAGE'
              | 'INPUT_INVALID'
              | 'NOT_FOUND'
              | 'AUDIT_MISMATCH'
              | 'QUESTION_INVALID'
              | 'QUESTION_PURPOSE_UNKNOWN'
              | 'PRIVACY_TOO_FEW'
              | 'PRIVACY_DIFFERENCING'
              | 'PRIVACY_BUDGET_EXHAUSTED'
              | 'POLICY_INVALID'
              | 'POLICY_APPROVAL_REFUSED'
              | 'BUDGET_REQUEST_STATE'
              | 'BUDGET_GRANT_EXCEEDS_VAULT'
              | 'HUB_FORBIDDEN'
              | 'HUB_INVALID'
              | 'CONSENT_REQUIRED'
              | 'LEAD_REFUSED'
              | 'IDENTITY_WITHHELD'
              | 'RECEIPT_INVALID'
              | 'HUB_CAMPAIGN_STATE'
              | 'SUBJECT_REQUEST_STATE'
              | 'SUBJECT_REQUEST_OPEN'
              | 'SUBJECT_NOT_VERIFIED'
              | 'ERASURE_INCOMPLETE'
              | 'ERASURE_RECEIPT_INVALID'
              | 'AUTH_REQUIRED'
              | 'AUTH_FORBIDDEN'
              | 'CSRF_INVALID'
              | 'RATE_LIMITED'
              | 'DEMO_DISABLED'
              | 'VAULT_IS_DEMO'
              | 'VAULT_IS_REAL'
              | 'STAFF_LAST_HOLDER'
              | 'DELIVERY_AUDIENCE_TOO_SMALL'
              | 'DELIVERY_INVALID'
              | 'VAULT_UNAVAILABLE'
              | 'VAULT_TIMEOUT'
              | 'DOOR_CONTRACT'
              | 'MODEL_STATE'
              | 'MODEL_APPROVAL_REFUSED'
              | 'MODEL_FEATURES_MISMATCH'
              | 'EDGE_SEGMENT_SENSITIVE'
              | 'EDGE_TOKENS_ISSUED'
              | 'EDGE_OFFER_NOT_MATCHED'
              | 'EDGE_OFFER_WITHHELD'
              | 'EDGE_REPORT_REFUSED'
              | 'VAULT_KEY_MISMATCH'
              | 'SHARD_GROUP_UNSUPPORTED'
              | 'VAULT_REGION_UNKNOWN'
              | 'FEDERATED_ROUND_ABORTED'
              | 'FEDERATED_ROUND_STATE'
              | 'INTERNAL';
            readonly message: string;
            readonly region: string;
            /** @enum {string} */
            readonly status: 'refused' | 'unreachable';
          }
      )[];
    };
    readonly RegionalCheckInput: {
      /** @description each asked region’s check, in the order of the regions: free, reads no data */
      readonly parts: readonly (
        | {
            /** @description ε a new count of this question costs in this vault ("n/d") */
            readonly cost: string;
            readonly explanation: string;
            readonly region: string;
            /** @constant */
            readonly status: 'ready';
          }
        | {
            /** @enum {string} */
            readonly code:
              | 'CONFIG_INVALID'
              | 'DATA_DIR_BUSY'
              | 'STORAGE_UNAVAILABLE'
              | 'MIGRATION_FAILED'
              | 'KEY_UNAVAILABLE'
              | 'CUSTOMER_NOT_FOUND'
              | 'CUSTOMER_ERASED'
              | 'INGEST_FORMAT_UNKNOWN'
              | 'INGEST_FILE_INVALID'
              | 'INGEST_NOT_A_STATEMENT'
              | 'MAPPING_INVALID'
              | 'USAGE'
              | 'INPUT_INVALID'
              | 'NOT_FOUND'
              | 'AUDIT_MISMATCH'
              | 'QUESTION_INVALID'
              | 'QUESTION_PURPOSE_UNKNOWN'
              | 'PRIVACY_TOO_FEW'
              | 'PRIVACY_DIFFERENCING'
              | 'PRIVACY_BUDGET_EXHAUSTED'
              | 'POLICY_INVALID'
              | 'POLICY_APPROVAL_REFUSED'
              | 'BUDGET_REQUEST_STATE'
              | 'BUDGET_GRANT_EXCEEDS_VAULT'
              | 'HUB_FORBIDDEN'
              | 'HUB_INVALID'
              | 'CONSENT_REQUIRED'
              | 'LEAD_REFUSED'
              | 'IDENTITY_WITHHELD'
              | 'RECEIPT_INVALID'
              | 'HUB_CAMPAIGN_STATE'
              | 'SUBJECT_REQUEST_STATE'
              | 'SUBJECT_REQUEST_OPEN'
              | 'SUBJECT_NOT_VERIFIED'
              | 'ERASURE_INCOMPLETE'
              | 'ERASURE_RECEIPT_INVALID'
              | 'AUTH_REQUIRED'
              | 'AUTH_FORBIDDEN'
              | 'CSRF_INVALID'
              | 'RATE_LIMITED'
              | 'DEMO_DISABLED'
              | 'VAULT_IS_DEMO'
              | 'VAULT_IS_REAL'
              | 'STAFF_LAST_HOLDER'
              | 'DELIVERY_AUDIENCE_TOO_SMALL'
              | 'DELIVERY_INVALID'
              | 'VAULT_UNAVAILABLE'
              | 'VAULT_TIMEOUT'
              | 'DOOR_CONTRACT'
              | 'MODEL_STATE'
              | 'MODEL_APPROVAL_REFUSED'
              | 'MODEL_FEATURES_MISMATCH'
              | 'EDGE_SEGMENT_SENSITIVE'
              | 'EDGE_TOKENS_ISSUED'
              | 'EDGE_OFFER_NOT_MATCHED'
              | 'EDGE_OFFER_WITHHELD'
              | 'EDGE_REPORT_REFUSED'
              | 'VAULT_KEY_MISMATCH'
              | 'SHARD_GROUP_UNSUPPORTED'
              | 'VAULT_REGION_UNKNOWN'
              | 'FEDERATED_ROUND_ABORTED'
              | 'FEDERATED_ROUND_STATE'
              | 'INTERNAL';
            readonly message: string;
            readonly region: string;
            /** @enum {string} */
            readonly status: 'refused' | 'unreachable';
          }
      )[];
    };
    readonly RegionalMeasure: {
      /** @description exactly which regions `released` covers */
      readonly regions: readonly string[];
      /** @description the sum over the regions that released this measure */
      readonly released: number;
      /** @description regions whose noised count fell under their noised k */
      readonly suppressed: readonly string[];
      /** @description the sum over every region; null when any region’s part is missing or suppressed */
      readonly total: number | null;
    };
    readonly RegionalMeasureInput: {
      /** @description exactly which regions `released` covers */
      readonly regions: readonly string[];
      /** @description the sum over the regions that released this measure */
      readonly released: number;
      /** @description regions whose noised count fell under their noised k */
      readonly suppressed: readonly string[];
      /** @description the sum over every region; null when any region’s part is missing or suppressed */
      readonly total: number | null;
    };
    readonly RegionalPart:
      | {
          /** @description the asker’s and this vault’s budget, in this vault */
          readonly budget: {
            /** @description ε left to the asker this period */
            readonly askerRemaining: string;
            /** @description ε this request charged, an exact rational such as "3/8" */
            readonly charged: string;
            /** @description when the period’s budgets reset (ISO 8601) */
            readonly resetsAt: string;
            /** @description ε left to the vault this period */
            readonly vaultRemaining: string;
            /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
            readonly vaultReserved?: string;
          };
          /** @description this vault’s noised count */
          readonly count: number;
          /** @description ε this vault charged ("n/d") */
          readonly epsilon: string;
          readonly region: string;
          readonly repeated: boolean;
          /** @constant */
          readonly status: 'released';
        }
      | {
          readonly budget?: {
            /** @description ε left to the asker this period */
            readonly askerRemaining: string;
            /** @description ε this request charged, an exact rational such as "3/8" */
            readonly charged: string;
            /** @description when the period’s budgets reset (ISO 8601) */
            readonly resetsAt: string;
            /** @description ε left to the vault this period */
            readonly vaultRemaining: string;
            /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
            readonly vaultReserved?: string;
          };
          /** @enum {string} */
          readonly code:
            | 'CONFIG_INVALID'
            | 'DATA_DIR_BUSY'
            | 'STORAGE_UNAVAILABLE'
            | 'MIGRATION_FAILED'
            | 'KEY_UNAVAILABLE'
            | 'CUSTOMER_NOT_FOUND'
            | 'CUSTOMER_ERASED'
            | 'INGEST_FORMAT_UNKNOWN'
            | 'INGEST_FILE_INVALID'
            | 'INGEST_NOT_A_STATEMENT'
            | 'MAPPING_INVALID'
            | 'USAGE'
            | 'INPUT_INVALID'
            | 'NOT_FOUND'
            | 'AUDIT_MISMATCH'
            | 'QUESTION_INVALID'
            | 'QUESTION_PURPOSE_UNKNOWN'
            | 'PRIVACY_TOO_FEW'
            | 'PRIVACY_DIFFERENCING'
            | 'PRIVACY_BUDGET_EXHAUSTED'
            | 'POLICY_INVALID'
            | 'POLICY_APPROVAL_REFUSED'
            | 'BUDGET_REQUEST_STATE'
            | 'BUDGET_GRANT_EXCEEDS_VAULT'
            | 'HUB_FORBIDDEN'
            | 'HUB_INVALID'
            | 'CONSENT_REQUIRED'
            | 'LEAD_REFUSED'
            | 'IDENTITY_WITHHELD'
            | 'RECEIPT_INVALID'
            | 'HUB_CAMPAIGN_STATE'
            | 'SUBJECT_REQUEST_STATE'
            | 'SUBJECT_REQUEST_OPEN'
            | 'SUBJECT_NOT_VERIFIED'
            | 'ERASURE_INCOMPLETE'
            | 'ERASURE_RECEIPT_INVALID'
            | 'AUTH_REQUIRED'
            | 'AUTH_FORBIDDEN'
            | 'CSRF_INVALID'
            | 'RATE_LIMITED'
            | 'DEMO_DISABLED'
            | 'VAULT_IS_DEMO'
            | 'VAULT_IS_REAL'
            | 'STAFF_LAST_HOLDER'
            | 'DELIVERY_AUDIENCE_TOO_SMALL'
            | 'DELIVERY_INVALID'
            | 'VAULT_UNAVAILABLE'
            | 'VAULT_TIMEOUT'
            | 'DOOR_CONTRACT'
            | 'MODEL_STATE'
            | 'MODEL_APPROVAL_REFUSED'
            | 'MODEL_FEATURES_MISMATCH'
            | 'EDGE_SEGMENT_SENSITIVE'
            | 'EDGE_TOKENS_ISSUED'
            | 'EDGE_OFFER_NOT_MATCHED'
            | 'EDGE_OFFER_WITHHELD'
            | 'EDGE_REPORT_REFUSED'
            | 'VAULT_KEY_MISMATCH'
            | 'SHARD_GROUP_UNSUPPORTED'
            | 'VAULT_REGION_UNKNOWN'
            | 'FEDERATED_ROUND_ABORTED'
            | 'FEDERATED_ROUND_STATE'
            | 'INTERNAL';
          readonly message: string;
          readonly region: string;
          /**
           * @description suppressed: under the vault’s noised k; refused: its guard said no; unreachable: no answer
           * @enum {string}
           */
          readonly status: 'suppressed' | 'refused' | 'unreachable';
        };
    readonly RegionalPartInput:
      | {
          /** @description the asker’s and this vault’s budget, in this vault */
          readonly budget: {
            /** @description ε left to the asker this period */
            readonly askerRemaining: string;
            /** @description ε this request charged, an exact rational such as "3/8" */
            readonly charged: string;
            /** @description when the period’s budgets reset (ISO 8601) */
            readonly resetsAt: string;
            /** @description ε left to the vault this period */
            readonly vaultRemaining: string;
            /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
            readonly vaultReserved?: string;
          };
          /** @description this vault’s noised count */
          readonly count: number;
          /** @description ε this vault charged ("n/d") */
          readonly epsilon: string;
          readonly region: string;
          readonly repeated: boolean;
          /** @constant */
          readonly status: 'released';
        }
      | {
          readonly budget?: {
            /** @description ε left to the asker this period */
            readonly askerRemaining: string;
            /** @description ε this request charged, an exact rational such as "3/8" */
            readonly charged: string;
            /** @description when the period’s budgets reset (ISO 8601) */
            readonly resetsAt: string;
            /** @description ε left to the vault this period */
            readonly vaultRemaining: string;
            /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
            readonly vaultReserved?: string;
          };
          /** @enum {string} */
          readonly code:
            | 'CONFIG_INVALID'
            | 'DATA_DIR_BUSY'
            | 'STORAGE_UNAVAILABLE'
            | 'MIGRATION_FAILED'
            | 'KEY_UNAVAILABLE'
            | 'CUSTOMER_NOT_FOUND'
            | 'CUSTOMER_ERASED'
            | 'INGEST_FORMAT_UNKNOWN'
            | 'INGEST_FILE_INVALID'
            | 'INGEST_NOT_A_STATEMENT'
            | 'MAPPING_INVALID'
            | 'USAGE'
            | 'INPUT_INVALID'
            | 'NOT_FOUND'
            | 'AUDIT_MISMATCH'
            | 'QUESTION_INVALID'
            | 'QUESTION_PURPOSE_UNKNOWN'
            | 'PRIVACY_TOO_FEW'
            | 'PRIVACY_DIFFERENCING'
            | 'PRIVACY_BUDGET_EXHAUSTED'
            | 'POLICY_INVALID'
            | 'POLICY_APPROVAL_REFUSED'
            | 'BUDGET_REQUEST_STATE'
            | 'BUDGET_GRANT_EXCEEDS_VAULT'
            | 'HUB_FORBIDDEN'
            | 'HUB_INVALID'
            | 'CONSENT_REQUIRED'
            | 'LEAD_REFUSED'
            | 'IDENTITY_WITHHELD'
            | 'RECEIPT_INVALID'
            | 'HUB_CAMPAIGN_STATE'
            | 'SUBJECT_REQUEST_STATE'
            | 'SUBJECT_REQUEST_OPEN'
            | 'SUBJECT_NOT_VERIFIED'
            | 'ERASURE_INCOMPLETE'
            | 'ERASURE_RECEIPT_INVALID'
            | 'AUTH_REQUIRED'
            | 'AUTH_FORBIDDEN'
            | 'CSRF_INVALID'
            | 'RATE_LIMITED'
            | 'DEMO_DISABLED'
            | 'VAULT_IS_DEMO'
            | 'VAULT_IS_REAL'
            | 'STAFF_LAST_HOLDER'
            | 'DELIVERY_AUDIENCE_TOO_SMALL'
            | 'DELIVERY_INVALID'
            | 'VAULT_UNAVAILABLE'
            | 'VAULT_TIMEOUT'
            | 'DOOR_CONTRACT'
            | 'MODEL_STATE'
            | 'MODEL_APPROVAL_REFUSED'
            | 'MODEL_FEATURES_MISMATCH'
            | 'EDGE_SEGMENT_SENSITIVE'
            | 'EDGE_TOKENS_ISSUED'
            | 'EDGE_OFFER_NOT_MATCHED'
            | 'EDGE_OFFER_WITHHELD'
            | 'EDGE_REPORT_REFUSED'
            | 'VAULT_KEY_MISMATCH'
            | 'SHARD_GROUP_UNSUPPORTED'
            | 'VAULT_REGION_UNKNOWN'
            | 'FEDERATED_ROUND_ABORTED'
            | 'FEDERATED_ROUND_STATE'
            | 'INTERNAL';
          readonly message: string;
          readonly region: string;
          /**
           * @description suppressed: under the vault’s noised k; refused: its guard said no; unreachable: no answer
           * @enum {string}
           */
          readonly status: 'suppressed' | 'refused' | 'unreachable';
        };
    readonly RegionalQuestion: {
      /** @description docs/segment-language.md */
      readonly expression: string;
      /** @description bank_offers, credit_offers, partner_offers, … */
      readonly purpose: string;
      /** @description the regions asked, or "all" the registered ones */
      readonly regions: 'all' | readonly string[];
    };
    readonly RegionalQuestionInput: {
      /** @description docs/segment-language.md */
      readonly expression: string;
      /** @description bank_offers, credit_offers, partner_offers, … */
      readonly purpose: string;
      /** @description the regions asked, or "all" the registered ones */
      readonly regions: 'all' | readonly string[];
    };
    readonly RegionalResultPart:
      | {
          readonly budget?: {
            /** @description ε left to the asker this period */
            readonly askerRemaining: string;
            /** @description ε this request charged, an exact rational such as "3/8" */
            readonly charged: string;
            /** @description when the period’s budgets reset (ISO 8601) */
            readonly resetsAt: string;
            /** @description ε left to the vault this period */
            readonly vaultRemaining: string;
            /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
            readonly vaultReserved?: string;
          };
          readonly campaignId: string;
          /** @description noised; null under the noised k */
          readonly delivered: number | null;
          /** @description ε this release cost ("n/d"); "0" when it repeats the day’s release */
          readonly epsilon: string;
          /** @description noised; null under the noised k */
          readonly interested: number | null;
          /** @description its leads by the status their advisor last gave them */
          readonly leadOutcomes: components['schemas']['LeadOutcomes'];
          /** @description noised; null under the noised k */
          readonly opened: number | null;
          readonly region: string;
          /** @description the day the numbers were released */
          readonly releasedOn: string;
          /** @constant */
          readonly status: 'released';
        }
      | {
          readonly code: string;
          readonly message: string;
          readonly region: string;
          /**
           * @description undelivered: the region’s part was not delivered (suppressed, refused or not reached; `code` says which); refused: its guard refused the release; unreachable: no answer
           * @enum {string}
           */
          readonly status: 'undelivered' | 'refused' | 'unreachable';
        };
    readonly RegionalResultPartInput:
      | {
          readonly budget?: {
            /** @description ε left to the asker this period */
            readonly askerRemaining: string;
            /** @description ε this request charged, an exact rational such as "3/8" */
            readonly charged: string;
            /** @description when the period’s budgets reset (ISO 8601) */
            readonly resetsAt: string;
            /** @description ε left to the vault this period */
            readonly vaultRemaining: string;
            /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
            readonly vaultReserved?: string;
          };
          readonly campaignId: string;
          /** @description noised; null under the noised k */
          readonly delivered: number | null;
          /** @description ε this release cost ("n/d"); "0" when it repeats the day’s release */
          readonly epsilon: string;
          /** @description noised; null under the noised k */
          readonly interested: number | null;
          /** @description its leads by the status their advisor last gave them */
          readonly leadOutcomes: components['schemas']['LeadOutcomesInput'];
          /** @description noised; null under the noised k */
          readonly opened: number | null;
          readonly region: string;
          /** @description the day the numbers were released */
          readonly releasedOn: string;
          /** @constant */
          readonly status: 'released';
        }
      | {
          readonly code: string;
          readonly message: string;
          readonly region: string;
          /**
           * @description undelivered: the region’s part was not delivered (suppressed, refused or not reached; `code` says which); refused: its guard refused the release; unreachable: no answer
           * @enum {string}
           */
          readonly status: 'undelivered' | 'refused' | 'unreachable';
        };
    readonly RegisteredVault: {
      /** Format: date-time */
      readonly addedAt: string;
      readonly addedBy: string;
      readonly publicKey: string;
      readonly reach: components['schemas']['VaultReach'];
      readonly region: string;
      readonly url: string;
    };
    readonly RegisteredVaultInput: {
      /** Format: date-time */
      readonly addedAt: string;
      readonly addedBy: string;
      readonly publicKey: string;
      readonly reach: components['schemas']['VaultReachInput'];
      readonly region: string;
      readonly url: string;
    };
    readonly RegularPayment: {
      /** @description minor units of the currency beside it */
      readonly amountMinor: number;
      /** @enum {string} */
      readonly cadence: 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly' | 'quarterly' | 'annual';
      readonly category: string;
      /** @description ISO 4217 code of the amounts beside it */
      readonly currency: string;
      readonly dayOfMonth: number;
      /** @enum {string} */
      readonly direction: 'debit' | 'credit';
      /** Format: date */
      readonly firstDate: string;
      /** Format: date */
      readonly lastDate: string;
      /** @description absent for payments without a merchant: then the category says what */
      readonly merchant?: string;
      /**
       * Format: date
       * @description absent once the payments stopped
       */
      readonly nextDate?: string;
      readonly payments: number;
      readonly priceChanges: readonly {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly fromMinor: number;
        /** @description minor units of the currency beside it */
        readonly toMinor: number;
      }[];
      /** @enum {string} */
      readonly status: 'active' | 'stopped';
    };
    readonly RegularPaymentInput: {
      /** @description minor units of the currency beside it */
      readonly amountMinor: number;
      /** @enum {string} */
      readonly cadence: 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly' | 'quarterly' | 'annual';
      readonly category: string;
      /** @description ISO 4217 code of the amounts beside it */
      readonly currency: string;
      readonly dayOfMonth: number;
      /** @enum {string} */
      readonly direction: 'debit' | 'credit';
      /** Format: date */
      readonly firstDate: string;
      /** Format: date */
      readonly lastDate: string;
      /** @description absent for payments without a merchant: then the category says what */
      readonly merchant?: string;
      /**
       * Format: date
       * @description absent once the payments stopped
       */
      readonly nextDate?: string;
      readonly payments: number;
      readonly priceChanges: readonly {
        /** @description ISO 4217 code of the amounts beside it */
        readonly currency: string;
        /** Format: date */
        readonly date: string;
        /** @description minor units of the currency beside it */
        readonly fromMinor: number;
        /** @description minor units of the currency beside it */
        readonly toMinor: number;
      }[];
      /** @enum {string} */
      readonly status: 'active' | 'stopped';
    };
    readonly ReleasedAudience: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      readonly k: number;
      /** @description the campaign’s earlier release again, charged nothing */
      readonly repeated: boolean;
      /** @description sorted by token */
      readonly tokens: readonly components['schemas']['ReleasedToken'][];
    };
    readonly ReleasedAudienceInput: {
      readonly budget?: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      readonly campaignId: string;
      readonly k: number;
      /** @description the campaign’s earlier release again, charged nothing */
      readonly repeated: boolean;
      /** @description sorted by token */
      readonly tokens: readonly components['schemas']['ReleasedTokenInput'][];
    };
    readonly ReleasedToken: {
      /** @description coarse interest categories, possibly generalised or empty */
      readonly interests: readonly string[];
      /** @description the campaign’s pseudonym for someone in the audience, or a decoy */
      readonly token: string;
    };
    readonly ReleasedTokenInput: {
      /** @description coarse interest categories, possibly generalised or empty */
      readonly interests: readonly string[];
      /** @description the campaign’s pseudonym for someone in the audience, or a decoy */
      readonly token: string;
    };
    readonly RequestCompleted: {
      /** @description access: the export, personal data for the customer only */
      readonly export?: components['schemas']['AccessExport'];
      /** @description erasure: where the transparency log holds it */
      readonly logIndex?: number;
      /** @description access: the export as an HTML page */
      readonly page?: string;
      /** @description erasure: the signed receipt (compact JWS) */
      readonly receipt?: string;
      /** @description erasure: the receipt’s SHA-256 as logged */
      readonly receiptHash?: string;
      readonly request: components['schemas']['SubjectRequest'];
      /** @description erasure: what the receipt states */
      readonly statement?: components['schemas']['ErasureStatement'];
    };
    readonly RequestCompletedInput: {
      /** @description access: the export, personal data for the customer only */
      readonly export?: components['schemas']['AccessExportInput'];
      /** @description erasure: where the transparency log holds it */
      readonly logIndex?: number;
      /** @description access: the export as an HTML page */
      readonly page?: string;
      /** @description erasure: the signed receipt (compact JWS) */
      readonly receipt?: string;
      /** @description erasure: the receipt’s SHA-256 as logged */
      readonly receiptHash?: string;
      readonly request: components['schemas']['SubjectRequestInput'];
      /** @description erasure: what the receipt states */
      readonly statement?: components['schemas']['ErasureStatementInput'];
    };
    readonly RequestCompletion: {
      /** @description erasure: the external id, also looked for in plaintext */
      readonly externalId?: string;
      /** @description rectification: the corrected fields */
      readonly set?: {
        readonly address?: components['schemas']['PostalAddressChange'];
        readonly dateOfBirth?: string;
        readonly email?: string;
        readonly familyName?: string;
        readonly givenName?: string;
        readonly iban?: string;
        readonly nationalId?: string;
        readonly phone?: string;
      };
    };
    readonly RequestCompletionInput: {
      /** @description erasure: the external id, also looked for in plaintext */
      readonly externalId?: string;
      /** @description rectification: the corrected fields */
      readonly set?: {
        readonly address?: components['schemas']['PostalAddressChangeInput'];
        readonly dateOfBirth?: string;
        readonly email?: string;
        readonly familyName?: string;
        readonly givenName?: string;
        readonly iban?: string;
        readonly nationalId?: string;
        readonly phone?: string;
      };
    };
    readonly RequesterClaim: {
      readonly dateOfBirth?: string;
      readonly email?: string;
      readonly externalId: string;
    };
    readonly RequesterClaimInput: {
      readonly dateOfBirth?: string;
      readonly email?: string;
      readonly externalId: string;
    };
    readonly RequestRejection: {
      /** @description the officer’s own words; kept with the request, never written to the transparency log */
      readonly note?: string;
      /**
       * @description the lawful reason (src/core/request-rejections.ts), e.g. manifestly-unfounded
       * @enum {string}
       */
      readonly reason:
        | 'manifestly-unfounded'
        | 'manifestly-excessive'
        | 'identity-not-verified'
        | 'legal-obligation'
        | 'legal-claims'
        | 'public-interest-archiving'
        | 'restriction-conditions-not-met'
        | 'compelling-legitimate-grounds'
        | 'ccpa-deletion-exception';
    };
    readonly RequestRejectionInput: {
      /** @description the officer’s own words; kept with the request, never written to the transparency log */
      readonly note?: string;
      /**
       * @description the lawful reason (src/core/request-rejections.ts), e.g. manifestly-unfounded
       * @enum {string}
       */
      readonly reason:
        | 'manifestly-unfounded'
        | 'manifestly-excessive'
        | 'identity-not-verified'
        | 'legal-obligation'
        | 'legal-claims'
        | 'public-interest-archiving'
        | 'restriction-conditions-not-met'
        | 'compelling-legitimate-grounds'
        | 'ccpa-deletion-exception';
    };
    readonly RetentionChange: {
      /** @description for a shorter AML period: former customers past it, erased by the next retention run */
      readonly customersToErase?: number;
      /** @description for a shorter period: stored transactions booked before its window */
      readonly rowsToRemove?: number;
      readonly version: components['schemas']['TransactionRetentionVersion'];
    };
    readonly RetentionChangeInput: {
      /** @description for a shorter AML period: former customers past it, erased by the next retention run */
      readonly customersToErase?: number;
      /** @description for a shorter period: stored transactions booked before its window */
      readonly rowsToRemove?: number;
      readonly version: components['schemas']['TransactionRetentionVersionInput'];
    };
    readonly RetentionPeriod: {
      readonly days: number | null;
    };
    readonly RetentionPeriodInput: {
      readonly days: number | null;
    };
    readonly RetentionPolicies: {
      readonly policies: readonly components['schemas']['RetentionPolicy'][];
    };
    readonly RetentionPoliciesInput: {
      readonly policies: readonly components['schemas']['RetentionPolicyInput'][];
    };
    readonly RetentionPolicy: {
      readonly days: number;
      readonly description: string;
      readonly kind: string;
      /** @enum {string} */
      readonly source: 'default' | 'configured' | 'versioned';
    };
    readonly RetentionPolicyInput: {
      readonly days: number;
      readonly description: string;
      readonly kind: string;
      /** @enum {string} */
      readonly source: 'default' | 'configured' | 'versioned';
    };
    readonly RetentionReport: {
      readonly asOf: string;
      readonly policies: readonly components['schemas']['RetentionPolicy'][];
      readonly removed: {
        readonly [key: string]: number;
      };
      readonly runId: number;
    };
    readonly RetentionReportInput: {
      readonly asOf: string;
      readonly policies: readonly components['schemas']['RetentionPolicyInput'][];
      readonly removed: {
        readonly [key: string]: number;
      };
      readonly runId: number;
    };
    readonly RetentionRun: {
      readonly asOf: string;
      readonly id: number;
      readonly removed: {
        readonly [key: string]: number;
      };
      /**
       * Format: date-time
       * @description ISO 8601 date and time
       */
      readonly startedAt: string;
    };
    readonly RetentionRunInput: {
      readonly asOf: string;
      readonly id: number;
      readonly removed: {
        readonly [key: string]: number;
      };
      /** @description ISO 8601 date and time */
      readonly startedAt: unknown;
    };
    readonly RetentionRuns: {
      readonly runs: readonly components['schemas']['RetentionRun'][];
    };
    readonly RetentionRunsInput: {
      readonly runs: readonly components['schemas']['RetentionRunInput'][];
    };
    readonly RevealedLead: {
      readonly campaignId: string;
      readonly claimedBy: string;
      readonly identity: {
        readonly email?: string;
        readonly familyName?: string;
        readonly givenName?: string;
        readonly phone?: string;
      };
      readonly leadId: string;
      readonly offer: {
        readonly offerId: string;
        readonly title: string;
      };
      /** @description the customer’s signed consent to this reveal */
      readonly receipt: string;
    };
    readonly RevealedLeadInput: {
      readonly campaignId: string;
      readonly claimedBy: string;
      readonly identity: {
        readonly email?: string;
        readonly familyName?: string;
        readonly givenName?: string;
        readonly phone?: string;
      };
      readonly leadId: string;
      readonly offer: {
        readonly offerId: string;
        readonly title: string;
      };
      /** @description the customer’s signed consent to this reveal */
      readonly receipt: string;
    };
    readonly SealedShares: {
      readonly from: string;
      /** @description iv ‖ AES-256-GCM ciphertext ‖ tag */
      readonly sealed: string;
      readonly to: string;
    };
    readonly SealedSharesInput: {
      readonly from: string;
      /** @description iv ‖ AES-256-GCM ciphertext ‖ tag */
      readonly sealed: string;
      readonly to: string;
    };
    readonly Segment: {
      readonly createdBy: string;
      /** @description the segment in plain words (when it is saved) */
      readonly explanation?: string;
      readonly expression: string;
      readonly id: string;
      readonly name: string;
      readonly purpose: string;
    };
    readonly SegmentCheck: {
      /** @description the segment in plain words, as a customer reads it */
      readonly explanation: string;
    };
    readonly SegmentCheckInput: {
      /** @description the segment in plain words, as a customer reads it */
      readonly explanation: string;
    };
    readonly SegmentCount: {
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @description noised, never exact */
      readonly count: number;
      /** @description ε charged, a rational such as "1/4" */
      readonly epsilon: string;
      readonly repeated: boolean;
    };
    readonly SegmentCountInput: {
      readonly budget: {
        /** @description ε left to the asker this period */
        readonly askerRemaining: string;
        /** @description ε this request charged, an exact rational such as "3/8" */
        readonly charged: string;
        /** @description when the period’s budgets reset (ISO 8601) */
        readonly resetsAt: string;
        /** @description ε left to the vault this period */
        readonly vaultRemaining: string;
        /** @description ε approved campaigns hold back from the vault’s budget for their admission and results */
        readonly vaultReserved?: string;
      };
      /** @description noised, never exact */
      readonly count: number;
      /** @description ε charged, a rational such as "1/4" */
      readonly epsilon: string;
      readonly repeated: boolean;
    };
    readonly SegmentInput: {
      readonly createdBy: string;
      /** @description the segment in plain words (when it is saved) */
      readonly explanation?: string;
      readonly expression: string;
      readonly id: string;
      readonly name: string;
      readonly purpose: string;
    };
    readonly SegmentQuestion: {
      /** @description a segment expression (docs/segment-language.md) */
      readonly expression: string;
      readonly purpose: string;
    };
    readonly SegmentQuestionInput: {
      /** @description a segment expression (docs/segment-language.md) */
      readonly expression: string;
      readonly purpose: string;
    };
    readonly SessionOpened: {
      /** @description send it as x-csrf-token on POST, PUT, PATCH and DELETE */
      readonly csrfToken: string;
      /** Format: date-time */
      readonly expiresAt: string;
      /** @description a staff member’s handle; a customer is not named */
      readonly handle?: string;
      /** @enum {string} */
      readonly kind: 'staff' | 'customer';
      readonly roles: readonly string[];
    };
    readonly SessionOpenedInput: {
      /** @description send it as x-csrf-token on POST, PUT, PATCH and DELETE */
      readonly csrfToken: string;
      readonly expiresAt: unknown;
      /** @description a staff member’s handle; a customer is not named */
      readonly handle?: string;
      /** @enum {string} */
      readonly kind: 'staff' | 'customer';
      readonly roles: readonly string[];
    };
    readonly SignedAuditHead: {
      /** @description the checkpoint as a signed note */
      readonly checkpoint: string;
      readonly keyId: string;
      /** @description the keys that verify checkpoints */
      readonly publicKeys: readonly string[];
      /** @description standard base64 */
      readonly rootHash: string;
      readonly size: number;
    };
    readonly SignedAuditHeadInput: {
      /** @description the checkpoint as a signed note */
      readonly checkpoint: string;
      readonly keyId: string;
      /** @description the keys that verify checkpoints */
      readonly publicKeys: readonly string[];
      /** @description standard base64 */
      readonly rootHash: string;
      readonly size: number;
    };
    readonly SignedConsentReceipt: {
      /** @description a Kantara consent receipt, signed (compact JWS) */
      readonly receipt: string;
    };
    readonly SignedConsentReceiptInput: {
      /** @description a Kantara consent receipt, signed (compact JWS) */
      readonly receipt: string;
    };
    readonly SourceSpan: {
      readonly column: number;
      readonly end: number;
      readonly line: number;
      readonly start: number;
    };
    readonly SourceSpanInput: {
      readonly column: number;
      readonly end: number;
      readonly line: number;
      readonly start: number;
    };
    readonly StaffMember: {
      readonly handle: string;
      readonly roles: readonly (
        'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
      )[];
    };
    readonly StaffMemberInput: {
      readonly handle: string;
      readonly roles: readonly (
        'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
      )[];
    };
    readonly StaffRoleRemoval: {
      readonly roles: readonly (
        'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
      )[];
    };
    readonly StaffRoleRemovalInput: {
      readonly roles: readonly (
        'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator'
      )[];
    };
    readonly SubjectRequest: {
      readonly closedAt: string | null;
      /**
       * Format: date-time
       * @description the legal deadline
       */
      readonly dueAt: string;
      readonly id: string;
      /** @enum {string} */
      readonly kind: 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';
      readonly outcome: {
        readonly [key: string]: unknown;
      } | null;
      /** @description erasure: the id that fetches the signed receipt later, without signing in */
      readonly receiptId: string | null;
      /** Format: date-time */
      readonly receivedAt: string;
      /** @enum {string} */
      readonly regime: 'gdpr' | 'ccpa';
      /** @description the reason code of a rejection */
      readonly rejection: string | null;
      /** @description the officer’s own words about a rejection */
      readonly rejectionNote: string | null;
      /** @enum {string} */
      readonly status: 'received' | 'verified' | 'completed' | 'rejected';
      readonly verifiedAt: string | null;
    };
    readonly SubjectRequestInput: {
      readonly closedAt: unknown | null;
      /** @description the legal deadline */
      readonly dueAt: unknown;
      readonly id: string;
      /** @enum {string} */
      readonly kind: 'access' | 'rectification' | 'restriction' | 'objection' | 'erasure';
      readonly outcome: {
        readonly [key: string]: unknown;
      } | null;
      /** @description erasure: the id that fetches the signed receipt later, without signing in */
      readonly receiptId: string | null;
      readonly receivedAt: unknown;
      /** @enum {string} */
      readonly regime: 'gdpr' | 'ccpa';
      /** @description the reason code of a rejection */
      readonly rejection: string | null;
      /** @description the officer’s own words about a rejection */
      readonly rejectionNote: string | null;
      /** @enum {string} */
      readonly status: 'received' | 'verified' | 'completed' | 'rejected';
      readonly verifiedAt: unknown | null;
    };
    readonly TransactionRetention: {
      readonly active: components['schemas']['TransactionRetentionVersion'];
      readonly versions: readonly components['schemas']['TransactionRetentionVersion'][];
    };
    readonly TransactionRetentionInput: {
      readonly active: components['schemas']['TransactionRetentionVersionInput'];
      readonly versions: readonly components['schemas']['TransactionRetentionVersionInput'][];
    };
    readonly TransactionRetentionProposal: {
      readonly days: number;
      readonly reason: string;
    };
    readonly TransactionRetentionProposalInput: {
      readonly days: number;
      readonly reason: string;
    };
    readonly TransactionRetentionVersion: {
      /** @description years a former customer is kept after the relationship ended */
      readonly amlYears: number;
      readonly days: number;
      readonly decidedBy: string | null;
      readonly proposedBy: string;
      readonly reason: string;
      /** @enum {string} */
      readonly status: 'proposed' | 'active' | 'superseded' | 'rejected';
      /**
       * @description which of the two periods this version changes
       * @enum {string}
       */
      readonly subject: 'transactions' | 'aml';
      readonly version: number;
    };
    readonly TransactionRetentionVersionInput: {
      /** @description years a former customer is kept after the relationship ended */
      readonly amlYears: number;
      readonly days: number;
      readonly decidedBy: string | null;
      readonly proposedBy: string;
      readonly reason: string;
      /** @enum {string} */
      readonly status: 'proposed' | 'active' | 'superseded' | 'rejected';
      /**
       * @description which of the two periods this version changes
       * @enum {string}
       */
      readonly subject: 'transactions' | 'aml';
      readonly version: number;
    };
    readonly Unmasking: {
      /** @description shares of dropped vaults’ mask keys */
      readonly maskKeyShares: readonly {
        readonly of: string;
        readonly share: string;
      }[];
      readonly participant: string;
      /** @description shares of survivors’ self-mask seeds */
      readonly selfMaskShares: readonly {
        readonly of: string;
        readonly share: string;
      }[];
    };
    readonly UnmaskingInput: {
      /** @description shares of dropped vaults’ mask keys */
      readonly maskKeyShares: readonly {
        readonly of: string;
        readonly share: string;
      }[];
      readonly participant: string;
      /** @description shares of survivors’ self-mask seeds */
      readonly selfMaskShares: readonly {
        readonly of: string;
        readonly share: string;
      }[];
    };
    readonly VaultIdentity: {
      /** @description the log’s verifier key, <name>+<key hash>+<key> */
      readonly publicKey: string;
      /** @description Ed25519 over the identity statement with the nonce, base64 */
      readonly signature: string;
    };
    readonly VaultIdentityInput: {
      /** @description the log’s verifier key, <name>+<key hash>+<key> */
      readonly publicKey: string;
      /** @description Ed25519 over the identity statement with the nonce, base64 */
      readonly signature: string;
    };
    readonly VaultKind: {
      /** @enum {string} */
      readonly kind: 'demo' | 'real' | 'undecided';
    };
    readonly VaultKindInput: {
      /** @enum {string} */
      readonly kind: 'demo' | 'real' | 'undecided';
    };
    readonly VaultProbe: {
      /**
       * Format: date-time
       * @description when the hub asked every vault to prove its key
       */
      readonly checkedAt: string;
      /** @description every registered vault, with what the probe found */
      readonly vaults: readonly components['schemas']['RegisteredVault'][];
    };
    readonly VaultProbeInput: {
      /**
       * Format: date-time
       * @description when the hub asked every vault to prove its key
       */
      readonly checkedAt: string;
      /** @description every registered vault, with what the probe found */
      readonly vaults: readonly components['schemas']['RegisteredVaultInput'][];
    };
    readonly VaultReach: {
      /** @description the error code of the latest failed call, while unreachable */
      readonly failure: string | null;
      /** @description when the hub last reached the vault: a door call answered, or a probe; null: never */
      readonly lastSeenAt: string | null;
      /**
       * @description whether the hub’s latest door call or probe reached the vault (and it proved its key)
       * @enum {string}
       */
      readonly status: 'reachable' | 'unreachable';
      /** @description the first failed call since the vault was last reached; null while it is reachable */
      readonly unreachableSince: string | null;
    };
    readonly VaultReachInput: {
      /** @description the error code of the latest failed call, while unreachable */
      readonly failure: string | null;
      /** @description when the hub last reached the vault: a door call answered, or a probe; null: never */
      readonly lastSeenAt: string | null;
      /**
       * @description whether the hub’s latest door call or probe reached the vault (and it proved its key)
       * @enum {string}
       */
      readonly status: 'reachable' | 'unreachable';
      /** @description the first failed call since the vault was last reached; null while it is reachable */
      readonly unreachableSince: string | null;
    };
    readonly VaultRegistration: {
      /** @description the vault log’s verifier key: pinned, and proved by the vault at registration and every use */
      readonly publicKey: string;
      readonly region: string;
      /**
       * Format: uri
       * @description the vault’s base URL, where its door is
       */
      readonly url: string;
    };
    readonly VaultRegistrationInput: {
      /** @description the vault log’s verifier key: pinned, and proved by the vault at registration and every use */
      readonly publicKey: string;
      readonly region: string;
      /**
       * Format: uri
       * @description the vault’s base URL, where its door is
       */
      readonly url: string;
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
