// The privacy guard's policy over HTTP: the active version and every proposal.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { privacyPolicy } from '../../contracts/questions.ts';
import { policyToJson } from '../../privacy/guard/policy.ts';
import type { PolicyStore } from '../../privacy/guard/policy-store.ts';

const policy = {
  config: { access: ['marketer', 'partner', 'approver', 'compliance', 'operator'] } as const,
  schema: {
    summary: 'The privacy guard’s policy: the active version and every proposal',
    tags: ['questions'],
    response: { 200: privacyPolicy },
  },
};

export function policyRoutes(policies: PolicyStore) {
  return (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/privacy/policy', policy, async () => {
      const active = await policies.active();
      return {
        active: { version: active.version, policy: policyToJson(active.policy) },
        versions: await policies.list(),
      };
    });
    return Promise.resolve();
  };
}
