// Staging a report file for the importReport workflow: the format and size checked, the bytes hashed and stored once.
import { createHash } from 'node:crypto';
import { insertUpload } from '../db/repositories/import-uploads';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from '../../workflows/types/import-report';
import { InputError } from '../../workflows/validation';
import type { Orm } from '../db/orm';

export interface StagedUpload {
  uploadId: string;
  sha256: string;
  /** The workflow that already imported these bytes, if any. */
  importedBy: string | null;
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
  const row = await insertUpload(orm.em.fork(), { format, fileName, sha256, bytes });
  return { uploadId: row.id, sha256, importedBy: row.importedBy };
}
