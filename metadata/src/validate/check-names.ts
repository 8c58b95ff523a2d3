import { identifierProblem } from '../identifiers/is-identifier.js';
import { isSystemField } from '../identifiers/system-fields.js';
import { pointer } from '../json/json-pointer.js';
import { isRecord, ownEntries } from '../json/is-record.js';
import type { DocumentKind } from '../types/metadata-set.js';
import type { ErrorList } from './metadata-error.js';

/**
 * Checks every name a document defines (its own name, fields, option keys,
 * stage keys, step, section and validation names) against the identifier rules,
 * and that no field takes a system column's name.
 */
export function checkNames(kind: DocumentKind, doc: unknown, errors: ErrorList): void {
  if (!isRecord(doc)) return;
  const check = (name: unknown, ...path: (string | number)[]): void => {
    if (name === undefined) return;
    const problem = identifierProblem(name);
    if (problem) errors.add(pointer(...path), problem.message, problem.code);
  };
  check(doc.name, 'name');
  const eachItem = (list: unknown, key: string, ...path: string[]): void => {
    if (Array.isArray(list)) list.forEach((item, i) => isRecord(item) && check(item[key], ...path, i, key));
  };
  switch (kind) {
    case 'object':
      for (const [name, field] of ownEntries(doc.fields)) {
        check(name, 'fields', name);
        if (isSystemField(name)) {
          errors.add(pointer('fields', name), `"${name}" is a system column every object has; choose another name`, 'system_field');
        }
        if (isRecord(field)) eachItem(field.options, 'key', 'fields', name, 'options');
      }
      eachItem(doc.validations, 'name', 'validations');
      return;
    case 'pipeline':
      eachItem(doc.stages, 'key', 'stages');
      return;
    case 'approval':
      eachItem(doc.steps, 'name', 'steps');
      return;
    case 'layout':
      eachItem(doc.sections, 'name', 'sections');
      return;
    default:
      return;
  }
}
