// Vitest for mutation testing only (`npm run test:mutation`): the unit tests of the pure privacy modules.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/privacy/dp/*.test.ts',
      'src/privacy/guard/*.test.ts',
      'src/vault/avatars/k-anonymity.test.ts',
      'src/audit/merkle.test.ts',
      'src/audit/merkle-ranges.test.ts',
      'src/audit/verify.test.ts',
      'src/vault/consent/receipts.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
