// The six kinds of customer in the demo bank, with their shares, incomes, housing, habits and life-event odds.
import type { ProductCode } from '../../core/products.ts';
import type { SpendCategory } from './merchants.ts';
import type { PersonaCode } from './types.ts';

export type Housing = 'rent' | 'mortgage' | 'owned' | 'parents';

export type IncomeKind = 'salary' | 'student' | 'pension' | 'business';

/** Bills and subscriptions a customer may pay from this bank, on a stable day each month. */
export type BillKind =
  | 'energy'
  | 'water'
  | 'telecom'
  | 'broadband'
  | 'insurance'
  | 'streaming'
  | 'second_streaming'
  | 'gym'
  | 'charity'
  | 'savings_transfer';

export interface Persona {
  readonly code: PersonaCode;
  /** Share of the bank's customers. */
  readonly share: number;
  /** Age range at the end of the period. */
  readonly age: readonly [number, number];
  /** Mean transactions over two years before life events; scaled by each customer's activity. */
  readonly transactionsPerTwoYears: number;
  /** Multiplies every discretionary amount. */
  readonly spendLevel: number;
  readonly income: IncomeKind;
  /** Monthly net income in pounds (student: per term instalment; business: per invoice). */
  readonly incomeRange: readonly [number, number];
  readonly housing: Readonly<Partial<Record<Housing, number>>>;
  readonly rent: readonly [number, number];
  readonly mortgagePayment: readonly [number, number];
  /** Relative frequency of each discretionary category. */
  readonly spending: Readonly<Partial<Record<SpendCategory, number>>>;
  /** Probability of each bill, if the customer's transaction budget allows. */
  readonly bills: Readonly<Partial<Record<BillKind, number>>>;
  readonly savingsAccount: number;
  readonly creditCard: number;
  /** Probability of holding each further product from before the period. */
  readonly products: Readonly<Partial<Record<ProductCode, number>>>;
  /** Relative propensity to pay a home inspection in the last 90 days (scaled by homeInspectionShare). */
  readonly recentInspection: number;
  /** Probability of an earlier home search within the period (inspection, maybe a purchase). */
  readonly earlierInspection: number;
  readonly newBaby: number;
  readonly newCar: number;
  /** Probability of moving to another rented home within the period. */
  readonly rentalMove: number;
  /** Probability of transfers from a parent or to a partner each month. */
  readonly familySupport: number;
}

const everyday: Readonly<Partial<Record<SpendCategory, number>>> = {
  groceries: 22,
  dining: 8,
  fast_food: 9,
  pubs: 6,
  fuel: 4,
  transport: 8,
  clothing: 6,
  department: 4,
  online: 8,
  electronics: 1.5,
  air_travel: 1.5,
  hotels: 1.2,
  entertainment: 3,
  pharmacy: 2.5,
  health: 0.6,
  personal_care: 2.5,
  pets: 1,
  digital: 2,
  parking: 1,
  cash: 4,
};

export const personas: readonly Persona[] = [
  {
    code: 'student',
    share: 0.15,
    age: [18, 24],
    transactionsPerTwoYears: 78,
    spendLevel: 0.55,
    income: 'student',
    incomeRange: [1400, 3200],
    housing: { rent: 0.7, parents: 0.3 },
    rent: [420, 720],
    mortgagePayment: [0, 0],
    spending: {
      ...everyday,
      groceries: 16,
      fast_food: 16,
      pubs: 12,
      transport: 12,
      fuel: 0.5,
      digital: 4,
      health: 0.2,
    },
    bills: { telecom: 0.7, streaming: 0.6, second_streaming: 0.2, gym: 0.25, energy: 0.2 },
    savingsAccount: 0.2,
    creditCard: 0.05,
    products: { overdraft: 0.7, travel_insurance: 0.05 },
    recentInspection: 0.02,
    earlierInspection: 0.0,
    newBaby: 0.005,
    newCar: 0.02,
    rentalMove: 0.35,
    familySupport: 0.5,
  },
  {
    code: 'young_renter',
    share: 0.25,
    age: [22, 33],
    transactionsPerTwoYears: 98,
    spendLevel: 0.9,
    income: 'salary',
    incomeRange: [1700, 2900],
    housing: { rent: 0.85, parents: 0.15 },
    rent: [750, 1400],
    mortgagePayment: [0, 0],
    spending: { ...everyday, dining: 10, pubs: 8, transport: 9 },
    bills: {
      energy: 0.55,
      telecom: 0.8,
      broadband: 0.45,
      insurance: 0.25,
      streaming: 0.7,
      second_streaming: 0.3,
      gym: 0.35,
      savings_transfer: 0.5,
    },
    savingsAccount: 0.45,
    creditCard: 0.35,
    products: { overdraft: 0.3, personal_loan: 0.08, travel_insurance: 0.1, investment: 0.05 },
    recentInspection: 0.5,
    earlierInspection: 0.05,
    newBaby: 0.04,
    newCar: 0.05,
    rentalMove: 0.15,
    familySupport: 0.1,
  },
  {
    code: 'first_time_buyer',
    share: 0.1,
    age: [25, 38],
    transactionsPerTwoYears: 100,
    spendLevel: 0.95,
    income: 'salary',
    incomeRange: [2300, 4200],
    housing: { rent: 0.92, parents: 0.08 },
    rent: [850, 1500],
    mortgagePayment: [0, 0],
    spending: { ...everyday, dining: 7, pubs: 4, home_improvement: 1, furniture: 0.5 },
    bills: {
      energy: 0.6,
      telecom: 0.8,
      broadband: 0.5,
      insurance: 0.35,
      streaming: 0.6,
      second_streaming: 0.2,
      gym: 0.3,
      savings_transfer: 0.85,
    },
    savingsAccount: 0.85,
    creditCard: 0.4,
    products: { overdraft: 0.15, travel_insurance: 0.1, investment: 0.1 },
    recentInspection: 3,
    earlierInspection: 0.25,
    newBaby: 0.06,
    newCar: 0.04,
    rentalMove: 0.05,
    familySupport: 0.05,
  },
  {
    code: 'family',
    share: 0.3,
    age: [30, 52],
    transactionsPerTwoYears: 110,
    spendLevel: 1.15,
    income: 'salary',
    incomeRange: [2500, 5600],
    housing: { mortgage: 0.62, rent: 0.33, owned: 0.05 },
    rent: [1000, 1900],
    mortgagePayment: [650, 1800],
    spending: {
      ...everyday,
      groceries: 32,
      fast_food: 5,
      pubs: 2,
      fuel: 9,
      transport: 3,
      clothing: 7,
      home_improvement: 3,
      furniture: 0.6,
      pharmacy: 4,
      health: 1.5,
      pets: 2,
      parking: 2,
    },
    bills: {
      energy: 0.8,
      water: 0.55,
      telecom: 0.75,
      broadband: 0.7,
      insurance: 0.6,
      streaming: 0.75,
      second_streaming: 0.4,
      gym: 0.3,
      charity: 0.15,
      savings_transfer: 0.5,
    },
    savingsAccount: 0.6,
    creditCard: 0.5,
    products: {
      life_insurance: 0.3,
      personal_loan: 0.1,
      car_loan: 0.12,
      investment: 0.15,
      pension: 0.2,
      travel_insurance: 0.15,
    },
    recentInspection: 0.3,
    earlierInspection: 0.08,
    newBaby: 0.12,
    newCar: 0.1,
    rentalMove: 0.06,
    familySupport: 0.1,
  },
  {
    code: 'retiree',
    share: 0.15,
    age: [66, 88],
    transactionsPerTwoYears: 82,
    spendLevel: 0.85,
    income: 'pension',
    incomeRange: [850, 1900],
    housing: { owned: 0.72, mortgage: 0.05, rent: 0.23 },
    rent: [650, 1100],
    mortgagePayment: [350, 800],
    spending: {
      ...everyday,
      groceries: 32,
      dining: 7,
      fast_food: 2,
      pubs: 3,
      fuel: 6,
      transport: 3,
      clothing: 3,
      online: 4,
      home_improvement: 3,
      pharmacy: 7,
      health: 3,
      pets: 3,
      digital: 0.5,
      cash: 9,
    },
    bills: {
      energy: 0.8,
      water: 0.6,
      telecom: 0.5,
      broadband: 0.6,
      insurance: 0.6,
      streaming: 0.3,
      charity: 0.4,
    },
    savingsAccount: 0.8,
    creditCard: 0.3,
    products: { investment: 0.3, travel_insurance: 0.2, life_insurance: 0.1 },
    recentInspection: 0,
    earlierInspection: 0,
    newBaby: 0,
    newCar: 0.05,
    rentalMove: 0.03,
    familySupport: 0.05,
  },
  {
    code: 'small_business_owner',
    share: 0.05,
    age: [28, 62],
    transactionsPerTwoYears: 134,
    spendLevel: 1.3,
    income: 'business',
    incomeRange: [900, 6500],
    housing: { mortgage: 0.5, rent: 0.4, owned: 0.1 },
    rent: [900, 1800],
    mortgagePayment: [700, 2000],
    spending: {
      ...everyday,
      dining: 12,
      fuel: 10,
      transport: 6,
      electronics: 4,
      air_travel: 3,
      hotels: 3,
      parking: 3,
    },
    bills: { energy: 0.7, telecom: 0.8, broadband: 0.7, insurance: 0.7, streaming: 0.5, gym: 0.2 },
    savingsAccount: 0.5,
    creditCard: 0.6,
    products: { pension: 0.3, investment: 0.2, car_loan: 0.1, life_insurance: 0.15 },
    recentInspection: 0.3,
    earlierInspection: 0.05,
    newBaby: 0.04,
    newCar: 0.12,
    rentalMove: 0.05,
    familySupport: 0.0,
  },
];

/** Expected share of customers with a recent inspection per unit of `recentInspection`. */
export const recentInspectionNorm = personas.reduce((sum, p) => sum + p.share * p.recentInspection, 0);
