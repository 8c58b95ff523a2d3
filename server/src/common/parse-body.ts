import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { invalid, ProblemItem } from './problem.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates a request body against a JSON Schema (compiled once per schema) → 422 with JSON-pointer paths. */
export function parseBody<T>(schema: object, body: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (body === undefined || body === null) body = {};
  if (!validate(body)) throw invalid(ajvErrorsToProblems(validate.errors ?? []));
  return body as T;
}

/** ajv errors → `{ path, message }` with the path pointing at the offending property. */
export function ajvErrorsToProblems(errors: ErrorObject[]): ProblemItem[] {
  return errors.map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    if (e.keyword === 'required') return { path: `${e.instancePath}/${params.missingProperty}`, message: 'is required' };
    if (e.keyword === 'additionalProperties') return { path: `${e.instancePath}/${params.additionalProperty}`, message: 'is not a known field' };
    return { path: e.instancePath || '/', message: e.message ?? 'is invalid' };
  });
}
