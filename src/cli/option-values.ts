// Parsers and defaults of option values; light enough for `curtain --help` to load.

export const today = () => new Date().toISOString().slice(0, 10);

export const asInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${value}`);
  return n;
};
