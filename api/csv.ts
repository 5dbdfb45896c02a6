// CSV for spreadsheets (RFC 4180, UTF-8, CRLF, one header row), streamed page by page so memory stays flat whatever
// the row count. Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading '.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: unknown is empty, a list is joined with '; ', text is neutralised and quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : value.join('; ');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: readonly CsvValue[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * The header, then every row of every page, encoded as each page is needed: the next page is read only when the
 * client has taken the previous one (the stream's pull), so a slow download never piles pages up in memory.
 */
export function csvStream<T>(columns: readonly CsvColumn<T>[], pages: AsyncIterable<T[]>, bom = false): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          return controller.enqueue(encoder.encode((bom ? BOM : '') + csvRow(columns.map((c) => c.header))));
        }
        const next = await iterator.next();
        if (next.done) return controller.close();
        let text = '';
        for (const row of next.value) text += csvRow(columns.map((c) => c.value(row)));
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** CSV when asked for by ?format=csv, or by an Accept header naming text/csv without ?format=json. */
export function wantsCsv(c: Context, format: 'csv' | 'json' | undefined): boolean {
  if (format) return format === 'csv';
  return /(^|,)\s*text\/csv\b/i.test(c.req.header('accept') ?? '');
}

export function csvResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
}

/** The `format` query parameter of routes that also answer CSV. */
export const FORMATS = ['json', 'csv'] as const;

/**
 * U+FEFF, the UTF-8 byte order mark (EF BB BF): Excel reads a CSV without it in the system's legacy code page, so
 * 'café' or 'ぬいぐるみ' arrive garbled. Off by default: scripts and most CSV parsers would read it into the first
 * header ('\uFEFFkeyword'). The dashboard's download buttons ask for it (people open those in spreadsheets).
 */
const BOM = '\uFEFF';

/** The `bom` query parameter of the CSV routes. */
export const bomParam = z
  .enum(['true', 'false'])
  .optional()
  .openapi({ description: 'csv only: true starts the file with a UTF-8 byte order mark, so Excel shows non-ASCII keywords right' });
