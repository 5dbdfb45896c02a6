// validateUpload and writeUpload: the importReport workflow's two steps over a staged file, heartbeating line progress.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { ImportLineProgress, ImportReportResult, RankVolumeFit, ValidateUploadResult } from '../../workflows/types/import-report';
import { FailureType } from '../../workflows/types/failures';
import type { Orm } from '../db/orm';
import { decodeLines } from './decode';
import { PARSERS } from './formats';
import type { ParsedReport } from './formats/types';
import { ReportLineError } from './report-error';
import { markImported, readUpload, type UploadRow } from '../db/repositories/import-uploads';
import { writeDemand, writeObservations, writeRanks, type Written } from './write-rows';

const HEARTBEAT_EVERY_LINES = 5_000;

export async function validateUpload(orm: Orm, input: { uploadId: string }): Promise<ValidateUploadResult> {
  const upload = await readUpload(orm.em.fork(), input.uploadId);
  if (!upload) throw ApplicationFailure.nonRetryable(`uploadId: no staged upload ${input.uploadId}`, FailureType.InvalidInput);
  const checked = { format: upload.format, sha256: upload.sha256.trim(), importedBy: upload.imported_by };
  if (upload.imported_by !== null) return { ...checked, lines: 0, records: upload.rows_written ?? 0 };
  const { lines, report } = parse(upload, 'validate');
  return { ...checked, lines, records: report.rows.length };
}

export async function writeUpload(orm: Orm, input: { uploadId: string; workflowId: string }): Promise<ImportReportResult> {
  return orm.em.fork().transactional(async (tx) => {
    const upload = await readUpload(tx, input.uploadId);
    if (!upload) throw ApplicationFailure.nonRetryable(`uploadId: no staged upload ${input.uploadId}`, FailureType.InvalidInput);
    const base = { uploadId: input.uploadId, format: upload.format, sha256: upload.sha256.trim() };
    if (upload.imported_by !== null) {
      return {
        ...base,
        status: 'already-imported',
        importedBy: upload.imported_by,
        lines: 0,
        records: upload.rows_written ?? 0,
        written: {},
        message: `these bytes were already imported by ${upload.imported_by}: nothing written`,
      };
    }
    const { lines, report } = parse(upload, 'write');
    const { written, fits }: Written =
      report.kind === 'observations'
        ? await writeObservations(tx, report.rows, `dataset:${upload.file_name}`, input.workflowId)
        : report.kind === 'demand'
          ? await writeDemand(tx, report, input.uploadId, upload.format)
          : await writeRanks(tx, report, input.uploadId);
    const summary = Object.entries(written)
      .map(([what, n]) => `${n} ${what.replaceAll('_', ' ')}`)
      .join(', ');
    const result: ImportReportResult = {
      ...base,
      status: 'imported',
      importedBy: input.workflowId,
      lines,
      records: report.rows.length,
      written,
      ...(fits ? { fits } : {}),
      message: `imported ${summary} from ${upload.file_name}${fits?.map(describeFit).join('') ?? ''}`,
    };
    await markImported(tx, input.uploadId, result);
    return result;
  });
}

/** One period's fit in the run's message: what the estimates rest on and their measured error. */
function describeFit(f: RankVolumeFit): string {
  const period = `${f.periodFrom}–${f.periodTo}`;
  if (!f.fit) return `; ${period}: ranks stored, no volume estimated (${f.reason})`;
  const error = f.fit.heldOutMedianApe === null ? 'n/a' : `${Math.round(f.fit.heldOutMedianApe * 1000) / 10}%`;
  return `; ${period}: rank→volume fit on ${f.fit.trainedOn} SQP terms, held-out median error ${error} on ${f.fit.heldOut} terms`;
}

/** The whole file or a ReportLineError as a non-retryable InvalidInput naming the line and the field. */
function parse(upload: UploadRow, step: ImportLineProgress['step']): { lines: number; report: ParsedReport } {
  const ctx = Context.current();
  try {
    const lines = decodeLines(upload.content);
    const report = PARSERS[upload.format]!(lines, (line) => {
      if (line % HEARTBEAT_EVERY_LINES === 0) ctx.heartbeat({ step, line, totalLines: lines.length } satisfies ImportLineProgress);
    });
    if (report.rows.length === 0) throw new ReportLineError(lines.length || 1, '(file)', `has no ${upload.format} records`);
    ctx.heartbeat({ step, line: lines.length, totalLines: lines.length } satisfies ImportLineProgress);
    return { lines: lines.length, report };
  } catch (err) {
    if (err instanceof ReportLineError) {
      throw ApplicationFailure.nonRetryable(err.message, FailureType.InvalidInput, { line: err.line, field: err.field });
    }
    throw err;
  }
}
