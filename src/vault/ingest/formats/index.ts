// The statement formats Curtain reads, by name, and the helpers to choose and configure one.
import type { ParserRegistry } from './parser.ts';
import { parseCamt053 } from './camt053.ts';
import { parseCsv } from './csv.ts';
import { parseFdx } from './fdx.ts';
import { parseOfx } from './ofx.ts';

export const parsers: ParserRegistry = {
  csv: parseCsv,
  camt053: parseCamt053,
  ofx: parseOfx,
  fdx: parseFdx,
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
