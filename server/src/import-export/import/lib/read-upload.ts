import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { badRequest, ProblemError } from '../../../common/problem.js';

export interface Upload {
  file: Buffer;
  fileName: string | null;
  fields: Record<string, string>;
}

/** multipart/form-data with one part `file` and text fields; the limits are @fastify/multipart's (413 past them). */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) {
    throw badRequest('An import is multipart/form-data with the file in a part named "file"', [{ path: '/file', message: 'is required' }]);
  }
  let file: Buffer | null = null;
  let fileName: string | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) throw badRequest('Send exactly one file, in the part named "file"', [{ path: `/${part.fieldname}`, message: 'is not the one file part' }]);
        file = await part.toBuffer();
        fileName = part.filename ? part.filename.slice(0, 255) : null;
      } else {
        if (Object.hasOwn(fields, part.fieldname)) throw badRequest(`${part.fieldname} is given twice`, [{ path: `/${part.fieldname}`, message: 'is given twice' }]);
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/^FST_(REQ_FILE_TOO_LARGE|FILES_LIMIT|PARTS_LIMIT|FIELDS_LIMIT)$/.test(code)) throw new ProblemError('payload_too_large', `The upload is over a limit of imports (${(e as Error).message})`);
    throw e;
  }
  if (!file || !file.length) throw badRequest('The file is missing or empty', [{ path: '/file', message: 'is required' }]);
  return { file, fileName, fields };
}
