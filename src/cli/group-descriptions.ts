// What `curtain --help` says of each command group, before the group's own module is loaded.

export const groupDescriptions = {
  db: 'the database schema',
  keys: 'key inventory and rotation',
  audit: 'the transparency log',
  privacy: 'the privacy guard: policy and budgets',
  models: 'propensity models trained with differential privacy',
  customers: 'customer identities',
  hub: 'products, offers, segments and campaigns (no PII)',
  vaults: 'the regional vaults this hub serves, each with its pinned key',
  federation: 'the peers’ keys this vault pins for federated rounds',
  inbox: 'a customer’s inbox: offers, answers and leads',
  advisor: 'advisors: leads of customers who asked for contact',
  apikey: 'API keys of hub staff (stored hashed; shown once)',
  requests: 'data subject requests (GDPR, CCPA)',
  erasure: 'erasure receipts',
  retention: 'how long data is kept, and its enforcement',
  compliance: 'compliance reports',
} as const;

export type GroupName = keyof typeof groupDescriptions;
