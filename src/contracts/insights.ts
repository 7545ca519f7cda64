// The customer's insights contracts: what GET /v1/me/insights and the insight messages answer (customer only).
import { z } from 'zod';
import { cadences } from '../insights/recurring.ts';
import { isoDate } from './common.ts';

/** Lists the insight functions return (read-only arrays). */
const list = <Item extends z.ZodType>(item: Item) => z.array(item).readonly();

const minor = z.number().int().describe('minor units of the currency beside it');
/** Beside every amount: the currency its minor units are of. */
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 code of the amounts beside it');

export const regularPayment = z
  .object({
    merchant: z
      .string()
      .optional()
      .describe('absent for payments without a merchant: then the category says what'),
    category: z.string(),
    direction: z.enum(['debit', 'credit']),
    cadence: z.enum(cadences),
    amountMinor: minor,
    currency,
    payments: z.number().int(),
    firstDate: isoDate,
    lastDate: isoDate,
    nextDate: isoDate.optional().describe('absent once the payments stopped'),
    status: z.enum(['active', 'stopped']),
    dayOfMonth: z.number().int(),
    priceChanges: list(z.object({ date: isoDate, fromMinor: minor, toMinor: minor, currency })),
  })
  .meta({ id: 'RegularPayment' });

const forecastPoint = z.object({
  date: isoDate,
  expectedMinor: minor,
  lowMinor: minor,
  highMinor: minor,
  currency,
});

export const balanceForecast = z
  .object({
    currentMinor: minor,
    currency,
    days: list(forecastPoint),
    in14Days: forecastPoint,
    in30Days: forecastPoint,
    dailyRestMinor: minor,
    warning: z
      .object({
        date: isoDate,
        daysAhead: z.number().int(),
        thresholdMinor: minor,
        expectedMinor: minor,
        currency,
        confidence: z.enum(['likely', 'possible']),
        dueBefore: list(
          z.object({
            merchant: z.string().optional(),
            category: z.string(),
            date: isoDate,
            amountMinor: minor,
            currency,
          }),
        ),
      })
      .optional(),
  })
  .meta({ id: 'BalanceForecast' });

export const insights = z
  .object({
    asOf: isoDate,
    regularPayments: list(regularPayment),
    income: list(regularPayment),
    monthOverMonth: z.object({
      month: z.string(),
      days: z.number().int(),
      monthsCompared: z.number().int(),
      changes: list(
        z.object({
          category: z.string(),
          thisMonthMinor: minor,
          usualMinor: minor,
          changeMinor: minor,
          currency,
        }),
      ),
    }),
    forecast: balanceForecast
      .optional()
      .describe('absent while the vault has no balance of the main account'),
    suggestions: list(
      z.object({
        kind: z.enum([
          'price_rise',
          'overlapping_subscriptions',
          'yearly_plan',
          'spending_up',
          'move_to_savings',
        ]),
        text: z.string(),
        yearlySavingMinor: minor,
        currency,
        product: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Insights' });

export const insightMessage = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    deliveredAt: z.string(),
    openedAt: z.string().optional(),
  })
  .meta({ id: 'InsightMessage' });

export const insightMessageDetail = insightMessage.extend({ insights }).meta({ id: 'InsightMessageDetail' });

export const messageParams = z.strictObject({
  message: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a message id'),
});
