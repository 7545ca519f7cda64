// An MCC written by name (`mcc: "restaurants"`): the listed code it most likely means, for a "did you mean".
import { mccCodes, type MccCode } from '../core/mcc-codes.ts';
import { suggestName } from './diagnostics.ts';

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * The MCC whose description is the name, contains it, or is one edit from it (per word); undefined when
 * none is close. The first listed code wins among several.
 */
export function mccByName(name: string): MccCode | undefined {
  const wanted = words(name);
  if (wanted.length === 0) return undefined;
  const phrase = wanted.join(' ');
  const described = mccCodes.map((code) => ({ code, text: words(code.description).join(' ') }));
  const exact = described.find((d) => d.text === phrase) ?? described.find((d) => d.text.includes(phrase));
  if (exact !== undefined) return exact.code;
  const close = described.find((d) => {
    const have = d.text.split(' ');
    return wanted.every((w) => have.includes(w) || suggestName(w, have) !== undefined);
  });
  return close?.code;
}
