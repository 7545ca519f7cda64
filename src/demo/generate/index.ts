// The deterministic demo-bank generator: customers with PII, accounts, products, transactions and ground truth.
export { bankCsvHeader, bankCsvRow, bankCsvRows, bankCsvText, csvField } from './csv.ts';
export {
  bankCurrency,
  defaultHomeInspectionShare,
  externalIdOf,
  generateBank,
  generateCustomer,
  groundTruthRecord,
  realBankVersion,
  realCardPaymentsPerMonth,
} from './generate-bank.ts';
export { isValidIban } from './iban.ts';
export { merchants, merchantsByCategory, type Merchant, type MerchantCategory } from './merchants.ts';
export { personas, type Persona } from './personas.ts';

export { regions, type Region } from './regions.ts';
export {
  personaCodes,
  type GenerateBankOptions,
  type GeneratedAccount,
  type GeneratedCustomer,
  type GroundTruthEvent,
  type Density,
  type GroundTruthRecord,
  type HeldProduct,
  type LifeEventType,
  type PersonaCode,
  type ProductTakeUp,
  type RealTruth,
  type RegionCode,
  type SubscriptionTruth,
} from './types.ts';
