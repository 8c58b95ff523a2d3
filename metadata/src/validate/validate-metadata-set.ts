import { isRecord } from '../json/is-record.js';
import { childPointer, pointer } from '../json/json-pointer.js';
import type { ApprovalDef } from '../types/approval-def.js';
import type { AutomationDef } from '../types/automation-def.js';
import type { LayoutDef } from '../types/layout-def.js';
import { SECTION_OF_KIND, METADATA_KINDS, type MetadataSet } from '../types/metadata-set.js';
import type { ObjectDef } from '../types/object-def.js';
import type { PipelineDef } from '../types/pipeline-def.js';
import type { RoleDef } from '../types/role-def.js';
import { ErrorList, type MetadataError } from './metadata-error.js';
import { checkApprovalReferences } from './references/check-approval-references.js';
import { checkAutomationReferences } from './references/check-automation-references.js';
import { checkFormulaCycles } from './references/check-formula-cycles.js';
import { checkLayoutReferences } from './references/check-layout-references.js';
import { checkObjectReferences, checkTableNames } from './references/check-object-references.js';
import { checkPipelineReferences } from './references/check-pipeline-references.js';
import { checkRoleCycles, checkRoleReferences } from './references/check-role-references.js';
import { validateDocument } from './validate-document.js';

interface ValidDocuments {
  objects: ObjectDef[];
  pipelines: PipelineDef[];
  approvals: ApprovalDef[];
  roles: RoleDef[];
  automations: AutomationDef[];
  layouts: LayoutDef[];
}

/**
 * Validates a whole set: every document on its own, then every reference between
 * them (relation targets, pipelines, approvals, roles, formulas, rollups, layouts,
 * conditions) and loops among formulas and roles. Paths start at the section:
 * `/objects/opportunity/fields/amount/type`. Documents with schema errors (or a
 * name that differs from their key) are not checked further.
 */
export function validateMetadataSet(set: Partial<MetadataSet>): MetadataError[] {
  const errors = new ErrorList();
  const broken = new Set<string>();
  const valid: ValidDocuments = { objects: [], pipelines: [], approvals: [], roles: [], automations: [], layouts: [] };
  for (const kind of METADATA_KINDS) {
    const section = SECTION_OF_KIND[kind];
    const docs: unknown = set[section];
    if (docs === undefined) continue;
    if (!isRecord(docs)) {
      errors.add(pointer(section), 'must be an object of definitions by name', 'schema');
      continue;
    }
    for (const [key, doc] of Object.entries(docs)) {
      const base = pointer(section, key);
      const docErrors = validateDocument(kind, doc);
      errors.addAll(docErrors, base);
      const mismatch = isRecord(doc) && typeof doc.name === 'string' && doc.name !== key;
      if (mismatch) errors.add(childPointer(base, 'name'), `"${String(doc.name)}" must match its key "${key}"`, 'name_mismatch');
      if (!mismatch && !docErrors.some((e) => e.code === 'schema')) (valid[section] as unknown[]).push(doc);
      else broken.add(`${section}/${key}`);
    }
  }
  const ctx = { set, errors, broken };
  valid.objects.forEach((o) => checkObjectReferences(ctx, o));
  checkTableNames(ctx, valid.objects);
  checkFormulaCycles(ctx, valid.objects);
  valid.pipelines.forEach((p) => checkPipelineReferences(ctx, p));
  valid.approvals.forEach((a) => checkApprovalReferences(ctx, a));
  valid.roles.forEach((r) => checkRoleReferences(ctx, r));
  checkRoleCycles(ctx, valid.roles);
  valid.automations.forEach((a) => checkAutomationReferences(ctx, a));
  valid.layouts.forEach((l) => checkLayoutReferences(ctx, l));
  return errors.items;
}
