import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type { DocumentKind } from '../types/metadata-set.js';
import { schemaOf } from './get-schema.js';

// ajv-formats is CommonJS: Node hands over module.exports, bundlers may hand over its `default`;
// the plugin function is both, so take `default` when there is one.
type FormatsPlugin = typeof formatsModule.default;
const formats = formatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formats.default ?? formats;

let ajv: Ajv | undefined;
const compiled = new Map<DocumentKind, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv, ['date', 'date-time', 'time', 'uri', 'email']);
  }
  return ajv;
}

/** The compiled ajv validator of a kind, compiled once per process. */
export function schemaValidator(kind: DocumentKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    validate = instance().compile(schemaOf(kind));
    compiled.set(kind, validate);
  }
  return validate;
}

export type SchemaErrorObject = ErrorObject;
