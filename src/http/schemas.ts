// Transitional: the JSON-schema error body for routes not yet on zod contracts (hub, customer, advisor, sign-in).
// Their branches switch to `errorBody` (src/contracts/common.ts); once none imports this module, delete it.

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;
