// The hub's catalogue: products of the bank and partners, their offers, named segments, and segment → offers.
import { randomUUID } from 'node:crypto';
import { CurtainError } from '../core/errors.ts';
import type { VaultDoor } from '../core/vault-door.ts';
import {
  offerInput,
  productInput,
  type Offer,
  type OfferDraft,
  type Product,
  type ProductInput,
} from '../contracts/hub-catalogue.ts';
import { segmentInput, type Segment, type SegmentDraft } from '../contracts/hub-segments.ts';
import { checkAudience } from './audience-check.ts';
import { parseOrRefuse, refuseUnsafeText } from './hub-input.ts';
import type { HubExecutor, HubStorage } from './hub-storage.ts';
import { offerPurpose, type OfferPurpose } from './offer-purpose.ts';
import { requireRole } from './staff.ts';

export type { Offer, OfferDraft, Product } from '../contracts/hub-catalogue.ts';
export type { Segment, SegmentDraft } from '../contracts/hub-segments.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OfferRow {
  id: string;
  product_code: string;
  provider: string;
  credit: boolean;
  title: string;
  body: string;
  call_to_action: string;
  category: string;
  purpose: OfferPurpose;
  valid_from: string;
  valid_until: string;
  interests: string[];
  created_by: string;
}

const offerColumns = `o.id, o.product_code, p.provider, p.credit, o.title, o.body, o.call_to_action, o.category,
  o.purpose, o.valid_from, o.valid_until, o.interests, o.created_by`;

const offerOf = (row: OfferRow): Offer => ({
  id: row.id,
  productCode: row.product_code,
  provider: row.provider,
  credit: row.credit,
  title: row.title,
  body: row.body,
  callToAction: row.call_to_action,
  category: row.category,
  purpose: row.purpose,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  interests: row.interests,
  createdBy: row.created_by,
});

const segmentColumns = 'id, name, expression, purpose, created_by AS "createdBy"';

export class Catalogue {
  readonly #storage: HubStorage;
  readonly #door: VaultDoor;
  readonly #now: () => Date;

  constructor(storage: HubStorage, door: VaultDoor, now: () => Date) {
    this.#storage = storage;
    this.#door = door;
    this.#now = now;
  }

  async addProduct(product: ProductInput, actor: string): Promise<Product> {
    const input = parseOrRefuse(productInput, product, 'product');
    refuseUnsafeText('product', { name: input.name });
    return this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['marketer'], 'add products');
      const inserted = await tx.query(
        'INSERT INTO hub.products (code, name, provider, credit) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [input.code, input.name, input.provider, input.credit],
      );
      if (inserted.affectedRows === 0) {
        throw new CurtainError('HUB_INVALID', `product ${input.code} exists already`);
      }
      return input;
    });
  }

  listProducts(): Promise<Product[]> {
    return this.#storage
      .query<Product>('SELECT code, name, provider, credit FROM hub.products ORDER BY code')
      .then((r) => r.rows);
  }

  /** The purpose is derived from the product: credit offers get the fair-lending checks. */
  async addOffer(draft: OfferDraft, actor: string): Promise<Offer> {
    const today = this.#now().toISOString().slice(0, 10);
    const input = parseOrRefuse(offerInput, { ...draft, validFrom: draft.validFrom ?? today }, 'offer');
    refuseUnsafeText('offer', { title: input.title, body: input.body, callToAction: input.callToAction });
    return this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['marketer'], 'add offers');
      const product = await findProduct(tx, input.productCode);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO hub.offers (id, product_code, title, body, call_to_action, category, purpose, valid_from,
           valid_until, created_by, interests)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[])`,
        [
          id,
          product.code,
          input.title,
          input.body,
          input.callToAction,
          input.category,
          offerPurpose(product.provider, product.credit),
          input.validFrom ?? today,
          input.validUntil,
          actor,
          input.interests,
        ],
      );
      return getOffer(tx, id);
    });
  }

  offer(id: string): Promise<Offer> {
    return this.#storage.transaction((tx) => getOffer(tx, id));
  }

  /** Every offer, or those linked to a segment (by name or id). */
  listOffers(segment?: string): Promise<Offer[]> {
    return this.#storage.transaction(async (tx) => {
      if (segment === undefined) {
        const { rows } = await tx.query<OfferRow>(
          `SELECT ${offerColumns} FROM hub.offers o JOIN hub.products p ON p.code = o.product_code
            ORDER BY o.created_at, o.id`,
        );
        return rows.map(offerOf);
      }
      const found = await findSegment(tx, segment);
      const { rows } = await tx.query<OfferRow>(
        `SELECT ${offerColumns} FROM hub.segment_offers so
           JOIN hub.offers o ON o.id = so.offer_id JOIN hub.products p ON p.code = o.product_code
          WHERE so.segment_id = $1 ORDER BY o.created_at, o.id`,
        [found.id],
      );
      return rows.map(offerOf);
    });
  }

  /** Checked by the vault for its purpose before it is stored; refused with the checker's diagnostics. */
  async addSegment(draft: SegmentDraft, actor: string): Promise<Segment & { explanation: string }> {
    const input = parseOrRefuse(segmentInput, draft, 'segment');
    refuseUnsafeText('segment', { name: input.name, expression: input.expression });
    await this.#storage.transaction((tx) => requireRole(tx, actor, ['marketer'], 'add segments'));
    // Outside any hub transaction: the door may share the database (one PGlite connection).
    const { explanation } = await checkAudience(this.#door, input.expression, input.purpose);
    return this.#storage.transaction(async (tx) => {
      const id = randomUUID();
      const inserted = await tx.query(
        `INSERT INTO hub.segments (id, name, expression, purpose, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO NOTHING`,
        [id, input.name, input.expression, input.purpose, actor],
      );
      if (inserted.affectedRows === 0) {
        throw new CurtainError('HUB_INVALID', `a segment named "${input.name}" exists already`);
      }
      return { id, ...input, createdBy: actor, explanation };
    });
  }

  listSegments(): Promise<Segment[]> {
    return this.#storage
      .query<Segment>(`SELECT ${segmentColumns} FROM hub.segments ORDER BY name`)
      .then((r) => r.rows);
  }

  segment(nameOrId: string): Promise<Segment> {
    return this.#storage.transaction((tx) => findSegment(tx, nameOrId));
  }

  /**
   * Says the offer suits the segment. When the offer's purpose differs from the segment's, the segment is
   * checked again under the offer's (a credit offer brings the fair-lending rules).
   */
  async linkOffer(segmentNameOrId: string, offerId: string, actor: string): Promise<void> {
    const { segment, offer } = await this.#storage.transaction(async (tx) => {
      await requireRole(tx, actor, ['marketer'], 'link segments to offers');
      return { segment: await findSegment(tx, segmentNameOrId), offer: await getOffer(tx, offerId) };
    });
    if (offer.purpose !== segment.purpose) await checkAudience(this.#door, segment.expression, offer.purpose);
    await this.#storage.query(
      'INSERT INTO hub.segment_offers (segment_id, offer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [segment.id, offer.id],
    );
  }
}

async function findProduct(tx: HubExecutor, productCode: string): Promise<Product> {
  const { rows } = await tx.query<Product>(
    'SELECT code, name, provider, credit FROM hub.products WHERE code = $1',
    [productCode],
  );
  const product = rows[0];
  if (product === undefined) throw new CurtainError('NOT_FOUND', `no product ${productCode}`);
  return product;
}

export async function getOffer(tx: HubExecutor, id: string): Promise<Offer> {
  const { rows } = uuid.test(id)
    ? await tx.query<OfferRow>(
        `SELECT ${offerColumns} FROM hub.offers o JOIN hub.products p ON p.code = o.product_code
          WHERE o.id = $1`,
        [id],
      )
    : { rows: [] };
  const row = rows[0];
  if (row === undefined) throw new CurtainError('NOT_FOUND', `no offer ${id}`);
  return offerOf(row);
}

export async function findSegment(tx: HubExecutor, nameOrId: string): Promise<Segment> {
  const { rows } = uuid.test(nameOrId)
    ? await tx.query<Segment>(`SELECT ${segmentColumns} FROM hub.segments WHERE id = $1`, [nameOrId])
    : await tx.query<Segment>(`SELECT ${segmentColumns} FROM hub.segments WHERE name = $1`, [nameOrId]);
  const segment = rows[0];
  if (segment === undefined) throw new CurtainError('NOT_FOUND', `no segment ${nameOrId}`);
  return segment;
}
