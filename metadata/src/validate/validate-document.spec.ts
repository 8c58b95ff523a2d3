import { describe, expect, it } from 'vitest';
import { validateDocument } from './validate-document.js';

const object = (extra: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({
  kind: 'object', name: 'deal', label: { en: 'Deal', 'zh-CN': '交易' }, titleField: 'name',
  fields: { name: { type: 'text', required: true, maxLength: 200 }, ...fields }, ...extra,
});
const paths = (kind: Parameters<typeof validateDocument>[0], doc: unknown) => validateDocument(kind, doc).map((e) => e.path);
const codes = (kind: Parameters<typeof validateDocument>[0], doc: unknown) => validateDocument(kind, doc).map((e) => [e.path, e.code]);

describe('validateDocument(object)', () => {
  it('accepts a document using every field type', () => {
    const doc = object({ searchFields: ['name', 'email'], trackHistory: true, unique: [['code']], indexes: [['account', 'created_at']],
      duplicateRules: [{ match: ['email'] }, { match: ['name'], fuzzy: true }],
      validations: [{ name: 'positive', condition: { amount: { $gte: 0 } }, message: { en: 'Amount ≥ 0', 'zh-CN': '金额不能为负' } }],
    }, {
      notes: { type: 'textarea', maxLength: 5000 }, body: { type: 'richtext' }, qty: { type: 'integer', min: 0, max: 10, default: 1 },
      ratio: { type: 'number' }, amount: { type: 'currency', min: 0 }, rate: { type: 'percent' }, done: { type: 'boolean', default: false },
      due: { type: 'date', default: '$today' }, at: { type: 'datetime', default: '$now' }, email: { type: 'email', unique: true },
      phone: { type: 'phone' }, site: { type: 'url' },
      level: { type: 'select', options: [{ key: 'a', label: 'A', color: '#ff0000', order: 1 }, { key: 'b', label: { en: 'B', 'zh-CN': '乙' } }], default: 'a' },
      colours: { type: 'multiselect', options: [{ key: 'red', label: 'Red' }], default: ['red'] },
      account: { type: 'relation', target: 'account', relationType: 'manyToOne', onDelete: 'cascade' },
      lines: { type: 'relation', target: 'deal_line', relationType: 'oneToMany', inverseOf: 'deal' },
      partners: { type: 'relation', target: 'account', relationType: 'manyToMany' },
      reviewer: { type: 'user' }, stage: { type: 'stage', pipeline: 'deals' },
      code: { type: 'autonumber', pattern: 'CMP-{YYYY}-{0000}' },
      weighted: { type: 'formula', expression: 'amount * rate / 100', resultType: 'currency' },
      line_total: { type: 'rollup', object: 'deal_line', relation: 'deal', fn: 'sum', field: 'total', filter: { total: { $gt: 0 } } },
      line_count: { type: 'rollup', object: 'deal_line', relation: 'deal', fn: 'count' },
      extra: { type: 'json', default: { a: 1 } }, stars: { type: 'rating', max: 5 }, labels: { type: 'tags' },
    });
    expect(validateDocument('object', doc)).toEqual([]);
  });

  it.each([
    ['x; drop table', 'invalid_identifier'],
    ['select', 'reserved_word'],
    ['a'.repeat(64), 'name_too_long'],
    ['客户', 'invalid_identifier'],
    ['Deal', 'invalid_identifier'],
  ])('refuses the object name %j (%s) at /name, once', (name, code) => {
    expect(codes('object', { ...object(), name })).toEqual([['/name', code]]);
  });

  it.each([
    ['x; drop table', 'invalid_identifier'],
    ['order', 'reserved_word'],
    ['created_at', 'system_field'],
    ['客户', 'invalid_identifier'],
    ['a'.repeat(64), 'name_too_long'],
  ])('refuses the field name %j (%s) at its path', (name, code) => {
    expect(codes('object', object({}, { [name]: { type: 'text' } }))).toEqual([[`/fields/${name}`, code]]);
  });

  it('refuses a manyToOne relation whose column passes 63 bytes', () => {
    const name = 'r'.repeat(61);
    expect(codes('object', object({}, { [name]: { type: 'relation', target: 'account' } }))).toEqual([[`/fields/${name}`, 'name_too_long']]);
    expect(validateDocument('object', object({}, { ['r'.repeat(60)]: { type: 'relation', target: 'account' } }))).toEqual([]);
  });

  it.each([
    [{ amount: { type: 'money' } }, '/fields/amount/type'],
    [{ amount: { type: 'currency', maxLength: 3 } }, '/fields/amount/maxLength'],
    [{ amount: { type: 'currency', min: '0' } }, '/fields/amount/min'],
    [{ amount: {} }, '/fields/amount/type'],
    [{ acc: { type: 'relation' } }, '/fields/acc/target'],
    [{ acc: { type: 'relation', target: 'account', relationType: 'oneToOne' } }, '/fields/acc/relationType'],
    [{ acc: { type: 'relation', target: 'account', onDelete: 'nothing' } }, '/fields/acc/onDelete'],
    [{ level: { type: 'select' } }, '/fields/level/options'],
    [{ level: { type: 'select', options: [{ key: 'a' }] } }, '/fields/level/options/0/label'],
    [{ level: { type: 'select', options: [{ key: 'Bad Key', label: 'x' }] } }, '/fields/level/options/0/key'],
    [{ total: { type: 'rollup', object: 'line', relation: 'deal', fn: 'sum' } }, '/fields/total/field'],
    [{ total: { type: 'rollup', object: 'line', relation: 'deal', fn: 'median', field: 'x' } }, '/fields/total/fn'],
    [{ w: { type: 'formula', expression: '1' } }, '/fields/w/resultType'],
    [{ w: { type: 'formula', expression: '1', resultType: 'number', required: true } }, '/fields/w/required'],
    [{ code: { type: 'autonumber', pattern: 'CMP-{XX}' } }, '/fields/code/pattern'],
    [{ due: { type: 'date', default: 'tomorrow' } }, '/fields/due/default'],
  ])('reports a bad field %j at %s', (fields, path) => {
    expect(paths('object', object({}, fields))).toEqual([path]);
  });

  it('reports unknown and missing object props with their paths', () => {
    expect(paths('object', { ...object(), colour: 'red', label: { en: 'Deal', fr: 'Affaire' } })).toEqual(['/colour', '/label/fr']);
    const { titleField: _t, ...noTitle } = object();
    expect(paths('object', noTitle)).toEqual(['/titleField']);
    expect(paths('object', { ...object(), kind: 'pipeline' })).toEqual(['/kind']);
  });

  it.each([
    [{ level: { type: 'select', options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] } }, '/fields/level/options/1/key', 'duplicate_name'],
    [{ level: { type: 'select', options: [{ key: 'a', label: 'A' }], default: 'z' } }, '/fields/level/default', 'unknown_option'],
    [{ tags: { type: 'multiselect', options: [{ key: 'a', label: 'A' }], default: ['a', 'z'] } }, '/fields/tags/default/1', 'unknown_option'],
    [{ qty: { type: 'integer', min: 5, max: 1 } }, '/fields/qty/min', 'invalid_range'],
    [{ code: { type: 'autonumber', pattern: 'C-{0000}-{00}' } }, '/fields/code/pattern', 'invalid_pattern'],
    [{ code: { type: 'autonumber', pattern: 'C-{YYYY}' } }, '/fields/code/pattern', 'invalid_pattern'],
    [{ sku: { type: 'text', pattern: '([a-z' } }, '/fields/sku/pattern', 'invalid_pattern'],
    [{ lines: { type: 'relation', target: 'line', relationType: 'oneToMany' } }, '/fields/lines/inverseOf', 'required'],
    [{ acc: { type: 'relation', target: 'account', inverseOf: 'x' } }, '/fields/acc/inverseOf', 'invalid_value'],
    [{ many: { type: 'relation', target: 'account', relationType: 'manyToMany', onDelete: 'cascade' } }, '/fields/many/onDelete', 'invalid_value'],
    [{ acc: { type: 'relation', target: 'account', required: true, onDelete: 'setNull' } }, '/fields/acc/onDelete', 'invalid_value'],
    [{ n: { type: 'rollup', object: 'line', relation: 'deal', fn: 'count', field: 'x' } }, '/fields/n/field', 'invalid_value'],
    [{ w: { type: 'formula', expression: 'amount *', resultType: 'number' } }, '/fields/w/expression', 'formula_syntax'],
    [{ account: { type: 'relation', target: 'account' }, account_id: { type: 'text' } }, '/fields/account_id', 'column_collision'],
  ])('checks %j beyond the schema', (fields, path, code) => {
    expect(codes('object', object({}, fields))).toEqual([[path, code]]);
  });

  it('checks titleField, searchFields, unique, indexes and duplicate rules', () => {
    const doc = object({
      titleField: 'nope', searchFields: ['name', 'qty', 'ghost'], unique: [['name', 'owner']], indexes: [['created_at', 'w']],
      duplicateRules: [{ match: ['ghost'] }], validations: [{ name: 'v', condition: {}, message: 'm' }, { name: 'v', condition: {}, message: 'm' }],
    }, { qty: { type: 'integer' }, w: { type: 'formula', expression: '1', resultType: 'number' } });
    expect(codes('object', doc)).toEqual([
      ['/titleField', 'unknown_field'],
      ['/searchFields/1', 'invalid_reference'],
      ['/searchFields/2', 'unknown_field'],
      ['/unique/0/1', 'unknown_field'],
      ['/indexes/0/1', 'invalid_reference'],
      ['/duplicateRules/0/match/0', 'unknown_field'],
      ['/validations/1/name', 'duplicate_name'],
    ]);
  });

  it('caps fields per object at 500, archived included', () => {
    const fields = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, { type: 'text', archived: i % 2 === 0 }]));
    expect(validateDocument('object', object({}, fields))).toEqual([expect.objectContaining({ path: '/fields', code: 'too_many_fields' })]);
    delete fields.f0;
    expect(validateDocument('object', object({}, fields))).toEqual([]);
  });

  it('refuses non-objects', () => {
    expect(paths('object', null)).toEqual(['']);
    expect(paths('object', [])).toEqual(['']);
  });
});

describe('validateDocument(pipeline, approval, role, automation, layout, plugin)', () => {
  const pipeline = {
    kind: 'pipeline', name: 'sales', object: 'opportunity', field: 'stage', amountField: 'amount', closeDateField: 'close_date',
    stages: [{ key: 'qualify', probability: 10 }, { key: 'won', outcome: 'won', probability: 100, gate: { approval: 'big', when: { amount: { $gt: 1 } } } }, { key: 'lost', outcome: 'lost', requiredFields: ['loss_reason'] }],
    transitions: [{ from: 'qualify', to: ['won', 'lost'] }],
  };
  it('checks pipelines', () => {
    expect(validateDocument('pipeline', pipeline)).toEqual([]);
    expect(validateDocument('pipeline', { ...pipeline, transitions: 'forward' })).toEqual([]);
    expect(paths('pipeline', { ...pipeline, transitions: 'backward' })).toEqual(['/transitions']);
    expect(paths('pipeline', { ...pipeline, stages: [{ key: 'a', probability: 120 }] })).toEqual(['/stages/0/probability']);
    expect(codes('pipeline', { ...pipeline, stages: [...pipeline.stages, { key: 'won' }], transitions: [{ from: 'x', to: ['won', 'y'] }] })).toEqual([
      ['/stages/3/key', 'duplicate_name'], ['/transitions/0/from', 'unknown_stage'], ['/transitions/0/to/1', 'unknown_stage'],
    ]);
    expect(codes('pipeline', { ...pipeline, recordType: 'b2b' })).toEqual([['/recordTypeField', 'required']]);
    expect(codes('pipeline', { ...pipeline, stages: [{ key: 'end' }], transitions: 'any' })).toEqual([['/stages/0/key', 'reserved_word']]);
  });

  const approval = {
    kind: 'approval', name: 'big_discount', object: 'opportunity', entry: { discount: { $gt: 20 } }, lock: { editable: ['description'] },
    steps: [
      { name: 'manager', approvers: { manager: 'owner', levels: 2 }, mode: 'any', timeout: { hours: 24, action: 'escalate', to: { role: 'director' } } },
      { name: 'finance', when: { amount: { $gte: 500000 } }, approvers: { role: 'finance', users: ['u1'] }, mode: 'all', timeout: { minutes: 0.5, action: 'remind' } },
    ],
    onApproved: { set: { approval_status: 'approved' } }, onRejected: { set: { approval_status: 'rejected' } }, allowRecall: true,
  };
  it('checks approvals', () => {
    expect(validateDocument('approval', approval)).toEqual([]);
    const bad = structuredClone(approval) as Record<string, any>;
    bad.steps[0].mode = 'majority';
    bad.steps[0].approvers = { levels: 2 };
    bad.steps[1].timeout = { action: 'explode' };
    expect(paths('approval', bad)).toEqual(['/steps/0/approvers/levels', '/steps/0/mode', '/steps/1/timeout/action']);
    const odd = structuredClone(approval) as Record<string, any>;
    odd.steps[0].timeout = { hours: 0, action: 'escalate' };
    odd.steps[1].name = 'manager';
    expect(codes('approval', odd)).toEqual([['/steps/0/timeout', 'invalid_value'], ['/steps/0/timeout/to', 'required'], ['/steps/1/name', 'duplicate_name']]);
    expect(paths('approval', { ...approval, steps: [{ name: 's', approvers: {} }] })).toEqual(['/steps/0/approvers']);
  });

  it('checks roles', () => {
    const role = { kind: 'role', name: 'sales_rep', inherits: ['employee'], objects: {
      opportunity: { read: 'team', create: true, update: 'own', delete: 'none', fields: { cost: 'none', discount: 'read' } },
      account: { read: 'all', update: { owner: '$user.id' } } } };
    expect(validateDocument('role', role)).toEqual([]);
    expect(validateDocument('role', { kind: 'role', name: 'admin', admin: true })).toEqual([]);
    expect(paths('role', { ...role, objects: { account: { read: 'everyone', write: true, fields: { cost: 'hidden' } } } })).toEqual([
      '/objects/account/write', '/objects/account/read', '/objects/account/fields/cost',
    ]);
    expect(codes('role', { ...role, inherits: ['sales_rep'] })).toEqual([['/inherits/0', 'inherit_cycle']]);
    expect(paths('role', { ...role, objects: { 'bad name': {} } })).toEqual(['/objects/bad name']);
  });

  it('checks automations: the three trigger forms and every action', () => {
    const base = { kind: 'automation', name: 'a' };
    const actions = [
      { type: 'updateRecord', values: { status: 'done' } },
      { type: 'createRecord', object: 'task', values: { subject: 'Call {{record.name}}' } },
      { type: 'sendEmail', to: '{{record.email}}', subject: 'Hi', body: 'Hello' },
      { type: 'webhook', url: 'https://example.com/hook', method: 'POST', headers: { 'X-A': '1' }, secret: 'a-long-enough-secret', body: { a: 1 } },
      { type: 'notify', user: '{{record.owner}}', message: 'Won!' },
      { type: 'startApproval', process: 'big_discount' },
    ];
    expect(validateDocument('automation', { ...base, trigger: { object: 'deal', event: 'updated', fields: ['stage'], where: {} }, actions })).toEqual([]);
    expect(validateDocument('automation', { ...base, trigger: { schedule: '0 9 * * 1-5', object: 'contact' }, actions: actions.slice(0, 2) })).toEqual([]);
    expect(validateDocument('automation', { ...base, trigger: { object: 'deal', dateField: 'close_date', offsetDays: -3, at: '09:00' }, actions })).toEqual([]);
    expect(paths('automation', { ...base, trigger: { object: 'deal' }, actions })).toEqual(['/trigger/event']);
    expect(paths('automation', { ...base, trigger: { object: 'deal', event: 'exploded' }, actions })).toEqual(['/trigger/event']);
    expect(paths('automation', { ...base, trigger: { schedule: '0 9 * * *', event: 'created' }, actions })).toEqual(['/trigger/object', '/trigger/schedule']);
    expect(paths('automation', { ...base, trigger: { object: 'deal', dateField: 'd', offsetDays: 1, at: '25:00' }, actions })).toEqual(['/trigger/at']);
    expect(paths('automation', { ...base, trigger: { object: 'deal', event: 'created' }, actions: [{ type: 'webhook', url: 'ftp://x' }, { type: 'sms' }, { type: 'notify', user: 'u' }] })).toEqual([
      '/actions/0/url', '/actions/1/type', '/actions/2/message',
    ]);
    const hook = (secret: string) => ({ ...base, trigger: { object: 'deal', event: 'created' }, actions: [{ type: 'webhook', url: 'https://x.example', secret }] });
    expect(paths('automation', hook('short'))).toEqual(['/actions/0/secret']);
    expect(paths('automation', hook('****'))).toEqual([]);
    expect(codes('automation', { ...base, trigger: { schedule: '61 * * *  *' }, actions: [actions[0]] })).toEqual([
      ['/trigger/schedule', 'invalid_schedule'], ['/actions/0', 'invalid_value'],
    ]);
    expect(codes('automation', { ...base, trigger: { object: 'deal', event: 'created', fields: ['x'] }, actions: [actions[1]] })).toEqual([['/trigger/fields', 'invalid_value']]);
  });

  it('checks layouts', () => {
    const layout = { kind: 'layout', name: 'deal_default', object: 'deal', default: true,
      sections: [{ name: 'main', label: 'Main', columns: 2, fields: ['name', 'amount'] }],
      list: { columns: ['name', 'account.name'], sort: ['-amount'] },
      relatedLists: [{ object: 'task', relation: 'deal', columns: ['subject'] }] };
    expect(validateDocument('layout', layout)).toEqual([]);
    expect(codes('layout', { ...layout, sections: [...layout.sections, { name: 'main', fields: ['name'] }] })).toEqual([
      ['/sections/1/name', 'duplicate_name'], ['/sections/1/fields/0', 'duplicate_name'],
    ]);
    expect(paths('layout', { ...layout, sections: [{ name: 'x', columns: 5, fields: [] }] })).toEqual(['/sections/0/columns']);
  });

  it('takes visibility conditions on layout sections and fields, keeping plain field names', () => {
    const layout = { kind: 'layout', name: 'deal_default', object: 'deal',
      sections: [{ name: 'main', fields: ['name', { field: 'loss_reason', visibleWhen: { stage: 'lost' } }, { field: 'amount' }] },
        { name: 'big', visibleWhen: { amount: { $gte: 1000 } }, fields: ['discount'] }] };
    expect(validateDocument('layout', layout)).toEqual([]);
    expect(paths('layout', { ...layout, sections: [{ name: 'main', visibleWhen: 'yes', fields: [{ field: 'name', visibleWhen: [] }, { name: 'x' }, { field: 'Bad' }] }] }))
      .toEqual(expect.arrayContaining(['/sections/0/visibleWhen', '/sections/0/fields/0', '/sections/0/fields/1', '/sections/0/fields/2']));
    // the same field twice, once by name and once with a rule
    expect(codes('layout', { ...layout, sections: [{ name: 'main', fields: ['name', { field: 'name', visibleWhen: {} }] }] }))
      .toEqual([['/sections/0/fields/1', 'duplicate_name']]);
  });

  it('checks plugin manifests (DESIGN.md §6)', () => {
    const manifest = { name: 'complaints', version: '1.2.0', engine: '^1.0.0', dependsOn: { loyalty: '^1.0.0' },
      label: { en: 'Complaints', 'zh-CN': '投诉管理' }, metadata: 'metadata/', server: 'dist/server/index.js', web: 'dist/web/index.js',
      permissions: { objects: ['complaint', 'contact'] } };
    expect(validateDocument('plugin', manifest)).toEqual([]);
    expect(paths('plugin', { ...manifest, version: '1.2', server: '../../etc/passwd', web: '/abs.js', main: 'x' })).toEqual([
      '/main', '/version', '/server', '/web',
    ]);
    expect(codes('plugin', { ...manifest, dependsOn: { complaints: '1.x' } })).toEqual([['/dependsOn/complaints', 'invalid_value']]);
  });
});
