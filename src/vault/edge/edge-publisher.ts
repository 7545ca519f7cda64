// Admits and publishes edge campaign definitions: the central gates first (checker with fair lending, no sensitive
// category, a noised audience of at least k, charged), then signed with the definitions key and logged.
import { randomBytes } from 'node:crypto';
import { CompactSign } from 'jose';
import type { TransparencyLog } from '../../audit/audit-log.ts';
import { CurtainError } from '../../core/errors.ts';
import { keyFingerprint } from '../../core/key-fingerprint.ts';
import { isProductCode, productCatalog } from '../../core/products.ts';
import { offerPurpose } from '../../core/question-purposes.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { categories, type CategoryGroup } from '../../core/taxonomy.ts';
import { definitionType, type EdgeDefinition, type PublishedKey } from '../../edge/definitions.ts';
import type { Plan, ValuePlan } from '../../language/plan.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { Answer, QuestionService, Refusal } from '../questions/question-service.ts';
import type { EdgeKeys } from './edge-keys.ts';
import { insertEdgeCampaign, publishedCampaigns } from './edge-store.ts';

/** Groups whose categories a published segment may not name: health is special-category data; civic hints at
 * religion or politics (the groups src/core/taxonomy.ts never releases with tokens for the same reasons). */
export const sensitiveGroups: readonly CategoryGroup[] = ['health', 'civic'];

export interface PublishRequest {
  readonly expression: string;
  readonly offer: Omit<EdgeDefinition['offer'], 'category'> & { readonly category: string };
  readonly validFrom: string;
  readonly validUntil: string;
  /** The staff member publishing: charged for the admission count. */
  readonly asker: string;
}

export interface Publication {
  readonly definition: EdgeDefinition;
  readonly jws: string;
  /** The noised audience at admission (already ≥ the noised k), as the question answered it. */
  readonly admission: Answer;
}

export type PublishRefusal = Refusal | { readonly code: 'EDGE_SEGMENT_SENSITIVE'; readonly message: string };

export interface PublisherSources {
  readonly storage: SqlExecutor;
  readonly audit: TransparencyLog;
  readonly questions: Pick<QuestionService, 'check' | 'ask'>;
  readonly policies: Pick<PolicyStore, 'active'>;
  readonly keys: EdgeKeys;
}

export interface PublisherOptions {
  readonly currency: string;
  readonly retentionDays: () => Promise<number>;
  readonly now: () => Date;
}

const groupOf = new Map<string, CategoryGroup>(categories.map((c) => [c.code, c.group]));

function valueCategories(value: ValuePlan): readonly string[] {
  return value.kind === 'aggregate' || value.kind === 'recurring' ? (value.filter.categories ?? []) : [];
}

/** Every category a plan's transaction filters name. */
export function planCategories(plan: Plan): string[] {
  switch (plan.kind) {
    case 'and':
    case 'or':
      return plan.items.flatMap(planCategories);
    case 'not':
      return planCategories(plan.item);
    case 'compare':
      return [...valueCategories(plan.left), ...valueCategories(plan.right)];
    default:
      return [];
  }
}

function newCampaignId(): string {
  return `edge-${Array.from(randomBytes(22), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

function checkRequest(request: PublishRequest): void {
  const { offer, validFrom, validUntil } = request;
  if (!isProductCode(offer.productCode)) throw new CurtainError('USAGE', 'offer.productCode: not a product');
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(validFrom) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(validUntil) ||
    validUntil < validFrom
  ) {
    throw new CurtainError('USAGE', 'validFrom, validUntil: two dates (YYYY-MM-DD), the second not earlier');
  }
}

export class EdgePublisher {
  readonly #sources: PublisherSources;
  readonly #options: PublisherOptions;

  constructor(sources: PublisherSources, options: PublisherOptions) {
    this.#sources = sources;
    this.#options = options;
  }

  /** Admits a definition by the central gates and publishes it, signed; a refusal publishes nothing. */
  async publish(request: PublishRequest): Promise<Result<Publication, PublishRefusal>> {
    checkRequest(request);
    const credit = productCatalog.find((p) => p.code === request.offer.productCode)!.credit;
    const purpose = offerPurpose(request.offer.provider, credit);
    const checked = await this.#sources.questions.check(request.expression, purpose);
    if (!checked.ok) return checked;
    const sensitive = planCategories(checked.value.plan).filter((c) =>
      sensitiveGroups.includes(groupOf.get(c)!),
    );
    if (sensitive.length > 0) {
      const message = `the segment names ${[...new Set(sensitive)].join(', ')}, of a sensitive group (${sensitiveGroups.join(', ')}); edge definitions are shown to every customer`;
      return err({ code: 'EDGE_SEGMENT_SENSITIVE', message });
    }
    const admission = await this.#sources.questions.ask({
      expression: request.expression,
      purpose,
      asker: request.asker,
    });
    if (!admission.ok) return admission;
    const { policy } = await this.#sources.policies.active();
    const definition: EdgeDefinition = {
      format: 'curtain-edge-campaign/1',
      id: newCampaignId(),
      expression: request.expression,
      purpose,
      currency: this.#options.currency,
      retentionDays: await this.#options.retentionDays(),
      maxAttributes: policy.maxAttributes,
      offer: { ...request.offer },
      validFrom: request.validFrom,
      validUntil: request.validUntil,
    };
    const jws = await this.#sign(definition);
    await insertEdgeCampaign(this.#sources.storage, {
      id: definition.id,
      definition,
      jws,
      publishedBy: request.asker,
    });
    const fingerprint = await keyFingerprint(new TextEncoder().encode(jws));
    await this.#sources.audit.record([
      {
        type: 'edge.campaign_published',
        details: { campaign: definition.id, purpose, by: request.asker, definition: fingerprint },
      },
    ]);
    return ok({ definition, jws, admission: admission.value });
  }

  /** What every device fetches: the definitions key with its log proof, and the definitions valid today. */
  async definitions(): Promise<{ readonly key: PublishedKey; readonly definitions: string[] }> {
    const stored = await this.#sources.keys.definitionsKey();
    const today = this.#options.now().toISOString().slice(0, 10);
    const published = await publishedCampaigns(this.#sources.storage, today);
    return {
      key: {
        keyId: stored.id,
        publicKey: stored.publicKey.toString('base64url'),
        log: await this.#sources.keys.logProof(stored),
      },
      definitions: published.map((p) => p.jws),
    };
  }

  async #sign(definition: EdgeDefinition): Promise<string> {
    const stored = await this.#sources.keys.definitionsKey();
    const privateKey = await this.#sources.keys.signingKey(stored);
    return new CompactSign(new TextEncoder().encode(JSON.stringify(definition)))
      .setProtectedHeader({ alg: 'EdDSA', kid: stored.id, typ: definitionType })
      .sign(privateKey);
  }
}
