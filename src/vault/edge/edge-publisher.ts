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
import type { Categoriser } from '../../core/categorize.ts';
import {
  definitionType,
  type EdgeDefinition,
  type FrozenModel,
  type PublishedKey,
} from '../../edge/definitions.ts';
import { featuresFor } from '../../models/feature-list.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';
import type { SqlExecutor } from '../../storage/ports.ts';
import type { Answer, QuestionService, Refusal } from '../questions/question-service.ts';
import type { EdgeKeys } from './edge-keys.ts';
import { insertEdgeCampaign, publishedCampaigns } from './edge-store.ts';
import { planModels, refusedParts, sensitiveGroups, type RefusedParts } from './segment-parts.ts';

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
  /** The model registry's versions, for the frozen models a segment's `propensity(…)` reads. */
  readonly models: FrozenModelSource;
}

/** A model version as the registry stores it, by id (undefined when there is none). */
export interface FrozenModelSource {
  get(id: string): Promise<(FrozenModel & { readonly state: string }) | undefined>;
}

export interface PublisherOptions {
  readonly currency: string;
  readonly retentionDays: () => Promise<number>;
  readonly now: () => Date;
  /** The vault's categoriser (the shipped rules and the bank's own), for merchant names; the shipped one by default. */
  readonly categoriser?: Categoriser;
}

function newCampaignId(): string {
  return `edge-${Array.from(randomBytes(22), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

function refusalMessage(refused: RefusedParts): string {
  const parts = [
    ...(refused.sensitive.length === 0
      ? []
      : [`${refused.sensitive.join(', ')}, of a sensitive group (${sensitiveGroups.join(', ')})`]),
    ...(refused.unknown.length === 0
      ? []
      : [
          `${refused.unknown.join(', ')}, of unknown sensitivity (narrow a merchant by a listed MCC of a ` +
            'non-sensitive kind, e.g. mcc: 5411, or add a name rule for it)',
        ]),
  ];
  return `the segment names ${parts.join('; and ')}; edge definitions are shown to every customer`;
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
    const refused = refusedParts(checked.value.plan, this.#options.categoriser);
    if (refused.sensitive.length > 0 || refused.unknown.length > 0) {
      return err({ code: 'EDGE_SEGMENT_SENSITIVE', message: refusalMessage(refused) });
    }
    const models = await this.#frozenModels(planModels(checked.value.plan));
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
      ...(models.length === 0 ? {} : { models }),
      validFrom: request.validFrom,
      validUntil: request.validUntil,
    };
    const jws = await this.#sign(definition);
    await insertEdgeCampaign(this.#sources.storage, {
      id: definition.id,
      definition,
      jws,
      publishedBy: request.asker,
      publishedAt: this.#options.now(),
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

  /**
   * The approved model versions the segment reads, frozen into the definition. The checker bound each
   * `propensity(…)` to its product's approved version; one retired since, or one whose weights do not fit its
   * feature list (so the device could not compute it), is refused.
   */
  async #frozenModels(ids: readonly string[]): Promise<FrozenModel[]> {
    return Promise.all(
      ids.map(async (id) => {
        const model = await this.#sources.models.get(id);
        if (model?.state !== 'approved') {
          throw new CurtainError('MODEL_STATE', `model ${id}: only an approved model version is published`);
        }
        const features = featuresFor(model.product, model.featureListVersion).length;
        if (model.weights.length !== features) {
          throw new CurtainError(
            'MODEL_FEATURES_MISMATCH',
            `model ${id}: ${model.weights.length} weights for the ${features} features of feature list ` +
              `version ${model.featureListVersion}; the device could not compute it`,
          );
        }
        const { product, featureListVersion, weights, bias } = model;
        return { id, product, featureListVersion, weights: [...weights], bias };
      }),
    );
  }

  async #sign(definition: EdgeDefinition): Promise<string> {
    const stored = await this.#sources.keys.definitionsKey();
    const privateKey = await this.#sources.keys.signingKey(stored);
    return new CompactSign(new TextEncoder().encode(JSON.stringify(definition)))
      .setProtectedHeader({ alg: 'EdDSA', kid: stored.id, typ: definitionType })
      .sign(privateKey);
  }
}
