// The realistic bank's five regions: persona mix, income and price levels, habits and product take-up (docs/generator.md).
import type { ProductCode } from '../../core/products.ts';
import { personas } from './personas.ts';
import type { Random } from './random.ts';
import type { PersonaCode, RegionCode } from './types.ts';

export interface Region {
  readonly code: RegionCode;
  readonly share: number;
  /** Multiplies each persona's bank-wide share before renormalising. */
  readonly personaFactors: Readonly<Partial<Record<PersonaCode, number>>>;
  readonly income: number;
  readonly prices: number;
  readonly cash: number;
  /** How much people drive: fuel, parking and the odds of a new car. */
  readonly car: number;
  readonly takeUp: Readonly<Partial<Record<ProductCode, number>>>;
  /** Towns of the customers' addresses (names.ts). */
  readonly towns: readonly string[];
}

export const regions: readonly Region[] = [
  {
    code: 'london',
    share: 0.2,
    personaFactors: { student: 1.4, young_renter: 1.5, retiree: 0.5 },
    income: 1.3,
    prices: 1.2,
    cash: 0.6,
    car: 0.5,
    takeUp: { mortgage: 0.7, investment: 1.4, travel_insurance: 1.3 },
    towns: ['London'],
  },
  {
    code: 'south_east',
    share: 0.22,
    personaFactors: { family: 1.2, first_time_buyer: 1.3 },
    income: 1.12,
    prices: 1.08,
    cash: 0.8,
    car: 1.2,
    takeUp: { mortgage: 1.2, pension: 1.2 },
    towns: ['Brighton', 'Reading', 'Oxford', 'Cambridge', 'Norwich', 'Exeter'],
  },
  {
    code: 'midlands_wales',
    share: 0.22,
    personaFactors: {},
    income: 0.92,
    prices: 0.95,
    cash: 1.2,
    car: 1.2,
    takeUp: { car_loan: 1.3, personal_loan: 1.2 },
    towns: ['Birmingham', 'Nottingham', 'Leicester', 'Cardiff', 'Bristol'],
  },
  {
    code: 'north',
    share: 0.24,
    personaFactors: { retiree: 1.4, family: 1.1, first_time_buyer: 0.7 },
    income: 0.88,
    prices: 0.92,
    cash: 1.3,
    car: 1.1,
    takeUp: { personal_loan: 1.3, investment: 0.8 },
    towns: ['Leeds', 'Manchester', 'Sheffield', 'Newcastle upon Tyne', 'York', 'Liverpool'],
  },
  {
    code: 'scotland',
    share: 0.12,
    personaFactors: { retiree: 1.3 },
    income: 0.95,
    prices: 0.97,
    cash: 1.2,
    car: 1.1,
    takeUp: { life_insurance: 1.2, investment: 0.9 },
    towns: ['Glasgow', 'Edinburgh'],
  },
];

/** Per region, the cumulative persona distribution (personas in their usual order). */
const personaCumulative: readonly (readonly number[])[] = regions.map((region) => {
  const weights = personas.map((p) => p.share * (region.personaFactors[p.code] ?? 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
});

export function pickRegion(random: Random): Region {
  let r = random.next();
  for (const region of regions) {
    r -= region.share;
    if (r < 0) return region;
  }
  return regions[regions.length - 1]!;
}

/** A persona drawn from the region's mix. */
export function pickRegionalPersona(random: Random, region: Region): (typeof personas)[number] {
  const cumulative = personaCumulative[regions.indexOf(region)]!;
  const r = random.next();
  for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return personas[i]!;
  return personas[personas.length - 1]!;
}
