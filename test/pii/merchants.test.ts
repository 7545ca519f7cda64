// Merchant names stay intact through the ingest scrub: every merchant of the reference bank, and shops named
// after people, while people's names in the same fields are scrubbed.
import { describe, expect, it } from 'vitest';
import { scrubMemo } from '../../src/privacy/scrub.ts';
import { merchants } from '../../src/demo/generate/merchants.ts';

describe('merchant names in memo and counterparty fields', () => {
  it('keeps every merchant of the reference bank, as written and in capitals', () => {
    const changed = merchants
      .flatMap((m) => [m.name, m.name.toUpperCase(), `Card payment to ${m.name}`])
      .filter((text) => scrubMemo(text) !== text);
    expect(changed).toEqual([]);
  });

  it.each(['John Lewis', 'Ted Baker', 'Paul Smith', 'Laura Ashley', 'Jo Malone', 'Hugo Boss'])(
    'keeps %s, a shop named after a person',
    (shop) => {
      expect(scrubMemo(`${shop} 0412`)).toBe(`${shop} 0412`);
      expect(scrubMemo(`Transfer to ${shop}`)).toBe(`Transfer to ${shop}`);
    },
  );

  it('still scrubs a person next to a merchant', () => {
    expect(scrubMemo('John Lewis gift card for Olivia Smith')).toBe('John Lewis gift card for [name]');
  });
});
