import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPluginOptions } from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv, options?: FormatsPluginOptions) => Ajv;

/**
 * A fresh ajv for one metadata revision: ajv keeps every schema it compiled, so
 * dropping the instance is what frees a revision's validators.
 */
export function createRecordAjv(): Ajv {
  // verbose: errors carry their parentSchema, where `x-messages` lives.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv, { keywords: true }); // keywords: formatMinimum on date and date-time
  ajv.addKeyword({ keyword: 'x-messages', schemaType: 'object' });
  // multipleOf: 0.01 refuses some large two-decimal amounts (division rounding); this does not.
  ajv.addKeyword({
    keyword: 'x-decimals',
    type: 'number',
    schemaType: 'number',
    validate: (decimals: number, data: number) => Number(data.toFixed(decimals)) === data,
  });
  return ajv;
}
