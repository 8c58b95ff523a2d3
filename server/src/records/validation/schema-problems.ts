import type { ErrorObject } from 'ajv';
import { ajvErrorsToProblems } from '../../common/parse-body.js';
import type { ProblemItem } from '../../common/problem.js';

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be a valid email',
  uri: 'must be a valid URL',
  date: 'must be a date (YYYY-MM-DD)',
  'date-time': 'must be an ISO 8601 date-time with a time zone',
  uuid: 'must be a UUID',
};

/**
 * ajv errors of a record schema → `{ path, message }` with JSON-pointer paths.
 * Messages come from the schema's `x-messages` where it names one, else are made
 * readable here; the path mapping itself is the shared `ajvErrorsToProblems`.
 */
export function schemaErrorsToProblems(errors: readonly ErrorObject[]): ProblemItem[] {
  return ajvErrorsToProblems(errors.map(readable));
}

function readable(error: ErrorObject): ErrorObject {
  const custom = (error.parentSchema?.['x-messages'] as Record<string, string> | undefined)?.[error.keyword];
  if (custom) return { ...error, message: custom };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { ...error, message: `must be ${String(params.type).split(',').join(' or ')}` };
    case 'format':
      return { ...error, message: FORMAT_MESSAGES[String(params.format)] ?? error.message };
    case 'enum':
      return { ...error, message: `must be one of ${describeChoices(params.allowedValues as unknown[])}` };
    case 'uniqueItems': {
      // Point at the repeated item rather than at the array.
      const [first, repeat] = [params.i, params.j].map(Number).sort((a, b) => a - b);
      return { ...error, instancePath: `${error.instancePath}/${repeat}`, message: `repeats item ${first}` };
    }
    default:
      return error;
  }
}

function describeChoices(values: unknown[]): string {
  const keys = values.filter((v) => v !== null).map((v) => JSON.stringify(v));
  const shown = keys.length > 20 ? [...keys.slice(0, 20), '…'] : keys;
  return shown.join(', ') + (values.includes(null) ? ' or null' : '');
}
