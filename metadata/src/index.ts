/**
 * @loom/metadata — the language of the platform: types and JSON Schemas of every
 * metadata kind, the validator, the condition language, formulas, layer merging,
 * diffing and the problem catalogue. Pure: no Node-only imports (see `./node`).
 */
export * from './types/index.js';

export { RESERVED_WORDS } from './identifiers/reserved-words.js';
export { SYSTEM_FIELDS, SYSTEM_FIELD_DEFS, isSystemField, type SystemFieldDef } from './identifiers/system-fields.js';
export { IDENTIFIER_PATTERN, identifierProblem, isIdentifier } from './identifiers/is-identifier.js';
export {
  JOIN_TABLE_COLUMNS, MAX_IDENTIFIER_BYTES, byteLength, columnName, constraintName, joinTableName, tableName,
} from './identifiers/physical-names.js';

export { getSchema, type JsonSchema } from './schemas/get-schema.js';
export type { MetadataError } from './validate/metadata-error.js';
export { validateDocument } from './validate/validate-document.js';
export { validateMetadataSet } from './validate/validate-metadata-set.js';
export { MAX_FIELDS_PER_OBJECT } from './validate/check-object-document.js';
export { cronProblem } from './validate/validate-cron.js';

export type { CompareOp, ConditionNode, Operand, ResolvedField, VariableName } from './conditions/ast.js';
export { TRUE_CONDITION } from './conditions/ast.js';
export { parseCondition, type ParseConditionOptions, type ParseConditionResult } from './conditions/parse-condition.js';
export { evaluateCondition, readPath, type ConditionVariables } from './conditions/evaluate-condition.js';
export { conditionFieldRefs, conditionFields, type ConditionFieldRef } from './conditions/condition-fields.js';
export { COMPARE_OPERATORS, VARIABLES } from './conditions/operators.js';

export type { BinaryOp, FormulaError, FormulaFunction, FormulaNode, FormulaType } from './formula/ast.js';
export { FORMULA_FUNCTIONS } from './formula/ast.js';
export { MAX_FORMULA_LENGTH, parseFormula, type ParseFormulaResult } from './formula/parse-formula.js';
export { fitsResultType, typeFormula, type TypeFormulaResult } from './formula/type-formula.js';
export { formulaFields } from './formula/formula-fields.js';

export { findField, findFieldOrSystem, findObject, isManyToOne, pipelinesOf, stageKeysOf } from './set/find-definitions.js';
export { resolveFieldPath, type ResolveResult } from './set/resolve-field-path.js';
export { fieldValueKind, type ValueKind } from './set/field-value-kind.js';

export { mergeLayers } from './merge/merge-layers.js';
export type { MergeError, MergeResult, MetadataLayer, MetadataLayerSet } from './merge/merge-types.js';
export { diffMetadata } from './diff/diff-metadata.js';
export type { ConstraintChange, FieldChange, MetadataChange, MetadataChangeKind, ObjectChange, OptionChanges } from './diff/metadata-change.js';

export { PROBLEM_BASE, PROBLEM_CODES, PROBLEM_TYPES, type ProblemCode, type ProblemType } from './errors/problem-types.js';
export { isProblem, problem, problemCodeForStatus, problemCodeOf, type Problem, type ProblemOptions } from './errors/problem.js';
