// One line of a CSV (comma, RFC 4180 quoting) or TSV file as its cells. Quoted cells may not span lines.
import { ReportLineError } from './report-error';

export function splitDelimited(line: string, delimiter: ',' | '\t', lineNo: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new ReportLineError(lineNo, '(line)', 'has an unterminated quoted cell');
  cells.push(cell);
  return cells;
}
