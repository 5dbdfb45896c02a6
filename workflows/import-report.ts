// importReport: one staged file, validated whole (nothing written on any error), then written in one transaction.
import { proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { importProgressQuery, type ImportProgress, type ImportReportInput, type ImportReportResult } from './types/import-report';
import { asInvalidInput, InputError } from './validation';

const { validateUpload, writeUpload } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  // both heartbeat every few thousand lines; silence this long means a dead worker
  heartbeatTimeout: '1 minute',
  // a bad file fails non-retryably (InvalidInput); retries are for the database being away
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

export async function importReport(input: ImportReportInput): Promise<ImportReportResult> {
  const uploadId = asInvalidInput(() => {
    if (typeof input?.uploadId !== 'string' || !/^\d{1,18}$/.test(input.uploadId))
      throw new InputError('uploadId', 'must be a report_uploads id');
    return input.uploadId;
  });
  const progress: ImportProgress = { phase: 'validating', uploadId, lines: null, records: null };
  setHandler(importProgressQuery, () => progress);

  const checked = await validateUpload({ uploadId });
  Object.assign(progress, { lines: checked.lines, records: checked.records });
  if (checked.importedBy !== null) {
    progress.phase = 'done';
    return {
      uploadId,
      format: checked.format,
      sha256: checked.sha256,
      status: 'already-imported',
      importedBy: checked.importedBy,
      lines: checked.lines,
      records: checked.records,
      written: {},
      message: `these bytes (sha256 ${checked.sha256.slice(0, 12)}…) were already imported by ${checked.importedBy}: nothing written`,
    };
  }
  progress.phase = 'writing';
  // the write re-checks under a row lock: two runs of the same bytes cannot both write
  const result = await writeUpload({ uploadId, workflowId: workflowInfo().workflowId });
  progress.phase = 'done';
  return result;
}
