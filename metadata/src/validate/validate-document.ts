import { ownEntries } from '../json/is-record.js';
import { pointer } from '../json/json-pointer.js';
import type { ApprovalDef } from '../types/approval-def.js';
import type { AutomationDef } from '../types/automation-def.js';
import type { LayoutDef } from '../types/layout-def.js';
import type { DocumentKind } from '../types/metadata-set.js';
import type { ObjectDef } from '../types/object-def.js';
import type { PipelineDef } from '../types/pipeline-def.js';
import type { PluginManifest } from '../types/plugin-manifest.js';
import type { RoleDef } from '../types/role-def.js';
import { checkApprovalDocument } from './check-approval-document.js';
import { checkAutomationDocument } from './check-automation-document.js';
import { checkLayoutDocument } from './check-layout-document.js';
import { checkNames } from './check-names.js';
import { checkObjectDocument } from './check-object-document.js';
import { checkPipelineDocument } from './check-pipeline-document.js';
import { ErrorList, type MetadataError } from './metadata-error.js';
import { schemaErrors } from './schema-errors.js';

/**
 * Validates one document of a kind on its own: its JSON Schema, identifier rules
 * and everything checkable without the rest of the set (references to other
 * definitions are checked by validateMetadataSet). Paths point into the document.
 * @example validateDocument('object', { kind: 'object', name: 'select', … }) // [{ path: '/name', … }]
 */
export function validateDocument(kind: DocumentKind, doc: unknown): MetadataError[] {
  const names = new ErrorList();
  checkNames(kind, doc, names);
  const named = new Set(names.items.map((e) => e.path));
  // A name the identifier check explains needs no second, vaguer schema error.
  const schema = schemaErrors(kind, doc).filter((e) => !(e.keyword === 'pattern' && named.has(e.path)));
  const errors = new ErrorList();
  errors.addAll(names.items);
  errors.addAll(schema.map(({ keyword: _k, ...e }) => e));
  if (schema.length === 0) checkKind(kind, doc, errors);
  return withoutRepeats(errors.items);
}

function checkKind(kind: DocumentKind, doc: unknown, errors: ErrorList): void {
  switch (kind) {
    case 'object': return checkObjectDocument(doc as ObjectDef, errors);
    case 'pipeline': return checkPipelineDocument(doc as PipelineDef, errors);
    case 'approval': return checkApprovalDocument(doc as ApprovalDef, errors);
    case 'automation': return checkAutomationDocument(doc as AutomationDef, errors);
    case 'layout': return checkLayoutDocument(doc as LayoutDef, errors);
    case 'role': {
      const role = doc as RoleDef;
      role.inherits?.forEach((r, i) => r === role.name && errors.add(pointer('inherits', i), 'a role cannot inherit itself', 'inherit_cycle'));
      return;
    }
    case 'plugin': {
      const plugin = doc as PluginManifest;
      for (const [dep] of ownEntries(plugin.dependsOn)) {
        if (dep === plugin.name) errors.add(pointer('dependsOn', dep), 'a plugin cannot depend on itself', 'invalid_value');
      }
      return;
    }
  }
}

/** One error per path and code (a too-long field name is also a too-long column). */
function withoutRepeats(errors: MetadataError[]): MetadataError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\0${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
