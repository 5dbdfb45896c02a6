// Format `observations`: the JSON lines `npm run generate` writes, one observation each (blank lines skipped).
import { parseObservationLine, type ObservationLine } from './observation-line';
import type { ReportParser } from './types';

export const parseObservations: ReportParser = (lines, onLine) => {
  const rows: ObservationLine[] = [];
  lines.forEach((line, i) => {
    if (line.trim()) rows.push(parseObservationLine(line, i + 1));
    onLine(i + 1);
  });
  return { kind: 'observations', rows };
};
