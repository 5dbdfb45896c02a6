// POST /imports: stage a seller's report in PostgreSQL and start the importReport workflow on it (202 with the run);
// GET /imports/{id}: the staged upload and, once imported, the run's result (rows written, rank→volume fits).
import { createRoute, z } from '@hono/zod-openapi';
import { findUpload } from '../../activities/db/repositories/import-uploads';
import { stageUpload } from '../../activities/imports/uploads';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from '../../workflows/types/import-report';
import type { ApiDeps } from '../deps';
import { HttpError, payloadTooLarge } from '../errors';
import { zodError } from '../validate';
import { apiKeySecurity, errors, json, readErrors, RunStarted, routes, writeErrors } from '../openapi';
import { runId, startRun } from '../start';

/** The largest file base64-encoded in JSON, plus framing; the file itself is checked against MAX_IMPORT_BYTES. */
export const IMPORT_BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

const format = z.enum(IMPORT_FORMATS).openapi({
  description: 'observations (JSON lines), keyword-planner-csv, amazon-sqp, amazon-search-terms, amazon-sp-search-terms (docs/imports.md)',
});
// standard padded base64 of at least one byte (Buffer.from would silently skip anything else)
const BASE64 = String.raw`^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$`;
const fileName = z.string().min(1).max(200).optional().openapi({ description: 'shown in the rows\' source; default "upload"' });
// one shape per encoding, so that the contract says what base64 content must be, as the server checks; inline, so
// that no discriminator is documented (encoding is optional for text, which OpenAPI's discriminator does not allow)
const JsonImport = z
  .discriminatedUnion('encoding', [
    z.strictObject({
      format,
      content: z.string().min(1, 'must not be empty').openapi({ description: 'the file as text' }),
      encoding: z.literal('utf8').optional().openapi({ description: 'default utf8' }),
      fileName,
    }),
    z.strictObject({
      format,
      content: z
        .string()
        .regex(new RegExp(BASE64), 'must be padded base64 of at least one byte, without line breaks')
        .openapi({ description: 'the file base64-encoded (UTF-16LE exports)' }),
      encoding: z.literal('base64'),
      fileName,
    }),
  ])
  .openapi('ImportRequest');
const FormImport = z
  .object({
    format,
    // an empty file part is refused (400 naming file): minLength counts its bytes
    file: z.any().openapi({ type: 'string', format: 'binary', minLength: 1, description: 'the report file, not empty' }),
  })
  // the file part is required (z.any() alone would document it as optional)
  .openapi({ required: ['format', 'file'] });
const ImportStarted = RunStarted.extend({
  uploadId: z.string(),
  sha256: z.string(),
  alreadyImportedBy: z.string().nullable().openapi({ description: 'these bytes were imported by that run: this one will write nothing' }),
}).openapi('ImportStarted');

const start = createRoute({
  method: 'post',
  path: '/imports',
  tags: ['runs'],
  summary: 'Import a report file as an importReport run',
  security: apiKeySecurity,
  description: `Validated line by line, written all or nothing, once per content (sha256). At most ${MAX_IMPORT_BYTES} bytes.`,
  // required: false so that each media type's validator runs only for its own content type; the handler re-checks
  request: {
    body: { required: false, content: { 'application/json': { schema: JsonImport }, 'multipart/form-data': { schema: FormImport } } },
  },
  responses: { 202: json(ImportStarted, 'staged and started'), ...writeErrors(), ...errors(409) },
});

const ImportRecord = z
  .object({
    uploadId: z.string(),
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    uploadedAt: z.string(),
    importedAt: z.string().nullable(),
    importedBy: z.string().nullable().openapi({ description: 'the importReport run that wrote it; null: not imported (yet, or refused)' }),
    rowsWritten: z.number().int().nullable(),
    result: z
      .unknown()
      .nullable()
      .openapi({
        description:
          "the run's result: written (rows by what), message, and for amazon-search-terms and amazon-sqp `fits`: each period's " +
          'rank→volume fit {periodFrom, periodTo, overlap, fit: {trainedOn, a, b, heldOut, heldOutMedianApe} | null, estimated, filled, reason?}',
      }),
  })
  .openapi('ImportRecord');

const read = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['runs'],
  summary: 'A staged report and its import result',
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^\d{1,18}$/, 'must be an upload id (digits)')
        .openapi({ param: { name: 'id', in: 'path' }, example: '42' }),
    }),
  },
  responses: { 200: json(ImportRecord, 'the upload'), ...readErrors(), ...errors(404) },
});

export function importRoutes(deps: ApiDeps) {
  // its body limit (IMPORT_BODY_LIMIT) is applied by the app, before the UTF-8 check reads the body (api/app.ts)
  return routes()
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const record = await findUpload(deps.orm.em.fork(), id);
      if (!record) throw new HttpError(404, 'not_found', `no staged upload '${id}'`);
      return c.json(record, 200);
    })
    .openapi(start, async (c) => {
      const {
        format: f,
        bytes,
        fileName,
      } = await fileOf(
        c.req.header('content-type') ?? '',
        () => c.req.valid('json') as z.infer<typeof JsonImport>,
        () => c.req.valid('form') as { format: ImportFormat; file?: unknown },
      );
      if (bytes.length > MAX_IMPORT_BYTES) throw payloadTooLarge(MAX_IMPORT_BYTES);
      const staged = await stageUpload(deps.orm, f, fileName, bytes);
      const run = await startRun(c, deps, 'importReport', runId(`import-${f}`, staged.sha256.slice(0, 12), { uploadId: staged.uploadId }), {
        uploadId: staged.uploadId,
      });
      return c.json({ ...run, uploadId: staged.uploadId, sha256: staged.sha256, alreadyImportedBy: staged.importedBy }, 202);
    });
}

type Upload = { format: ImportFormat; bytes: Buffer; fileName: string };

async function fileOf(
  type: string,
  jsonBody: () => z.infer<typeof JsonImport>,
  form: () => { format: ImportFormat; file?: unknown },
): Promise<Upload> {
  if (type.startsWith('multipart/form-data')) {
    const { format: f, file } = checked(FormImport, form());
    if (!(file instanceof File)) throw new HttpError(400, 'invalid_request', 'file: must be a file part', 'file');
    return { format: f, bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name || 'upload' };
  }
  const body = checked(JsonImport, jsonBody());
  return { format: body.format, bytes: Buffer.from(body.content, body.encoding ?? 'utf8'), fileName: body.fileName ?? 'upload' };
}

/** A body with no content type reaches the handler unvalidated: the same schema answers the same 400. */
function checked<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodError(parsed.error);
  return parsed.data;
}
