// report_uploads: a file staged for the importReport workflow, unique by (format, sha256) so the same bytes stage once.
import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from '../../workflows/types/import-report';
import { InputError } from '../../workflows/validation';
import type { Orm } from '../db/orm';

export interface StagedUpload {
  uploadId: string;
  sha256: string;
  /** The workflow that already imported these bytes, if any. */
  importedBy: string | null;
}

export interface UploadRow {
  id: string;
  format: ImportFormat;
  file_name: string;
  sha256: string;
  content: Buffer;
  imported_by: string | null;
  rows_written: number | null;
}

export function checkFormat(value: unknown): ImportFormat {
  if (!(IMPORT_FORMATS as readonly unknown[]).includes(value))
    throw new InputError('format', `must be one of ${IMPORT_FORMATS.join(', ')}`);
  return value as ImportFormat;
}

export async function stageUpload(orm: Orm, format: ImportFormat, fileName: string, bytes: Buffer): Promise<StagedUpload> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new InputError('file', `is ${bytes.length} bytes, larger than the ${MAX_IMPORT_BYTES} bytes an import takes`);
  if (bytes.length === 0) throw new InputError('file', 'is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const knex = orm.em.getKnex();
  // the same bytes again: keep the first staging (and whether it was imported)
  const [row] = (
    await knex.raw(
      `insert into report_uploads (format, file_name, sha256, size_bytes, content) values (?, ?, ?, ?, ?)
     on conflict (format, sha256) do update set format = excluded.format returning id, imported_by`,
      [format, fileName.slice(0, 200), sha256, bytes.length, bytes],
    )
  ).rows as { id: string; imported_by: string | null }[];
  return { uploadId: String(row!.id), sha256, importedBy: row!.imported_by };
}

/** One staged file; `forUpdate` locks it for the rest of the transaction (the write's idempotency check). */
export async function readUpload(knex: Knex, uploadId: string, trx?: Knex.Transaction): Promise<UploadRow | undefined> {
  const query = knex<UploadRow>('report_uploads').where({ id: uploadId }).first();
  return (trx ? query.forUpdate().transacting(trx) : query) as Promise<UploadRow | undefined>;
}
