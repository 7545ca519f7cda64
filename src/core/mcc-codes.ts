// The merchant category code list (ISO 18245 / card networks) with a short description of each code.
import list from 'mcc/mcc_codes.json' with { type: 'json' };

export interface MccCode {
  /** Four digits, leading zeros kept: "0742". */
  readonly mcc: string;
  readonly description: string;
}

/**
 * Codes in use since the list was compiled (2020) that card networks send today. Kept short: only
 * codes the taxonomy maps.
 */
const laterCodes: readonly MccCode[] = [
  { mcc: '5262', description: 'Marketplaces' },
  { mcc: '5552', description: 'Electric Vehicle Charging' },
  { mcc: '6050', description: 'Quasi Cash – Customer Financial Institution' },
  { mcc: '6536', description: 'MoneySend Intracountry' },
  { mcc: '6537', description: 'MoneySend Intercountry' },
  { mcc: '6538', description: 'MoneySend Funding' },
  { mcc: '6540', description: 'Non-Financial Institutions – Stored Value Card Purchase/Load' },
  { mcc: '9406', description: 'Government-Owned Lotteries (Non-U.S. region)' },
];

/** The 981 codes of the `mcc` package (greggles/mcc-codes, USDA and IRS sources). */
export const listedMccCodes: readonly MccCode[] = list.map((entry) => ({
  mcc: entry.mcc,
  description: entry.edited_description.trim(),
}));

/** Every code the taxonomy knows by name: the list plus `laterCodes`. */
export const mccCodes: readonly MccCode[] = [...listedMccCodes, ...laterCodes];

const descriptions = new Map(mccCodes.map((c) => [c.mcc, c.description]));

/** Parses "5411" (or "742" with the leading zero lost) to a number in 0–9999; -1 if it is not an MCC. */
export function mccNumber(mcc: string): number {
  const length = mcc.length;
  if (length === 0 || length > 4) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = mcc.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A human description of a code; unlisted codes in the network brand ranges get the range's name
 * (3000–3299 airlines, 3300–3499 car rental, 3500–3999 lodging).
 */
export function mccDescription(mcc: string): string | undefined {
  const n = mccNumber(mcc);
  if (n < 0) return undefined;
  const known = descriptions.get(String(n).padStart(4, '0'));
  if (known !== undefined) return known;
  if (n >= 3000 && n <= 3299) return 'Airlines';
  if (n >= 3300 && n <= 3499) return 'Car Rental';
  if (n >= 3500 && n <= 3999) return 'Hotels/Motels/Inns/Resorts';
  return undefined;
}
