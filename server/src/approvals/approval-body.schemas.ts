/** Request bodies of the approvals API (API.md "Approvals"), checked by ajv at the edge: unknown properties → 422. */
const identifier = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' };
const comment = { type: 'string', maxLength: 5000 };
const requiredComment = { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' };
const uuid = { type: 'string', format: 'uuid' };
const body = (properties: Record<string, object>, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties });

export const submitSchema = body({ object: identifier, recordId: { type: 'string', minLength: 1, maxLength: 100 }, process: identifier, comment, targetStage: identifier }, ['object', 'recordId']);
export const approveSchema = body({ comment });
export const rejectSchema = body({ comment: requiredComment }, ['comment']);
export const returnSchema = body({ toStep: { anyOf: [{ type: 'integer', minimum: 0, maximum: 49 }, identifier] }, comment });
export const recallSchema = body({ comment });
export const reassignSchema = body({ to: uuid, comment }, ['to']);
export const commentSchema = body({ comment: requiredComment }, ['comment']);
