// The MCC table of the categorisation rules (docs/categories.md): which merchant category codes mean which
// category. The name and purpose rules are data files per language (category-rules/*.json, category-rule-files.ts).
// Data only; categorize.ts applies it. Changing a rule means bumping taxonomyVersion.
import type { CategoryCode } from './taxonomy.ts';

// MCC table. Codes and inclusive ranges; a code listed twice is a bug and throws at load.

export const mccAssignments: Partial<Record<CategoryCode, string>> = {
  groceries: '5300 5411 5422 5441 5451 5462 5499 5921',
  dining: '5811 5812 5813 5814',
  rent: '6513',
  utilities: '4900 5983',
  telecom: '4812 4814 4815 4816 4821 4899',
  home_services: '0780 4214 4225 7217 7342 7349 7393 7394 7623 7629 7641 7692 7699',
  home_improvement:
    '1520 1711 1731 1740 1750 1761 1771 1799 5039 5072 5074 5198 5200 5211 5231 5251 5261 5271 ' +
    '5712 5713 5714 5718 5719 5722 5996',
  fuel: '5172 5541 5542 5552 7511',
  transport: '4011 4111 4112 4121 4131 4784 4789 7513 7523',
  car_purchase: '5511 5521 5551 5561 5571 5592 5598 5599',
  car_services: '5013 5531 5532 5533 5935 7531 7534 7535 7538 7542 7549 8675',
  travel: '3000-3999 4411 4511 4582 4722 4723 5962 7011 7012 7033 7512 7519',
  childcare: '8351',
  baby: '5641',
  education: '8211 8220 8241 8244 8249 8299',
  pets: '0742 5995',
  healthcare: '4119 5047 5975 5976 8011 8021 8031 8041 8042 8043 8044 8049 8050 8062 8071 8099',
  pharmacy: '5122 5912',
  fitness: '7992 7997',
  entertainment:
    '4457 4468 5733 5735 5815 5816 5817 5818 7032 7273 7829 7832 7841 7911 7922 7929 7932 7933 ' +
    '7941 7991 7993 7994 7996 7998 7999',
  subscriptions: '5968 7372 7375',
  gambling: '7800 7801 7802 7995 9406',
  shopping:
    '0763 2842 5021 5046 5051 5085 5094 5099 5111 5131 5169 5192 5193 5199 5262 5309 5310 5311 ' +
    '5331 5399 5832 5931 5932 5933 5937 5940 5941 5942 5943 5944 5945 5947 5948 5949 5950 5961 ' +
    '5963 5964 5965 5966 5967 5969 5970 5971 5972 5973 5992 5993 5994 5998 5999 7278 7395 7631',
  clothing: '5137 5139 5611 5621 5631 5651 5655 5661 5681 5691 5697 5699 7296',
  electronics: '5044 5045 5065 5732 5734 5946 5978 5997 7379 7622',
  personal_care: '5698 5977 7210 7211 7216 7230 7251 7297 7298 7299',
  professional_services:
    '2741 2791 4215 7221 7261 7276 7277 7311 7321 7332 7333 7338 7339 7361 7392 7399 8111 8734 ' +
    '8911 8931 8999',
  government_fees: '9211 9222 9223 9399 9402 9405',
  tax: '9311',
  charity: '8398 8661',
  memberships: '8641 8651 8699',
  insurance: '5960 6300 6381 6399',
  transfers: '4829 6012 6536 6537 6538 6540',
  savings_transfer: '6211',
  cash: '6010 6011 6050 6051',
};

/**
 * Listed codes that deliberately carry no category: network-internal codes with no consumer
 * meaning. A transaction with one of them is categorised by its other fields.
 */
export const uncategorisedMccs: readonly string[] = ['9700', '9701', '9702', '9950'];
