// report_uploads: every statement on the table. A file staged for the importReport workflow, unique by
// (format, sha256) so the same bytes stage once and import once.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { ImportFormat, ImportReportResult } from '../../../workflows/types/import-report';

export interface UploadRow {
  id: string;
  format: ImportFormat;
  file_name: string;
  sha256: string;
  content: Buffer;
  imported_by: string | null;
  rows_written: number | null;
}

const trxOf = (em: EntityManager) => em.getTransactionContext<Knex.Transaction>();

/** Stages the bytes; the same bytes again keep the first staging (and whether it was imported). */
export async function insertUpload(
  em: EntityManager,
  upload: { format: ImportFormat; fileName: string; sha256: string; bytes: Buffer },
): Promise<{ id: string; importedBy: string | null }> {
  const [row] = (
    await em.getKnex().raw(
      `insert into report_uploads (format, file_name, sha256, size_bytes, content) values (?, ?, ?, ?, ?)
     on conflict (format, sha256) do update set format = excluded.format returning id, imported_by`,
      [upload.format, upload.fileName.slice(0, 200), upload.sha256, upload.bytes.length, upload.bytes],
    )
  ).rows as { id: string; imported_by: string | null }[];
  return { id: String(row!.id), importedBy: row!.imported_by };
}

/** One staged file; inside a transaction it is locked for the rest of it (the write's idempotency check). */
export async function readUpload(em: EntityManager, uploadId: string): Promise<UploadRow | undefined> {
  const trx = trxOf(em);
  const query = em.getKnex()<UploadRow>('report_uploads').where({ id: uploadId }).first();
  return (trx ? query.forUpdate().transacting(trx) : query) as Promise<UploadRow | undefined>;
}

/** Marks the upload imported by the run, keeping the run's result (rows written, fits) beyond the workflow's history. */
export async function markImported(em: EntityManager, uploadId: string, result: ImportReportResult): Promise<void> {
  const update = em
    .getKnex()('report_uploads')
    .update({ imported_at: new Date(), imported_by: result.importedBy, rows_written: result.records, result: JSON.stringify(result) })
    .where({ id: uploadId });
  const trx = trxOf(em);
  await (trx ? update.transacting(trx) : update);
}

/** GET /imports/{id}: an upload without its bytes. */
export interface UploadRecord {
  uploadId: string;
  format: ImportFormat;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  uploadedAt: string;
  importedAt: string | null;
  importedBy: string | null;
  rowsWritten: number | null;
  result: ImportReportResult | null;
}

export async function findUpload(em: EntityManager, uploadId: string): Promise<UploadRecord | null> {
  const [row] = await em.getConnection().execute<UploadRecord[]>(
    `select id::text as "uploadId", format, file_name as "fileName", trim(sha256) as sha256, size_bytes as "sizeBytes",
            uploaded_at as "uploadedAt", imported_at as "importedAt", imported_by as "importedBy",
            rows_written as "rowsWritten", result
       from report_uploads where id = ?`,
    [uploadId],
  );
  if (!row) return null;
  const iso = (d: unknown) => (d === null ? null : new Date(d as string).toISOString());
  return { ...row, uploadedAt: iso(row.uploadedAt)!, importedAt: iso(row.importedAt) };
}
