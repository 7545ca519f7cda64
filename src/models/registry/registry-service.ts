// The model registry: frozen versions with their cards, two-person approval, retirement, and stored scores.
import type { TransactionalAuditSink } from '../../core/audit-event.ts';
import { consentChannels } from '../../core/consent.ts';
import { CurtainError } from '../../core/errors.ts';
import type { SqlExecutor, Storage } from '../../storage/ports.ts';
import type { ConsentLedger } from '../../vault/consent/consent-ledger.ts';
import { restrictedCustomers } from '../../vault/compliance/restrictions.ts';
import type { VaultQuestionEngine } from '../../vault/questions/vault-engine.ts';
import { modelFeatureMatrix, modelFeatures, modelScores } from '../features.ts';
import { releaseCard } from './model-card.ts';
import type { PrivacyGuard } from '../../privacy/guard/privacy-guard.ts';
import {
  activeCustomerIds,
  approvedModels,
  listModelVersions,
  markApproved,
  markRetired,
  readModelVersion,
  replaceScores,
  type ModelVersion,
} from '../model-store.ts';

export interface ModelRegistryServices {
  readonly storage: Storage;
  readonly audit: TransactionalAuditSink<SqlExecutor>;
  readonly consent: Pick<ConsentLedger, 'allowed'>;
  readonly questionEngine: VaultQuestionEngine;
  readonly guard: Pick<PrivacyGuard, 'release'>;
}

export interface ModelRegistryOptions {
  /** The clock of approvals, retirements and the day scores are computed for; tests pin it. */
  readonly now?: () => Date;
  /** The vault's currency, in which the features' amounts are read (default GBP). */
  readonly currency?: string;
}

const reasonLimit = 500;

/** A staff member's reason for approving or retiring: required, one line of plain text. */
function checkReason(reason: string): string {
  const text = reason.trim();
  if (text.length === 0 || text.length > reasonLimit) {
    throw new CurtainError('USAGE', `reason: a sentence of 1 to ${reasonLimit} characters`);
  }
  return text;
}

export class ModelRegistry {
  readonly #services: ModelRegistryServices;
  readonly #now: () => Date;
  readonly #currency: string;

  constructor(services: ModelRegistryServices, options: ModelRegistryOptions = {}) {
    this.#services = services;
    this.#now = options.now ?? (() => new Date());
    this.#currency = options.currency ?? 'GBP';
  }

  list(): Promise<ModelVersion[]> {
    return listModelVersions(this.#services.storage);
  }

  async get(id: string): Promise<ModelVersion> {
    const model = await readModelVersion(this.#services.storage, id);
    if (model === undefined) throw new CurtainError('NOT_FOUND', 'no model version with this id');
    return model;
  }

  /** The approved version per product, for the segment language's `propensity(…)`. */
  approved(): Promise<Map<string, string>> {
    return approvedModels(this.#services.storage);
  }

  /**
   * A second person approves a trained version: the product's earlier approved version is retired in the same
   * transaction (one approved version per product), both logged; then the new version scores every customer.
   */
  async approve(id: string, approver: string, reason: string): Promise<ModelVersion> {
    const why = checkReason(reason);
    const model = await this.get(id);
    if (model.state !== 'trained') {
      throw new CurtainError(
        'MODEL_STATE',
        `version ${model.version} of the ${model.product} model is ${model.state}`,
      );
    }
    if (model.trainedBy === approver) {
      throw new CurtainError(
        'MODEL_APPROVAL_REFUSED',
        'the person who trained a model version cannot approve it',
      );
    }
    // Refused before anything is written: an approved version must be able to score.
    modelFeatures(model);
    const { storage, audit } = this.#services;
    const at = this.#now();
    const previous = (await approvedModels(storage)).get(model.product);
    const approved = await storage
      .transaction(async (tx) => {
        if (previous !== undefined) {
          const retired = await markRetired(
            tx,
            previous,
            approver,
            `superseded by version ${model.version}`,
            at,
          );
          if (retired !== undefined) await audit.enqueue(tx, [retiredEvent(retired)]);
        }
        const done = await markApproved(tx, id, approver, why, at);
        if (done === undefined)
          throw new CurtainError('MODEL_STATE', 'the model version changed state meanwhile');
        await audit.enqueue(tx, [
          {
            type: 'model.approved',
            details: { ...modelDetails(done), trainedBy: done.trainedBy, approvedBy: approver, reason: why },
          },
        ]);
        return done;
      })
      .finally(() => audit.flush());
    await this.score(approved.id, approver);
    return this.get(approved.id);
  }

  /** Retires a version (trained or approved): it is no longer used and its stored scores are deleted; logged. */
  async retire(id: string, by: string, reason: string): Promise<ModelVersion> {
    const why = checkReason(reason);
    const model = await this.get(id);
    if (model.state === 'retired') {
      throw new CurtainError(
        'MODEL_STATE',
        `version ${model.version} of the ${model.product} model is retired`,
      );
    }
    const { storage, audit } = this.#services;
    return storage
      .transaction(async (tx) => {
        const retired = await markRetired(tx, id, by, why, this.#now());
        if (retired === undefined) throw new CurtainError('MODEL_STATE', 'the model version is retired');
        await audit.enqueue(tx, [retiredEvent(retired)]);
        return retired;
      })
      .finally(() => audit.flush());
  }

  /**
   * Scores an approved version for today: every active customer who granted profiling (on some channel) and is
   * not restricted or objecting; the version's stored scores are replaced in one transaction, logged (no count).
   */
  async score(id: string, by: string): Promise<ModelVersion> {
    const model = await this.get(id);
    if (model.state !== 'approved') {
      throw new CurtainError('MODEL_STATE', `only an approved version scores; this one is ${model.state}`);
    }
    const { storage, audit } = this.#services;
    const asOf = this.#now().toISOString().slice(0, 10);
    // The trainer's feature list, evaluated as the trainer does: a mismatched version or width is refused.
    const engine = await this.#services.questionEngine.columnar();
    const features = modelFeatureMatrix(engine, model, { currency: this.#currency, asOf });
    const { ids, scores } = modelScores(features, model, await this.profiledCustomers());
    await storage
      .transaction(async (tx) => {
        await replaceScores(tx, model.id, ids, scores);
        await audit.enqueue(tx, [
          {
            type: 'model.scored',
            details: { ...modelDetails(model), by, asOf },
          },
        ]);
      })
      .finally(() => audit.flush());
    return model;
  }

  /**
   * Releases a version's card through the guard, charged to `asker` (noised figures on the later window of
   * customers who granted profiling), stores it on the version and logs it. A card already released is kept.
   */
  async releaseCard(id: string, asker: string): Promise<ModelVersion> {
    const model = await this.get(id);
    if (Object.keys(model.card).length > 0) return model;
    const customers = await this.profiledCustomers();
    const today = this.#now().toISOString().slice(0, 10);
    await releaseCard(this.#services, model, customers, asker, { today, currency: this.#currency });
    return this.get(id);
  }

  /** Active customers who granted profiling on some channel, less restricted and objecting ones; ascending. */
  async profiledCustomers(): Promise<number[]> {
    const { storage, consent } = this.#services;
    const [active, restricted, ...allowed] = await Promise.all([
      activeCustomerIds(storage),
      restrictedCustomers(storage),
      ...consentChannels.map((channel) => consent.allowed('profiling', channel)),
    ]);
    return active.filter((id) => !restricted.has(id) && allowed.some((set) => set.has(id)));
  }
}

function modelDetails(model: ModelVersion) {
  return { model: model.id, product: model.product, version: model.version };
}

function retiredEvent(model: ModelVersion) {
  return {
    type: 'model.retired' as const,
    details: {
      ...modelDetails(model),
      retiredBy: model.retiredBy ?? '',
      reason: model.retirementReason ?? '',
    },
  };
}
