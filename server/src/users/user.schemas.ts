const uuidOrNull = { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] };
const roleName = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' };

const userProps = {
  email: { type: 'string', format: 'email', maxLength: 320 },
  name: { type: 'string', minLength: 1, maxLength: 200 },
  password: { type: 'string', minLength: 8, maxLength: 200 },
  roles: { type: 'array', items: roleName, maxItems: 50, uniqueItems: true },
  team: uuidOrNull,
  manager: uuidOrNull,
  active: { type: 'boolean' },
  locale: { anyOf: [{ enum: ['en', 'zh-CN'] }, { type: 'null' }] },
};

export const createUserSchema = { type: 'object', additionalProperties: false, required: ['email', 'name', 'password'], properties: userProps };
export const updateUserSchema = { type: 'object', additionalProperties: false, minProperties: 1, properties: userProps };

const teamProps = { name: { type: 'string', minLength: 1, maxLength: 200 }, parent: uuidOrNull };
export const createTeamSchema = { type: 'object', additionalProperties: false, required: ['name'], properties: teamProps };
export const updateTeamSchema = { type: 'object', additionalProperties: false, minProperties: 1, properties: teamProps };
