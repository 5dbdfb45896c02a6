// report_uploads: a report file staged for the importReport workflow, unique by (format, sha256) so the same bytes
// import once (migration ..._report_uploads; its statements are in repositories/import-uploads.ts).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export interface ReportUpload {
  id: string;
  format: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  content: Buffer;
  uploadedAt: Date;
  importedAt: Date | null;
  /** The importReport run that imported it. */
  importedBy: string | null;
  rowsWritten: number | null;
  /** The import's stored result (rows written, rank→volume fits), for GET /imports/{id}. */
  result: Record<string, unknown> | null;
}

export const ReportUploadSchema = new EntitySchema<ReportUpload>({
  name: 'ReportUpload',
  tableName: 'report_uploads',
  uniques: [{ name: 'report_uploads_format_sha256_unique', properties: ['format', 'sha256'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    format: { type: 'string', length: 40 },
    fileName: { type: 'string', length: 200 },
    sha256: { type: 'string', columnType: 'char(64)' },
    sizeBytes: { type: 'integer' },
    // loaded only to import it
    content: { type: 'blob', lazy: true },
    uploadedAt: { type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' },
    importedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    importedBy: { type: 'string', length: 200, nullable: true },
    rowsWritten: { type: 'integer', nullable: true },
    result: { type: 'json', nullable: true },
  },
});
