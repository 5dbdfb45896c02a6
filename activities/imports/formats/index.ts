// Every import format's parser, by the name POST /imports and `npm run import -- --format` take.
import type { ImportFormat } from '../../../workflows/types/import-report';
import { parseAmazonSearchTerms } from './amazon-search-terms';
import { parseAmazonSpSearchTerms } from './amazon-sp-search-terms';
import { parseAmazonSqp } from './amazon-sqp';
import { parseKeywordPlannerCsv } from './keyword-planner-csv';
import { parseObservations } from './observations';
import type { ReportParser } from './types';

export const PARSERS: Record<ImportFormat, ReportParser> = {
  observations: parseObservations,
  'keyword-planner-csv': parseKeywordPlannerCsv,
  'amazon-sqp': parseAmazonSqp,
  'amazon-search-terms': parseAmazonSearchTerms,
  'amazon-sp-search-terms': parseAmazonSpSearchTerms,
};
