// A staged file's bytes as lines of text: the Keyword Planner export is UTF-16LE with a BOM, everything else UTF-8;
// gzip-compressed files (Amazon's report downloads: SP-API GZIP, Ads GZIP_JSON) are unzipped first.
import { gunzipSync } from 'node:zlib';
import { MAX_IMPORT_BYTES } from '../../workflows/types/import-report';
import { ReportLineError } from './report-error';

export function decodeLines(stored: Buffer): string[] {
  const bytes = stored[0] === 0x1f && stored[1] === 0x8b ? gunzip(stored) : stored;
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    throw new ReportLineError(1, '(file)', 'is UTF-16 big-endian: save it as UTF-16LE or UTF-8');
  else {
    text = new TextDecoder('utf-8', { fatal: false }).decode(
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes,
    );
  }
  if (text.includes('\u0000'))
    throw new ReportLineError(lineOf(text, text.indexOf('\u0000')), '(line)', 'contains NUL bytes: not a text file');
  if (text.includes('\ufffd'))
    throw new ReportLineError(lineOf(text, text.indexOf('\ufffd')), '(line)', 'is not valid UTF-8 (or UTF-16LE with a BOM)');
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

function gunzip(bytes: Buffer): Buffer {
  try {
    // the same size limit as an uncompressed file: a small archive may not unpack into gigabytes
    return gunzipSync(bytes, { maxOutputLength: MAX_IMPORT_BYTES });
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ReportLineError(
      1,
      '(file)',
      tooLarge ? `unzips to more than ${MAX_IMPORT_BYTES} bytes` : 'is gzip-compressed but not a valid gzip file',
    );
  }
}
