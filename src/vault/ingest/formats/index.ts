// The statement formats Curtain reads, by name, and the helpers to choose and configure one.
import type { ParserRegistry } from './parser.ts';
import { parseCamt053 } from './camt053.ts';
import { withCleanText } from './clean-text.ts';
import { parseCsv } from './csv.ts';
import { parseFdx } from './fdx.ts';
import { parseOfx } from './ofx.ts';

/** Each format's parser, its rows checked for control characters and undecodable bytes (clean-text.ts). */
export const parsers: ParserRegistry = {
  csv: withCleanText(parseCsv),
  camt053: withCleanText(parseCamt053),
  ofx: withCleanText(parseOfx),
  fdx: withCleanText(parseFdx),
};

export { detectFormat } from './detect.ts';
export {
  csvMappingSchema,
  generatedBankCsvHeader,
  generatedBankCsvMapping,
  parseCsvMapping,
  type CsvMapping,
  type CsvMappingInput,
} from './csv-mapping.ts';
export type { ParseOptions, ParserRegistry, StatementParser } from './parser.ts';
export { parseCamt053, parseCsv, parseFdx, parseOfx };
