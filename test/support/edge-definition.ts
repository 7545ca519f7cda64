// A well-formed edge campaign definition for tests and benchmarks: any expression, purpose and offer details.
import type { EdgeDefinition } from '../../src/edge/definitions.ts';

export function edgeDefinition(
  id: string,
  options: {
    readonly expression?: string;
    readonly purpose?: string;
    readonly offer?: Partial<EdgeDefinition['offer']>;
  } = {},
): EdgeDefinition {
  return {
    format: 'curtain-edge-campaign/1',
    id,
    expression: options.expression ?? 'count(within: 30d) > 0',
    purpose: options.purpose ?? 'bank_offers',
    currency: 'GBP',
    retentionDays: 730,
    maxAttributes: 5,
    offer: {
      title: 't',
      body: 'b',
      callToAction: 'c',
      productCode: 'savings',
      category: 'savings',
      provider: 'bank',
      ...options.offer,
    },
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
  };
}
