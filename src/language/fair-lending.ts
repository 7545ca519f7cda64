// Fair lending: the protected attributes and the versioned list of their proxies that credit questions may not use.

/** Bumped whenever an entry is added, removed or changed; recorded with each checked question. */
export const fairLendingVersion = '2026-12.1';

/** Attributes the law protects (ECOA/Regulation B, UK Equality Act 2010, GDPR art. 9). */
export const protectedAttributes = [
  'age',
  'sex',
  'gender',
  'marital_status',
  'nationality',
  'ethnicity',
  'race',
  'religion',
  'disability',
  'sexual_orientation',
] as const;

/** Functions of the language over a protected attribute: refused for credit purposes like the attribute. */
const protectedFunctions: Readonly<Record<string, (typeof protectedAttributes)[number]>> = {
  age_band: 'age',
};

/** The protected attribute a call's name is or uses, if any. */
export function protectedAttributeOf(name: string): string | undefined {
  if ((protectedAttributes as readonly string[]).includes(name)) return name;
  return Object.hasOwn(protectedFunctions, name) ? protectedFunctions[name] : undefined;
}

export interface ProxyEntry {
  /** 'insight': one of the customer's own insights (src/insights/), never an input of a question or a model. */
  readonly kind: 'mcc' | 'category' | 'product' | 'insight';
  readonly value: string;
  /** The protected attribute it stands in for. */
  readonly standsFor: readonly (typeof protectedAttributes)[number][];
  readonly why: string;
}

export const fairLendingProxies: readonly ProxyEntry[] = [
  {
    kind: 'mcc',
    value: '8661',
    standsFor: ['religion'],
    why: 'Payments to religious organisations reveal religion.',
  },
  {
    kind: 'mcc',
    value: '7273',
    standsFor: ['marital_status', 'sexual_orientation'],
    why: 'Dating and escort services reveal marital status and may reveal sexual orientation.',
  },
  {
    kind: 'mcc',
    value: '8351',
    standsFor: ['sex', 'marital_status'],
    why: 'Child care spending tracks parenthood, which correlates with sex and marital status in lending data.',
  },
  {
    kind: 'mcc',
    value: '5641',
    standsFor: ['sex', 'age'],
    why: "Children's and infants' wear tracks parenthood and age band.",
  },
  {
    kind: 'mcc',
    value: '8651',
    standsFor: ['ethnicity', 'religion'],
    why: 'Political organisations reveal political opinion, a special category that proxies ethnicity and religion.',
  },
  {
    kind: 'category',
    value: 'childcare',
    standsFor: ['sex', 'marital_status'],
    why: 'The childcare category is MCC 8351.',
  },
  { kind: 'category', value: 'baby', standsFor: ['sex', 'age'], why: 'The baby category is MCC 5641.' },
  {
    kind: 'category',
    value: 'charity',
    standsFor: ['religion'],
    why: 'The charity category includes MCC 8661, religious organisations.',
  },
  {
    kind: 'category',
    value: 'pension_income',
    standsFor: ['age'],
    why: 'Receiving a pension reveals age.',
  },
  {
    kind: 'category',
    value: 'benefits',
    standsFor: ['disability', 'age'],
    why: 'State benefits include disability and age-related payments.',
  },
  {
    kind: 'product',
    value: 'student_account',
    standsFor: ['age'],
    why: 'Student accounts are held by young customers.',
  },
  { kind: 'product', value: 'pension', standsFor: ['age'], why: 'Holding a pension plan tracks age.' },
  ...insightProxies(),
];

/**
 * The customer's own insights (issue 19): computed for the customer alone under `spending_insights`, so never
 * a segment feature, a model feature or a credit input. Low balances and stopped payments track hardship,
 * which tracks disability and age; regular payments include childcare, benefits and pensions.
 */
function insightProxies(): ProxyEntry[] {
  const why = 'An insight is for the customer alone (spending_insights consent), never a credit input.';
  return (
    [
      ['regular_payments', ['age', 'disability', 'marital_status']],
      ['month_over_month', ['age', 'disability']],
      ['balance_forecast', ['age', 'disability']],
      ['low_balance_warning', ['age', 'disability']],
      ['saving_suggestions', ['age']],
    ] as const
  ).map(([value, standsFor]) => ({ kind: 'insight', value, standsFor, why }));
}

export function proxyFor(kind: ProxyEntry['kind'], value: string): ProxyEntry | undefined {
  return fairLendingProxies.find((p) => p.kind === kind && p.value === value);
}
