// Where a customer's request to be contacted stands, in words: asked, taken by an advisor, contacted, a meeting…
import type { Item, Reply } from './api/types.ts';

type Lead = Item<Reply<'/v1/me/leads', 'get'>['leads']>;

const workWords: Record<string, string> = {
  contacted: 'an advisor has contacted you',
  meeting: 'a meeting with an advisor is arranged',
  product_opened: 'done: the product was opened',
  closed: 'closed by the advisor',
};

export function leadWords(lead: Pick<Lead, 'state' | 'status' | 'withdrawnAt'>): string {
  if (lead.state === 'withdrawn') return 'you withdrew it';
  if (lead.status !== null) return workWords[lead.status] ?? lead.status;
  if (lead.state === 'claimed') return 'an advisor has taken it and will contact you';
  return 'waiting for an advisor';
}
