import type { ErrorObject } from 'ajv';
import { childPointer } from '../json/json-pointer.js';
import { schemaValidator } from '../schemas/compile-validators.js';
import type { DocumentKind } from '../types/metadata-set.js';
import type { MetadataError } from './metadata-error.js';

/** A schema error, with the ajv keyword kept so identifier checks can replace pattern errors. */
export interface SchemaError extends MetadataError {
  keyword: string;
}

/** Validates a document against its kind's JSON Schema; paths point at the offending member. */
export function schemaErrors(kind: DocumentKind, doc: unknown): SchemaError[] {
  const validate = schemaValidator(kind);
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: SchemaError[] = [];
  for (const e of validate.errors ?? []) {
    const mapped = mapError(e);
    if (!mapped) continue;
    const key = mapped.path + '\0' + mapped.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(mapped);
  }
  return out;
}

function mapError(e: ErrorObject): SchemaError | undefined {
  // `if` only says "must match then"; the `then` errors say what is wrong.
  if (e.keyword === 'if' || e.keyword === 'propertyNames') return undefined;
  let path = e.instancePath;
  if (e.propertyName !== undefined) path = childPointer(path, e.propertyName);
  const p = e.params as Record<string, unknown>;
  let message = e.message ?? 'is invalid';
  switch (e.keyword) {
    case 'required':
      path = childPointer(path, String(p.missingProperty));
      message = 'is required';
      break;
    case 'additionalProperties':
      path = childPointer(path, String(p.additionalProperty));
      message = 'is not allowed here';
      break;
    case 'dependencies':
      path = childPointer(path, String(p.property));
      message = `requires ${String(p.deps)}`;
      break;
    case 'enum':
      message = `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'const':
      message = `must be ${JSON.stringify(p.allowedValue)}`;
      break;
    case 'pattern':
      if (e.propertyName !== undefined) message = 'is not a valid identifier';
      break;
  }
  return { path, message, code: 'schema', keyword: e.keyword };
}
