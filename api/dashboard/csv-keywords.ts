// Keywords from a pasted text or an uploaded CSV file: the first column of each row (RFC 4180 quoting), one keyword a
// line; a header row named keyword(s) and empty rows are skipped. Lines are kept so an API error can name the line.

export interface ParsedKeywords {
  keywords: string[];
  /** The 1-based source line of each keyword. */
  lines: number[];
}

export function parseKeywordCsv(text: string): ParsedKeywords {
  const keywords: string[] = [];
  const lines: number[] = [];
  const rows = rowsOf(text.replace(/^\uFEFF/, ''));
  rows.forEach(({ first, line }, i) => {
    if (i === 0 && /^keywords?$/i.test(first.trim())) return;
    if (first.trim() === '') return;
    keywords.push(first);
    lines.push(line);
  });
  return { keywords, lines };
}

/** The first field of each record, with the line it starts on; quoted fields may hold commas, quotes and newlines. */
function rowsOf(text: string): { first: string; line: number }[] {
  const out: { first: string; line: number }[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    let first = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          first += '"';
          i += 2;
          continue;
        }
        if (text[i] === '"') {
          i++;
          break;
        }
        if (text[i] === '\n') line++;
        first += text[i++];
      }
    }
    // the rest of the record: unquoted first field, or other fields (skipped, quotes respected)
    let inQuotes = false;
    let field = 0;
    while (i < text.length && (inQuotes || (text[i] !== '\n' && text[i] !== '\r'))) {
      const ch = text[i++]!;
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === '\n') line++;
      else if (ch === ',' && !inQuotes) field++;
      else if (field === 0 && !inQuotes) first += ch;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    out.push({ first, line: start });
  }
  return out;
}

/** "keywords[12]: …" from the API, told as the line the keyword came from. */
export function onLine(message: string, lines: number[]): string {
  return message.replace(/^keywords\[(\d+)\]/, (all, index: string) => {
    const line = lines[Number(index)];
    return line === undefined ? all : `line ${line}`;
  });
}
