/**
 * A condition as written in metadata and filters (MongoDB-style JSON, DESIGN.md §2).
 * Parse it with `parseCondition` before use; this type only says "a JSON object".
 */
export type ConditionJson = { [key: string]: unknown };
