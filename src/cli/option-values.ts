// Parsers and defaults of option values; light enough for `curtain --help` to load.

export const today = () => new Date().toISOString().slice(0, 10);

export const asInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${value}`);
  return n;
};

/** `--density`: real, thin, or a number of card payments per customer per month (0–1000). */
export const asDensity = (value: string): 'real' | 'thin' | number => {
  if (value === 'real' || value === 'thin') return value;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1000) {
    throw new Error(`--density must be real, thin or a number of card payments a month (0–1000): ${value}`);
  }
  return n;
};
