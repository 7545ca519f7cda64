// Shapes of the API's answers that the console reads (the OpenAPI document at /openapi.json is the reference).

export type Role = 'marketer' | 'approver' | 'partner' | 'advisor' | 'compliance' | 'operator' | 'customer';

export interface Me {
  readonly kind: 'staff' | 'customer';
  readonly handle?: string;
  readonly roles: readonly Role[];
}

export interface SessionOpened extends Me {
  readonly csrfToken: string;
}

export interface DemoInfo {
  readonly demo: boolean;
  readonly notice?: string;
  readonly staff?: readonly string[];
  readonly customers?: readonly string[];
}

export interface Offer {
  readonly id: string;
  readonly productCode: string;
  readonly provider: string;
  readonly credit: boolean;
  readonly title: string;
  readonly body: string;
  readonly callToAction: string;
  readonly category: string;
  readonly purpose: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly interests: readonly string[];
}

export interface Product {
  readonly code: string;
  readonly name: string;
  readonly provider: string;
  readonly credit: boolean;
}

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly audience: string;
  readonly offerId: string;
  readonly channels: readonly string[];
  readonly startsAt: string;
  readonly status: string;
  readonly refusal: string | null;
  readonly createdBy: string;
  readonly approvedBy: string | null;
}

export interface CampaignResults {
  readonly delivered: number | null;
  readonly opened: number | null;
  readonly interested: number | null;
  readonly epsilon: string;
  readonly releasedOn: string;
}

export interface CampaignDetail {
  readonly campaign: Campaign;
  readonly offer: Offer;
  readonly alsoOffers: readonly Offer[];
  readonly events: readonly { event: string; actor: string; at: string; detail: string | null }[];
  readonly results: readonly CampaignResults[];
}

export interface InboxMessage {
  readonly id: string;
  readonly greeting: string;
  readonly title: string;
  readonly body: string;
  readonly callToAction: string;
  readonly partner: string | null;
  readonly validUntil: string;
  readonly expired: boolean;
  readonly deliveredAt: string;
  readonly openedAt: string | null;
  readonly response: string | null;
  readonly why: string;
}

export interface ConsentRequest {
  readonly recipient: { readonly code: string; readonly name: string };
  readonly reveals: readonly string[];
  readonly notice: { readonly id: string; readonly text: string };
}

export interface Lead {
  readonly id: string;
  readonly offerTitle: string;
  readonly recipient: string;
  readonly state: 'open' | 'claimed' | 'withdrawn';
  readonly createdAt: string;
  readonly claimedBy: string | null;
}

export interface Preferences {
  readonly preferences: {
    readonly channels: readonly string[] | null;
    readonly frequencyCap: string | null;
    readonly quietHours: { start: string; end: string; timeZone: string } | null;
    readonly stopEverything: boolean;
  };
  readonly consent: readonly {
    readonly purpose: string;
    readonly title: string;
    readonly lawfulBasis: string;
    readonly notice: { readonly id: string; readonly text?: string };
    readonly grantedChannels: readonly string[];
  }[];
}
