// The hub catalogue's contracts: products of the bank and its partners (what a request sends and gets back).
import { z } from 'zod';
import { code, text } from './common.ts';

/** A product as a marketer adds it. */
export const productInput = z
  .strictObject({
    code,
    name: text(120),
    provider: code.describe('"bank" or the partner’s code'),
    credit: z.boolean(),
  })
  .meta({ id: 'NewProduct' });

export const product = z
  .object({
    code: z.string(),
    name: z.string(),
    provider: z.string(),
    credit: z.boolean(),
  })
  .meta({ id: 'Product' });

export type ProductInput = z.input<typeof productInput>;
export type Product = z.output<typeof product>;
